namespace FhirTrials.Eligibility.Matching.Knowledge;

/// <summary>The codes that count for a therapy named in words (therapies.json): ATC class prefixes and exact codes.</summary>
internal sealed record TherapyInfo(string Phrase, IReadOnlyList<string> AtcClasses, IReadOnlySet<CodeKey> Codes)
{
    public const string AtcSystem = "http://www.whocc.no/atc";

    /// <summary>The ATC class that <paramref name="code"/> falls in, or null.</summary>
    public string? AtcClassOf(CodeKey code) =>
        code.System == AtcSystem ? AtcClasses.FirstOrDefault(c => code.Code.StartsWith(c, StringComparison.Ordinal)) : null;
}
