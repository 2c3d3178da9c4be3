namespace FhirTrials.Eligibility.Terminology;

/// <summary>Canonical URIs of the code systems the criteria use.</summary>
public static class CodeSystems
{
    public const string Loinc = "http://loinc.org";
    public const string SnomedCt = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string AdministrativeGender = "http://hl7.org/fhir/administrative-gender";

    /// <summary>The FhirTrials code system for what has no standard code (profiles/CodeSystem-fhirtrials-eligibility.json).</summary>
    public const string FhirTrialsEligibility = "https://fhirtrials.org/fhir/CodeSystem/eligibility";

    /// <summary>Resolves the short system names of the data files (loinc, sct, fhirtrials).</summary>
    public static string Resolve(string shortName) => shortName switch
    {
        "loinc" => Loinc,
        "sct" or "snomed" => SnomedCt,
        "fhirtrials" or "ft" => FhirTrialsEligibility,
        _ => throw new ArgumentException($"Unknown code system '{shortName}'.", nameof(shortName)),
    };
}
