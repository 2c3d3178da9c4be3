using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>Skipping the properties the importer does not read: the reader passes over them, checking that they are well-formed.</summary>
internal sealed partial class CtGovStudyReader
{
    /// <summary>Skips the value of the property the reader is on.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }
}
