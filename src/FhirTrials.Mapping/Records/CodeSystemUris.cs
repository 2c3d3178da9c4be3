namespace FhirTrials.Mapping.Records;

/// <summary>Code system URIs used in records.</summary>
public static class CodeSystemUris
{
    /// <summary>MeSH, as registered in HL7 Terminology (THO).</summary>
    public const string Mesh = "https://www.nlm.nih.gov/mesh";

    /// <summary>UCUM, for the unit codes of <see cref="Quantity"/>, <see cref="TimeOffset"/> and <see cref="ParsedDuration"/>.</summary>
    public const string Ucum = "http://unitsofmeasure.org";
}
