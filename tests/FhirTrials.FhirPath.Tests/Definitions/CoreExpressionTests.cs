using FhirTrials.Fhir.Introspection;
using Xunit.Abstractions;

namespace FhirTrials.FhirPath.Tests.Definitions;

/// <summary>Every FHIRPath expression of the R4 core definitions compiles, and the base invariants pass the static checks.</summary>
public sealed class CoreExpressionTests(ITestOutputHelper output)
{
    [Fact]
    public void Compile_EveryConstraintExpression_Succeeds()
    {
        var expressions = CoreConstraints.All.Select(c => c.Expression).Distinct(StringComparer.Ordinal).ToList();
        var failures = CompileAll(expressions);
        output.WriteLine($"{CoreConstraints.All.Count} constraints, {expressions.Count} distinct expressions, {failures.Count} failed to compile");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Compile_EverySearchParameterExpression_Succeeds()
    {
        var expressions = CoreConstraints.SearchParameters.Select(s => s.Expression).Distinct(StringComparer.Ordinal).ToList();
        var failures = CompileAll(expressions);
        output.WriteLine($"{CoreConstraints.SearchParameters.Count} search parameters, {expressions.Count} distinct expressions, {failures.Count} failed to compile");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Check_BaseTypeAndResourceInvariants_HaveNoStaticErrors()
    {
        var problems = new List<string>();
        var checkedCount = 0;
        var logical = new List<string>();
        foreach (var constraint in CoreConstraints.All.Where(c => CoreConstraints.ForPath(c.Path).Contains(c)).DistinctBy(c => (c.Path, c.Key)))
        {
            if (IsLogicalModel(constraint))
            {
                logical.Add(constraint.Path.Split('.')[0]);
                continue;
            }

            checkedCount++;
            problems.AddRange(Problems(constraint));
        }

        output.WriteLine($"{checkedCount} invariants checked against their context types, {problems.Count} problems");
        output.WriteLine($"{logical.Count} invariants of the logical models {string.Join(", ", logical.Distinct())} not checked: no instance has these as its type");
        problems.ForEach(output.WriteLine);
        Assert.Equal(KnownBaseSlips, problems);
    }

    [Fact]
    public void Check_ProfileAndExtensionInvariants_ReportsOnlyGenuineSpecificationSlips()
    {
        var problems = CoreConstraints.All.Where(c => !CoreConstraints.ForPath(c.Path).Contains(c))
            .DistinctBy(c => (c.StructureDefinition, c.Path, c.Key))
            .SelectMany(Problems)
            .ToList();
        problems.ForEach(output.WriteLine);
        Assert.Equal(KnownProfileSlips, problems);
    }

    /// <summary>The types an element path can have: <c>Patient.contact</c> → the backbone type, <c>Observation.value[x]</c> → each choice.</summary>
    internal static IReadOnlyList<string> ContextTypes(string path)
    {
        var segments = path.Split('.');
        var type = ModelInfo.GetType(segments[0]);
        for (var i = 1; i < segments.Length && type is not null; i++)
        {
            var name = segments[i].Split(':')[0].Replace("[x]", string.Empty, StringComparison.Ordinal);
            if (type.GetElement(name) is not { } element)
            {
                return [];
            }

            if (i == segments.Length - 1)
            {
                return [.. element.Types.Select(t => t.Name)];
            }

            type = element.Types[0];
        }

        return type is null ? [] : [type.Name];
    }

    /// <summary>Logical models (Definition, Event, Request…) describe patterns, not instance types.</summary>
    private static bool IsLogicalModel(Constraint constraint) => ModelInfo.GetType(constraint.Path.Split('.')[0]) is null;

    /// <summary>The static problems of one invariant, checked against every type its element may have at once.</summary>
    private static IEnumerable<string> Problems(Constraint constraint)
    {
        var types = ContextTypes(constraint.Path);
        Assert.True(types.Count > 0, $"cannot find the type of {constraint.Path}");
        return FhirPathCompiler.Default.Check(constraint.Expression, types)
            .Select(d => $"{constraint.StructureDefinition} {constraint.Key} on {constraint.Path}: {d}");
    }

    private static List<string> CompileAll(IEnumerable<string> expressions)
    {
        var failures = new List<string>();
        foreach (var expression in expressions)
        {
            try
            {
                FhirPathCompiler.Default.Compile(expression);
            }
            catch (FhirPathSyntaxException ex)
            {
                failures.Add($"{expression} → {ex.Describe()}");
            }
        }

        return failures;
    }

    /// <summary>
    /// cid-0 is the canonical-resource name rule, but R4's ChargeItemDefinition has no <c>name</c>
    /// element: the invariant can never fail (it evaluates on nothing).
    /// </summary>
    private static readonly IReadOnlyList<string> KnownBaseSlips =
    [
        "ChargeItemDefinition cid-0 on ChargeItemDefinition: column 1: 'name' is not an element of ChargeItemDefinition",
    ];

    /// <summary>
    /// The substanceExposureRisk extension's inv-1 names its sub-extensions as if they were elements
    /// (<c>substanceExposureRisk</c>, <c>code</c>); on an Extension these are always empty.
    /// </summary>
    private static readonly IReadOnlyList<string> KnownProfileSlips =
    [
        "allergyintolerance-substanceExposureRisk inv-1 on Extension: column 1: 'substanceExposureRisk' is not an element of Extension",
        "allergyintolerance-substanceExposureRisk inv-1 on Extension: column 36: 'code' is not an element of Extension",
    ];
}
