using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Validation.Schema;

/// <summary>
/// The mutable state of one validation run: where issues go, the profile being applied (for
/// messages), whether the parser already reported structure, and caches for conformance probes.
/// Never shared between threads; probes (does this node conform?) run in a silent child scope.
/// </summary>
internal sealed class ValidationScope
{
    private readonly List<ValidationIssue> _issues;
    private readonly Dictionary<(ElementNode Node, string Profile), bool> _conformance;
    private FhirTrials.FhirPath.EvaluationContext? _evaluationContext;

    public ValidationScope(ValidatorServices services, bool structureReported)
        : this(services, structureReported, [], new(), silent: false)
    {
    }

    private ValidationScope(ValidatorServices services, bool structureReported, List<ValidationIssue> issues, Dictionary<(ElementNode, string), bool> conformance, bool silent)
    {
        Services = services;
        StructureReported = structureReported;
        _issues = issues;
        _conformance = conformance;
        IsProbe = silent;
    }

    public ValidatorServices Services { get; }

    /// <summary>True when the JSON parser already reported unknown elements, JSON shapes and primitive formats.</summary>
    public bool StructureReported { get; }

    /// <summary>True in a probe: only whether errors occur matters.</summary>
    public bool IsProbe { get; }

    /// <summary>The canonical of the profile whose rules are being applied.</summary>
    public string? Profile { get; set; }

    /// <summary>How deeply resources are nested in this run (contained, entries, reference targets).</summary>
    public int Depth { get; set; }

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    /// <summary>The FHIRPath environment of the run's invariants (definitions, conformsTo/slice through this validator).</summary>
    public FhirTrials.FhirPath.EvaluationContext EvaluationContext => _evaluationContext ??= new FhirTrials.FhirPath.EvaluationContext
    {
        Resolver = Services.Resolver,
        Conformance = new Invariants.ValidatorConformance(this),
    };

    public int ErrorCount { get; private set; }

    public void Error(IssueType code, ElementNode node, string message, string? ruleId = null) => Report(IssueSeverity.Error, code, node, message, ruleId);

    public void Warning(IssueType code, ElementNode node, string message, string? ruleId = null) => Report(IssueSeverity.Warning, code, node, message, ruleId);

    public void Information(IssueType code, ElementNode node, string message, string? ruleId = null) => Report(IssueSeverity.Information, code, node, message, ruleId);

    public void Report(IssueSeverity severity, IssueType code, ElementNode node, string message, string? ruleId = null)
    {
        if (severity is IssueSeverity.Error or IssueSeverity.Fatal)
        {
            ErrorCount++;
        }

        if (IsProbe)
        {
            return;
        }

        _issues.Add(new ValidationIssue(severity, code, message, node.Location, node.Position, ruleId, Profile, node.SourceName));
    }

    /// <summary>Adds an issue found elsewhere (the parser), counting its errors.</summary>
    public void Add(ValidationIssue issue)
    {
        if (issue.IsError)
        {
            ErrorCount++;
        }

        if (!IsProbe)
        {
            _issues.Add(issue);
        }
    }

    /// <summary>A silent scope sharing the services and caches: for "does this conform?" questions.</summary>
    public ValidationScope Probe() => new(Services, StructureReported, [], _conformance, silent: true) { Profile = Profile, Depth = Depth };

    /// <summary>Whether <paramref name="node"/> conforms to <paramref name="profile"/> (validated once per run).</summary>
    public bool Conforms(ElementNode node, string profile, Func<ValidationScope, bool> validate)
    {
        if (_conformance.TryGetValue((node, profile), out var known))
        {
            return known;
        }

        _conformance[(node, profile)] = true; // assume conformance while checking: breaks reference cycles
        var result = validate(Probe());
        _conformance[(node, profile)] = result;
        return result;
    }
}
