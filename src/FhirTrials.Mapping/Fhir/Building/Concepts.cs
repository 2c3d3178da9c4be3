using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Codings and CodeableConcepts from the mapping tables and record codes, and back. A table value
/// becomes its mapped coding, plus the exact CT.gov coding whenever the mapped code alone does not
/// identify the CT.gov value (lossy or unmatched rows), so the reverse mapping is exact.
/// </summary>
internal static class Concepts
{
    public static Coding Coding(string system, string code, string? display) => new() { System = system, Code = code, Display = display };

    public static Coding FromRecord(Records.Coding coding) => Coding(coding.System, coding.Code, coding.Display);

    /// <summary>A record coding, or null when the FHIR coding lacks a system or code.</summary>
    public static Records.Coding? ToRecord(Coding coding) =>
        coding.System is { } system && coding.Code is { } code ? new() { System = system, Code = code, Display = coding.Display } : null;

    public static CodeableConcept Text(string text) => new() { Text = text };

    /// <summary>Codes (possibly none) and text (possibly absent) as a CodeableConcept.</summary>
    public static CodeableConcept FromCodes(IReadOnlyList<Records.Coding>? codes, string? text)
    {
        var concept = new CodeableConcept { Text = text };
        foreach (var coding in codes ?? [])
        {
            concept.Coding.Add(FromRecord(coding));
        }

        return concept;
    }

    /// <summary>The codes of a concept as record codings, or null when it has none.</summary>
    public static IReadOnlyList<Records.Coding>? ToRecordCodes(CodeableConcept? concept)
    {
        var codes = concept?.Coding.Select(ToRecord).OfType<Records.Coding>().ToList();
        return codes is { Count: > 0 } ? codes : null;
    }

    /// <summary>A CT.gov value as a concept: the mapped coding, the CT.gov coding when needed, and its display as text.</summary>
    public static CodeableConcept FromTable<TEnum>(MappingTable<TEnum> table, TEnum value)
        where TEnum : struct, Enum
    {
        var row = table.Map(value);
        var concept = new CodeableConcept { Text = row.SourceDisplay };
        if (row.IsMapped)
        {
            concept.Coding.Add(Coding(row.System!, row.Code!, row.Display));
        }

        if (NeedsSourceCoding(table, value))
        {
            concept.Coding.Add(SourceCoding(table, value));
        }

        return concept;
    }

    /// <summary>The exact CT.gov coding of a value.</summary>
    public static Coding SourceCoding<TEnum>(MappingTable<TEnum> table, TEnum value)
        where TEnum : struct, Enum => FromRecord(table.SourceCoding(value));

    /// <summary>The CT.gov value a concept stands for: its CT.gov coding, else a mapped code that identifies one value.</summary>
    public static TEnum? ToTable<TEnum>(MappingTable<TEnum> table, CodeableConcept? concept)
        where TEnum : struct, Enum
    {
        if (concept is null)
        {
            return null;
        }

        foreach (var coding in concept.Coding.Where(c => c.System == table.Data.SourceSystem))
        {
            if (coding.Code is { } code && table.Reverse(table.Data.SourceSystem, code) is [var exact])
            {
                return exact;
            }
        }

        foreach (var coding in concept.Coding)
        {
            if (coding.System is { } system && coding.Code is { } code && table.Reverse(system, code) is [var only])
            {
                return only;
            }
        }

        return null;
    }

    /// <summary>Whether the mapped code of <paramref name="value"/> fails to identify it on its own.</summary>
    public static bool NeedsSourceCoding<TEnum>(MappingTable<TEnum> table, TEnum value)
        where TEnum : struct, Enum => table.NeedsSourceCoding(value);
}
