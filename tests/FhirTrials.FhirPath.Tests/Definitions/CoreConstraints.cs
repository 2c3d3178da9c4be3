using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.FhirPath.Tests.Definitions;

/// <summary>An invariant of an element definition.</summary>
public sealed record Constraint(string Key, string Severity, string Expression, string Human, string Path, string StructureDefinition);

/// <summary>
/// The FHIRPath expressions of the R4 core definitions: every constraint of every StructureDefinition
/// (snapshot and differential) and every SearchParameter expression, plus an index of the constraints
/// of the base types and resources by element path, as a validator applies them.
/// </summary>
public static class CoreConstraints
{
    private static readonly Lazy<IReadOnlyList<Constraint>> AllConstraints = new(LoadConstraints);
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Constraint>>> ByPath = new(IndexByPath);

    /// <summary>All constraints with an expression, from all StructureDefinitions (profiles and extensions included).</summary>
    public static IReadOnlyList<Constraint> All => AllConstraints.Value;

    /// <summary>The expressions of all SearchParameters: (id, base, expression).</summary>
    public static IReadOnlyList<(string Id, string Expression)> SearchParameters { get; } = LoadSearchParameters();

    /// <summary>The constraints of an element of a base type or resource (by ElementDefinition path, e.g. <c>Patient.contact</c> or <c>HumanName</c>).</summary>
    public static IReadOnlyList<Constraint> ForPath(string path) => ByPath.Value.GetValueOrDefault(path) ?? [];

    private static IEnumerable<(string Id, ElementNode Node)> StructureDefinitions() =>
        R4Definitions.Resolver.Entries("StructureDefinition")
            .Select(e => (e.Entry.Id ?? e.Entry.FileName, R4Definitions.Resolver.Node(e.Package, e.Entry.FileName)!));

    private static List<Constraint> LoadConstraints()
    {
        var result = new List<Constraint>();
        foreach (var (id, sd) in StructureDefinitions())
        {
            foreach (var section in new[] { "snapshot", "differential" })
            {
                foreach (var element in sd.Child(section)?.ChildrenNamed("element") ?? [])
                {
                    var path = element.Child("path")?.Text ?? string.Empty;
                    foreach (var constraint in element.ChildrenNamed("constraint"))
                    {
                        if (constraint.Child("expression")?.Text is { } expression)
                        {
                            result.Add(new Constraint(
                                constraint.Child("key")?.Text ?? "?",
                                constraint.Child("severity")?.Text ?? "error",
                                expression,
                                constraint.Child("human")?.Text ?? string.Empty,
                                path,
                                id));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Snapshot constraints of the specializations (base types and resources), by element path, one per key.</summary>
    private static Dictionary<string, IReadOnlyList<Constraint>> IndexByPath()
    {
        var specializations = StructureDefinitions()
            .Where(sd => sd.Node.Child("derivation")?.Text != "constraint")
            .Select(sd => sd.Id)
            .ToHashSet(StringComparer.Ordinal);
        return All.Where(c => specializations.Contains(c.StructureDefinition))
            .GroupBy(c => c.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Constraint>)[.. g.DistinctBy(c => c.Key)], StringComparer.Ordinal);
    }

    private static List<(string Id, string Expression)> LoadSearchParameters() =>
        [.. R4Definitions.Resolver.Entries("SearchParameter")
            .Select(e => (e.Entry.Id ?? e.Entry.FileName, Node: R4Definitions.Resolver.Node(e.Package, e.Entry.FileName)!))
            .Where(sp => sp.Node.Child("expression")?.Text is not null)
            .Select(sp => (sp.Item1, sp.Node.Child("expression")!.Text!))];
}
