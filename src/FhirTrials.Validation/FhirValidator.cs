using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Validation.Invariants;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Snapshots;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation;

/// <summary>
/// Validates FHIR R4 resources against StructureDefinitions (base definitions, <c>meta.profile</c>,
/// and profiles asked for), as the HL7 validator does: structure, cardinality, values, bindings,
/// slicing, extensions, invariants and references. Construct once and share: every definition is
/// compiled on first use and cached; validation is thread-safe.
/// </summary>
public sealed partial class FhirValidator
{
    private static readonly Lazy<FhirValidator> DefaultValidator = new(() => new FhirValidator());
    private readonly ValidatorServices _services;
    private readonly FhirJsonParserSettings _parserSettings;

    public FhirValidator(ValidatorSettings? settings = null)
    {
        settings ??= new ValidatorSettings();
        Resolver = settings.Resolver ?? R4Definitions.CreateResolver([.. settings.Packages, FhirTrialsProfiles.Package]);
        IInvariantEvaluator invariants = settings.CheckInvariants ? DefaultInvariants() : UnavailableInvariantEvaluator.Instance;
        _services = new ValidatorServices(Resolver, invariants, settings);
        _parserSettings = FhirJsonParserSettings.LenientMode with { AllowComments = settings.AllowJsonComments };
    }

    /// <summary>A shared validator over the FhirTrials profiles and R4.</summary>
    public static FhirValidator Default => DefaultValidator.Value;

    /// <summary>Where definitions come from.</summary>
    public IResourceResolver Resolver { get; }

    /// <summary>
    /// Validates a resource tree against its base definition and its <c>meta.profile</c>s, or against
    /// <paramref name="profiles"/> instead of <c>meta.profile</c> when given. Trees built in code get
    /// the structure checks (unknown elements, primitive formats) the parser would have made.
    /// </summary>
    public ValidationResult Validate(ElementNode resource, IEnumerable<string>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var scope = new ValidationScope(_services, structureReported: false);
        Run(resource, profiles, scope);
        return Finish(scope, resource.SourceName);
    }

    /// <summary>Parses FHIR JSON leniently and validates it; the parser's issues (malformed JSON, unknown elements, bad values) are included.</summary>
    public ValidationResult ValidateJson(ReadOnlyMemory<byte> utf8, string? sourceName, IEnumerable<string>? profiles = null)
    {
        var parsed = new FhirJsonParser(_parserSettings).Parse(utf8, sourceName);
        var scope = new ValidationScope(_services, structureReported: true);
        foreach (var issue in parsed.Issues)
        {
            scope.Add(new ValidationIssue(issue.Severity, issue.Code, issue.Message, issue.Location, issue.Position, "parser", null, issue.SourceName ?? sourceName));
        }

        if (parsed.Root is { Type: not null } root)
        {
            Run(root, profiles, scope);
        }

        return Finish(scope, sourceName);
    }

    /// <summary>The problems of a profile itself: snapshot generation and compilation issues (empty when it is sound).</summary>
    public IReadOnlyList<SnapshotIssue> ProfileIssues(string canonical)
    {
        var schema = _services.Schemas.Get(canonical);
        return schema is null ? [new SnapshotIssue(canonical, null, "the profile cannot be found", true)] : schema.SnapshotIssues;
    }

    internal ValidatorServices Services => _services;

    private static void Run(ElementNode resource, IEnumerable<string>? profiles, ValidationScope scope)
    {
        if (!resource.IsResource)
        {
            scope.Error(Fhir.Model.IssueType.Structure, resource, "expected a resource");
            return;
        }

        ResourceValidation.Validate(resource, scope, profiles?.ToList(), []);
        scope.RunDeferred();
    }

    private static ValidationResult Finish(ValidationScope scope, string? sourceName)
    {
        var seen = new HashSet<(Fhir.Model.IssueSeverity, Fhir.Model.IssueType, string?, string, SourcePosition?)>();
        var issues = scope.Issues.Where(i => seen.Add((i.Severity, i.Code, i.Expression, i.Message, i.Position)))
            .Select((issue, index) => (issue, index))
            .OrderBy(x => x.issue.Position?.Line ?? int.MaxValue)
            .ThenBy(x => x.issue.Position?.Column ?? int.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.issue)
            .ToList();
        return new ValidationResult(issues, sourceName);
    }

    private static partial IInvariantEvaluator DefaultInvariants();
}
