using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Which intervention each entry of an arm's "interventionNames" ("Type: Name" as CT.gov writes it, or
/// the bare name) refers to; the protocol's arm actions are built from it.
/// </summary>
internal sealed class ArmLinks
{
    public ArmLinks(TrialRecord record, MappingTables tables)
    {
        var interventions = record.Interventions ?? [];
        var displays = interventions
            .Select(i => i.Type is { } type ? tables.InterventionType.Map(type).SourceDisplay + ": " + i.Name : i.Name)
            .ToList();
        var names = interventions.Select(i => i.Name).ToList();
        Resolved = [.. (record.Arms ?? []).Select(arm => (arm.InterventionNames ?? []).Select(name => Resolve(names, displays, name)).ToArray())];
    }

    /// <summary>For each arm, for each of its interventionNames, the 0-based index of the intervention it names (or null).</summary>
    public IReadOnlyList<int?[]> Resolved { get; }

    private static int? Resolve(List<string> names, List<string> displays, string name)
    {
        var index = displays.FindIndex(d => string.Equals(d, name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = names.FindIndex(n => string.Equals(n, name, StringComparison.Ordinal));
        }

        return index < 0 ? null : index;
    }
}
