using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FhirTrials.Fhir.DataFiles;
using FhirTrials.Eligibility.Model;

using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Terminology;

/// <summary>Reads the embedded terminology data files and builds the <see cref="Lexicon"/>.</summary>
internal static class TerminologyLoader
{
    private const string ResourcePrefix = "FhirTrials.Eligibility.Data.";

    public static Lexicon Load()
    {
        var tables = new LexiconTables();
        var units = Read("units.json", UnitsFile.Read);
        foreach (var row in units.Units)
        {
            var unit = new UnitDefinition(row.Ucum, row.Dimension, row.Factor);
            foreach (var spelling in row.Spellings)
            {
                tables.Units.Add(spelling, unit, row.CaseSensitive);
                if (row.Ucum == "a" && spelling.AsSpan().TrimStart(' ') is [var first, ..])
                {
                    tables.YearUnitInitials.Add(char.ToLowerInvariant(ScanText.MapChar(first)));
                }

                if (row.Dimension == "time" && spelling.All(char.IsLetter))
                {
                    tables.TimeUnitWords.Add(spelling);
                }
            }
        }

        var phrases = Read("phrases.json", PhrasesFile.Read);
        LoadMeasurements(tables, Read("measurements.json", MeasurementsFile.Read));
        LoadScores(tables, Read("scores.json", ScoresFile.Read));
        LoadConditions(tables, Read("conditions.json", ConditionsFile.Read));
        PhraseLoader.Load(tables, phrases);
        return new Lexicon(tables, phrases.NumberWords);
    }

    /// <summary>Reads one embedded data file (<c>FhirTrials.Eligibility.Data.&lt;name&gt;</c>) with its row reader.</summary>
    internal static T Read<T>(string name, Func<DataObject, T> read) =>
        DataFile.ReadEmbedded(typeof(TerminologyLoader).Assembly, ResourcePrefix + name, read);

    /// <summary>Reads one embedded data file with the serializer (the matcher's tables).</summary>
    internal static T Read<T>(string name, JsonTypeInfo<T> typeInfo)
    {
        using var stream = typeof(TerminologyLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidDataException($"Terminology data file '{name}' is not embedded in the assembly.");
        try
        {
            return JsonSerializer.Deserialize(stream, typeInfo)
                ?? throw new InvalidDataException($"Terminology data file '{name}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"Terminology data file '{name}' line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1} ({ex.Path}): {ex.Message}", ex);
        }
    }

    private static void LoadMeasurements(LexiconTables tables, MeasurementsFile file)
    {
        LoadMeasurementRows(tables, file);
        foreach (var row in file.Measurements.Where(r => r.SlashPair is not null))
        {
            tables.Measurements.Single(m => m.Key == row.Key).SlashPair = tables.Measurements.SingleOrDefault(m => m.Key == row.SlashPair)
                ?? throw new InvalidDataException($"measurements.json: measurement '{row.Key}' names unknown slashPair '{row.SlashPair}'.");
        }
    }

    private static void LoadMeasurementRows(LexiconTables tables, MeasurementsFile file)
    {
        foreach (var row in file.Measurements)
        {
            var kind = row.Kind switch
            {
                "laboratory" => MeasurementKind.Laboratory,
                "vital" => MeasurementKind.Vital,
                "bmi" => MeasurementKind.BodyMassIndex,
                _ => throw new InvalidDataException($"measurements.json: measurement '{row.Key}' has unknown kind '{row.Kind}'."),
            };
            var alternates = row.Alternates.ToDictionary(
                a => a.Dimension,
                a => new Coding(CodeSystems.Loinc, a.Code, a.Display),
                StringComparer.Ordinal);
            var definition = new MeasurementDefinition(
                row.Key,
                kind,
                new Coding(CodeSystems.Loinc, row.Code, row.Display),
                row.Unit,
                new HashSet<string>(row.Dimensions, StringComparer.Ordinal),
                alternates,
                row.ImpliedRate,
                row.RequiresUnit);
            tables.Measurements.Add(definition);
            var term = new Term(TermCategory.Measurement) { Measurement = definition };
            AddAll(tables, row.Synonyms, term, caseSensitive: false);
            AddAll(tables, row.CaseSensitive, term, caseSensitive: true);
        }
    }

    private static void LoadScores(LexiconTables tables, ScoresFile file)
    {
        foreach (var row in file.Scores)
        {
            var definition = new ScoreDefinition(
                row.Key,
                new Coding(CodeSystems.Resolve(row.System), row.Code, row.Display),
                row.Min,
                row.Max,
                row.Roman,
                row.Unit);
            tables.Scores.Add(definition);
            var term = new Term(TermCategory.Score) { Score = definition };
            AddAll(tables, row.Synonyms, term, caseSensitive: false);
            AddAll(tables, row.CaseSensitive, term, caseSensitive: true);
        }
    }

    private static void LoadConditions(LexiconTables tables, ConditionsFile file)
    {
        foreach (var row in file.Conditions)
        {
            var category = row.Category switch
            {
                "reproductive" => ConditionCategory.Reproductive,
                "infection" => ConditionCategory.Infection,
                "malignancy" => ConditionCategory.Malignancy,
                "disease" => ConditionCategory.Disease,
                _ => throw new InvalidDataException($"conditions.json: condition '{row.Key}' has unknown category '{row.Category}'."),
            };
            var definition = new ConditionDefinition(row.Key, category, new Coding(CodeSystems.SnomedCt, row.Code, row.Display));
            tables.Conditions.Add(definition);
            var term = new Term(TermCategory.Condition) { Condition = definition };
            AddAll(tables, row.Synonyms, term, caseSensitive: false);
            AddAll(tables, row.CaseSensitive, term, caseSensitive: true);
            AddAll(tables, row.NegatedSynonyms, term with { Negated = true }, caseSensitive: false);
        }
    }

    internal static void AddAll(LexiconTables tables, IEnumerable<string> phrases, Term term, bool caseSensitive)
    {
        foreach (var phrase in phrases)
        {
            tables.Terms.Add(phrase, term, caseSensitive);
        }
    }
}
