using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Knowledge;

/// <summary>Codes of FHIR CodeableConcepts as <see cref="CodeKey"/>s, and how evidence names them.</summary>
internal static class Codes
{
    public static IEnumerable<CodeKey> Of(CodeableConcept? concept) =>
        concept is null
            ? []
            : concept.Coding.Where(c => c.System is not null && c.Code is not null).Select(c => new CodeKey(c.System!, c.Code!));

    /// <summary>The codes that count for a criterion coded <paramref name="code"/>: itself and its analyte's other codes.</summary>
    public static IReadOnlySet<CodeKey> Equivalents(CodeKey code, MatchingKnowledge knowledge) =>
        knowledge.Analyte(code)?.Codes ?? new HashSet<CodeKey> { code };

    /// <summary>"SNOMED CT 9014002 Psoriasis" style name of the first coding, else the text.</summary>
    public static string Name(CodeableConcept? concept)
    {
        var coding = concept?.Coding.FirstOrDefault(c => c.Code is not null);
        if (coding is null)
        {
            return concept?.Text ?? "(no code)";
        }

        var label = coding.Display ?? concept!.Text;
        return $"{ShortSystem(coding.System)} {coding.Code}" + (label is null ? string.Empty : " " + label);
    }

    public static string ShortSystem(string? system) => system switch
    {
        Terminology.CodeSystems.SnomedCt => "SNOMED",
        Terminology.CodeSystems.Loinc => "LOINC",
        TherapyInfo.AtcSystem => "ATC",
        Terminology.CodeSystems.FhirTrialsEligibility => "FhirTrials",
        "http://www.nlm.nih.gov/research/umls/rxnorm" => "RxNorm",
        "http://hl7.org/fhir/sid/icd-10" or "http://hl7.org/fhir/sid/icd-10-cm" => "ICD-10",
        null => "(no system)",
        _ => system,
    };
}
