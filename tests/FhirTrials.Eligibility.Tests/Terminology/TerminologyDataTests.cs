using System.Text.Json;
using FhirTrials.Eligibility.Extraction;
using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Terminology;

public sealed class TerminologyDataTests
{
    private static readonly string DataFolder = Path.Combine(RepositoryPaths.Root, "src", "FhirTrials.Eligibility", "Terminology", "Data");

    [Fact]
    public void Lexicon_EmbeddedDataFiles_Load()
    {
        var lexicon = Lexicon.Default;

        Assert.True(lexicon.Measurements.Count >= 60);
        Assert.True(lexicon.Scores.Count >= 40);
        Assert.True(lexicon.Conditions.Count >= 40);
    }

    [Fact]
    public void Codes_LoincCodes_HaveValidCheckDigits()
    {
        var lexicon = Lexicon.Default;
        var codes = lexicon.Measurements.SelectMany(m => m.Alternates.Values.Append(m.Code))
            .Concat(lexicon.Scores.Select(s => s.Code))
            .Where(c => c.System == CodeSystems.Loinc)
            .ToList();

        Assert.True(codes.Count >= 70);
        Assert.All(codes, c => Assert.True(CheckDigits.IsValidLoinc(c.Code), $"{c.Code} ({c.Display}) has a wrong check digit"));
    }

    [Fact]
    public void Codes_SnomedCodes_AreValidConceptIds()
    {
        var codes = Lexicon.Default.Conditions.Select(c => c.Code).Append(Codes.Age).Append(Codes.Sex).ToList();

        Assert.All(codes, c => Assert.True(CheckDigits.IsValidSnomedConceptId(c.Code), $"{c.Code} ({c.Display}) is not a valid SNOMED CT concept id"));
    }

    [Theory]
    [InlineData("718-7", true)]
    [InlineData("718-6", false)]
    [InlineData("2160-0", true)]
    [InlineData("39156-5", true)]
    [InlineData("39156-4", false)]
    public void CheckDigits_Loinc_DetectsTypos(string code, bool valid) => Assert.Equal(valid, CheckDigits.IsValidLoinc(code));

    [Theory]
    [InlineData("77386006", true)]
    [InlineData("77386007", false)]
    [InlineData("86406008", true)]
    [InlineData("86406009", false)]
    public void CheckDigits_Snomed_DetectsTypos(string id, bool valid) => Assert.Equal(valid, CheckDigits.IsValidSnomedConceptId(id));

    [Fact]
    public void CodeSystem_ProfileFile_IsAValidR4CodeSystem()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.CodeSystem));
        var root = document.RootElement;
        var codes = root.GetProperty("concept").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();

        Assert.Equal("CodeSystem", root.GetProperty("resourceType").GetString());
        Assert.Equal(CodeSystems.FhirTrialsEligibility, root.GetProperty("url").GetString());
        Assert.Equal("complete", root.GetProperty("content").GetString());
        Assert.Contains(root.GetProperty("status").GetString(), new[] { "draft", "active", "retired", "unknown" });
        Assert.Equal(codes.Count, root.GetProperty("count").GetInt32());
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(root.GetProperty("concept").EnumerateArray(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("display").GetString())));
    }

    [Fact]
    public void CodeSystem_ProfileFile_DefinesExactlyTheCodesInUse()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.CodeSystem));
        var defined = document.RootElement.GetProperty("concept").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);
        var used = Lexicon.Default.Scores.Select(s => s.Code)
            .Concat([Codes.InformedConsent, Codes.TrialParticipation, Codes.TherapyOrEvent, Codes.FreeText, Codes.UlnMultiple, Codes.LlnMultiple, Codes.HealthyVolunteers])
            .Where(c => c.System == CodeSystems.FhirTrialsEligibility)
            .Select(c => c.Code)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Except(defined));
        Assert.Empty(defined.Except(used));
    }

    [Fact]
    public void Synonyms_NoPhraseMeansTwoDifferentThings()
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var clashes = new List<string>();
        foreach (var (file, array) in new[] { ("measurements.json", "measurements"), ("scores.json", "scores"), ("conditions.json", "conditions") })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, file)));
            foreach (var row in document.RootElement.GetProperty(array).EnumerateArray())
            {
                var key = file + ":" + row.GetProperty("key").GetString();
                foreach (var name in new[] { "synonyms", "caseSensitive", "negatedSynonyms" })
                {
                    if (!row.TryGetProperty(name, out var list))
                    {
                        continue;
                    }

                    foreach (var synonym in list.EnumerateArray().Select(s => s.GetString()!))
                    {
                        var normal = synonym.Replace("-", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim();
                        if (owners.TryGetValue(normal, out var owner) && owner != key && name != "caseSensitive")
                        {
                            clashes.Add($"'{synonym}' in {key} and {owner}");
                        }

                        owners.TryAdd(normal, key);
                    }
                }
            }
        }

        Assert.True(clashes.Count == 0, string.Join(Environment.NewLine, clashes));
    }

    [Fact]
    public void Measurements_DimensionsAndUnits_ExistInTheUnitTable()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "units.json")));
        var units = document.RootElement.GetProperty("units").EnumerateArray().ToList();
        var dimensions = units.Select(u => u.GetProperty("dimension").GetString()!).ToHashSet(StringComparer.Ordinal);

        Assert.All(Lexicon.Default.Measurements, m => Assert.All(m.Dimensions, d => Assert.Contains(d, dimensions)));
        Assert.All(Lexicon.Default.Measurements, m => Assert.All(m.Alternates.Keys, d => Assert.Contains(d, m.Dimensions)));
    }

    [Fact]
    public void Measurement_CodeForAlternateDimension_UsesTheAlternateCode()
    {
        var creatinine = Lexicon.Default.Measurements.Single(m => m.Key == "creatinine");

        Assert.Equal("14682-9", creatinine.CodeFor("substance-concentration").Code);
        Assert.Equal("2160-0", creatinine.CodeFor("mass-concentration").Code);
        Assert.Equal("2160-0", creatinine.CodeFor(null).Code);
    }

    [Fact]
    public void Criteria_CodesOfAllKinds_ComeFromKnownSystems()
    {
        var systems = new[] { CodeSystems.Loinc, CodeSystems.SnomedCt, CodeSystems.FhirTrialsEligibility };
        var criteria = CtgovRecord.AllFiles().Take(200).SelectMany(f => EligibilityCriteriaParser.Parse(CtgovRecord.Load(f).Criteria).Criteria).ToList();

        Assert.All(criteria, c => Assert.Contains(c.Code!.System, systems));
        Assert.Contains(criteria, c => c.Kind == CriterionKind.Measurement);
    }
}
