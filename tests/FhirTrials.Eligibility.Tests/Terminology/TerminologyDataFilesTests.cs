using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Fhir.DataFiles;

namespace FhirTrials.Eligibility.Tests.Terminology;

/// <summary>The terminology files' row readers, held to System.Text.Json reading the same files with the contract they were first read with.</summary>
public sealed class TerminologyDataFilesTests
{
    [Fact]
    public void Read_Units_SameAsSerializerContract() => AssertSame("units.json", UnitsFile.Read, OracleJsonContext.Default.UnitsFile);

    [Fact]
    public void Read_Measurements_SameAsSerializerContract() => AssertSame("measurements.json", MeasurementsFile.Read, OracleJsonContext.Default.MeasurementsFile);

    [Fact]
    public void Read_Conditions_SameAsSerializerContract() => AssertSame("conditions.json", ConditionsFile.Read, OracleJsonContext.Default.ConditionsFile);

    [Fact]
    public void Read_Scores_SameAsSerializerContract() => AssertSame("scores.json", ScoresFile.Read, OracleJsonContext.Default.ScoresFile);

    [Fact]
    public void Read_Phrases_SameAsSerializerContract() => AssertSame("phrases.json", PhrasesFile.Read, OracleJsonContext.Default.PhrasesFile);

    [Fact]
    public void Read_RowWithUnknownMember_NamesFileAndPath()
    {
        var json = """{ "units": [{ "ucum": "a", "spelling": ["yr"] }] }"""u8.ToArray();

        var exception = Assert.Throws<InvalidDataException>(() => DataFile.Read(json, "units.json", UnitsFile.Read));

        Assert.Equal("units.json: $.units[0].spelling is not a member of this file's format", exception.Message);
    }

    private static void AssertSame<T>(string name, Func<DataObject, T> read, JsonTypeInfo<T> contract)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("FhirTrials.Eligibility.Data." + name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();

        var ours = JsonSerializer.Serialize(DataFile.Read(bytes, name, read), contract);
        var theirs = JsonSerializer.Serialize(JsonSerializer.Deserialize(bytes, contract)!, contract);

        Assert.Equal(theirs, ours);
        Assert.True(ours.Length > 1_000, $"{name} read as almost nothing: {ours}");
    }
}

/// <summary>The contract the terminology files were read with before <see cref="DataFile"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(UnitsFile))]
[JsonSerializable(typeof(MeasurementsFile))]
[JsonSerializable(typeof(ConditionsFile))]
[JsonSerializable(typeof(ScoresFile))]
[JsonSerializable(typeof(PhrasesFile))]
internal sealed partial class OracleJsonContext : JsonSerializerContext;
