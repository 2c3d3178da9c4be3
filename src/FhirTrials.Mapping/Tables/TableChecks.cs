namespace FhirTrials.Mapping.Tables;

/// <summary>Consistency checks shared by the table loaders; a broken table file fails at load.</summary>
internal static class TableChecks
{
    public static void Row(MappingTableData data, string resourceName, MappingRow row)
    {
        var unmatched = row.Equivalence == ConceptEquivalence.Unmatched;
        if (unmatched != (row.Code is null) || (row.Code is null) != (row.System is null))
        {
            throw Invalid(data, resourceName, $"row '{row.Source}' must have system and code unless its equivalence is unmatched");
        }
    }

    public static InvalidDataException Invalid(MappingTableData data, string resourceName, string problem) =>
        new($"mapping table '{data.Id}' ({resourceName}): {problem}");
}
