using FhirTrials.Eligibility.Matching.Units;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Matching.Knowledge;

internal sealed partial class MatchingKnowledge
{
    private const string Prefix = "matching-";

    private static MatchingKnowledge Load()
    {
        var baseUnits = TerminologyLoader.Read("units.json", UnitsFile.Read).Units
            .Select(u => new UcumUnit(u.Ucum, u.Dimension, (decimal)u.Factor));
        var extraUnits = TerminologyLoader.Read(Prefix + "units.json", MatchingJsonContext.Default.MatcherUnitsFile).Units
            .Select(u => new UcumUnit(u.Ucum, u.Dimension, (decimal)u.Factor));
        var units = new UnitCatalog(baseUnits.Concat(extraUnits));

        var analytes = new Dictionary<CodeKey, Analyte>();
        foreach (var row in TerminologyLoader.Read(Prefix + "analytes.json", MatchingJsonContext.Default.AnalytesFile).Analytes)
        {
            var analyte = new Analyte(row.Name, Keys(row.Codes, "analytes.json"), row.MolarMass);
            foreach (var code in analyte.Codes)
            {
                analytes.Add(code, analyte);
            }
        }

        var concepts = TerminologyLoader.Read(Prefix + "concepts.json", MatchingJsonContext.Default.ConceptsFile).Concepts
            .Select(Concept).ToDictionary(c => c.Code);
        var known = new HashSet<CodeKey>(concepts.Keys);
        known.UnionWith(Lexicon.Default.Conditions.Select(c => new CodeKey(c.Code.System, c.Code.Code)));

        var results = TerminologyLoader.Read(Prefix + "results.json", MatchingJsonContext.Default.ResultsFile);
        var resultCodes = new ResultCodes(
            Keys(results.Positive, "results.json"),
            Keys(results.Negative, "results.json"),
            Keys(results.Indeterminate, "results.json"),
            new HashSet<string>(results.PositiveWords, StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(results.NegativeWords, StringComparer.OrdinalIgnoreCase));

        var therapies = new Dictionary<string, TherapyInfo>(StringComparer.Ordinal);
        foreach (var row in TerminologyLoader.Read(Prefix + "therapies.json", MatchingJsonContext.Default.TherapiesFile).Therapies)
        {
            foreach (var phrase in row.Phrases)
            {
                therapies.Add(NormalisePhrase(phrase), new TherapyInfo(phrase, row.Atc, Keys(row.Codes, "therapies.json")));
            }
        }

        var joiners = TerminologyLoader.Read(Prefix + "joiners.json", MatchingJsonContext.Default.JoinersFile).Alternatives
            .Select(j => j.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var scores = Lexicon.Default.Scores.Select(s => new CodeKey(s.Code.System, s.Code.Code)).ToHashSet();
        return new MatchingKnowledge(units, analytes, concepts, known, resultCodes, therapies, joiners, scores);
    }

    private static ConceptInfo Concept(ConceptRow row)
    {
        const string File = "concepts.json";
        var presence = row.Presence switch
        {
            null => (Presence?)null,
            "closed-world" => Presence.ClosedWorld,
            "evidence-required" => Presence.EvidenceRequired,
            _ => throw new InvalidDataException($"Matching data file '{File}': concept '{row.Code}' has unknown presence '{row.Presence}'."),
        };
        return new ConceptInfo(
            CodeKey.Parse(row.Code, File),
            row.Name,
            presence,
            row.Current,
            row.EvidenceDays,
            new HashSet<string>(row.NotForGender, StringComparer.Ordinal),
            row.Observations.Select(o => new ConceptObservation(CodeKey.Parse(o.Code, File), Keys(o.Present, File), Keys(o.Absent, File))).ToList(),
            Keys(row.Descendants, File),
            Keys(row.PossibleDescendants, File));
    }

    private static HashSet<CodeKey> Keys(IEnumerable<string> tokens, string file) => tokens.Select(t => CodeKey.Parse(t, file)).ToHashSet();
}
