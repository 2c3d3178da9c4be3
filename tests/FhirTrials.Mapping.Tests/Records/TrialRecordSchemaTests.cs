using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Records;

/// <summary>The published JSON Schema and the C# record types describe the same format.</summary>
public sealed class TrialRecordSchemaTests
{
    private static readonly Lazy<JsonDocument> SchemaDocument = new(() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Schema)));

    private static JsonElement Schema => SchemaDocument.Value.RootElement;

    [Fact]
    public void Schema_Header_IsDraft202012ForVersion10()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.Equal(TrialRecord.CurrentVersion, Schema.GetProperty("properties").GetProperty("recordVersion").GetProperty("const").GetString());
    }

    [Fact]
    public void Schema_AndRecordTypes_AgreeRecursively()
    {
        var problems = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        CheckObject(typeof(TrialRecord), Schema, "TrialRecord", problems, visited);

        var defined = Schema.GetProperty("$defs").EnumerateObject().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        defined.ExceptWith(visited);
        problems.AddRange(defined.Select(name => $"$defs/{name} is not used by any record type"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Schema_EveryExampleRecord_IsValidAndReadsStrictly()
    {
        var validator = new MiniJsonSchema(Schema);
        var files = Directory.GetFiles(RepositoryPaths.ExampleRecords, "*.json");
        var problems = new List<string>();
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            problems.AddRange(validator.Validate(document.RootElement).Select(e => $"{Path.GetFileName(file)}: {e}"));
            var record = TrialRecordReader.ReadFile(file);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), record.RegistryId);
        }

        Assert.Equal(7, files.Length);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Schema_EveryImportedFixtureRecord_IsValid()
    {
        var validator = new MiniJsonSchema(Schema);
        var problems = new List<string>();
        var files = Directory.GetFiles(RepositoryPaths.CtGovFull, "*.json").Concat(Directory.GetFiles(RepositoryPaths.CtGovPartial, "*.json"));
        foreach (var file in files)
        {
            foreach (var record in CtGovImporter.ImportFile(file))
            {
                using var document = JsonDocument.Parse(TrialRecordWriter.ToUtf8Bytes(record));
                problems.AddRange(validator.Validate(document.RootElement).Select(e => $"{Path.GetFileName(file)}: {e}").Take(3));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Theory]
    [InlineData("{\"recordVersion\": \"1.0\"}")]
    [InlineData("{\"recordVersion\": \"1.0\", \"registryId\": \"NCT1\", \"extra\": true}")]
    [InlineData("{\"recordVersion\": \"1.0\", \"registryId\": \"NCT1\", \"phases\": [\"PHASE5\"]}")]
    [InlineData("{\"recordVersion\": \"1.0\", \"registryId\": \"NCT1\", \"enrollment\": {\"count\": 1.5}}")]
    [InlineData("{\"recordVersion\": \"1.0\", \"registryId\": \"NCT1\", \"arms\": [{\"type\": \"OTHER\"}]}")]
    [InlineData("{\"recordVersion\": \"2.0\", \"registryId\": \"NCT1\"}")]
    [InlineData("{\"recordVersion\": \"1.0\", \"registryId\": \"\"}")]
    public void Schema_AndReader_BothRejectInvalidRecords(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.NotEmpty(new MiniJsonSchema(Schema).Validate(document.RootElement));
        Assert.Throws<TrialRecordFormatException>(() => TrialRecordReader.Parse(json, "invalid.json"));
    }

    private static void CheckObject(Type type, JsonElement schema, string where, List<string> problems, HashSet<string> visited)
    {
        var info = TrialRecordJsonContext.Default.GetTypeInfo(type)!;
        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
        {
            problems.Add($"{where}: schema must set additionalProperties to false");
        }

        var schemaProperties = schema.GetProperty("properties");
        var names = schemaProperties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var typeNames = info.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(typeNames.Except(names).Select(n => $"{where}.{n}: in {type.Name} but not in the schema"));
        problems.AddRange(names.Except(typeNames).Select(n => $"{where}.{n}: in the schema but not in {type.Name}"));

        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        var typeRequired = info.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet();
        if (!required.SetEquals(typeRequired))
        {
            problems.Add($"{where}: required [{string.Join(", ", required.Order())}] in schema, [{string.Join(", ", typeRequired.Order())}] in {type.Name}");
        }

        foreach (var property in info.Properties.Where(p => names.Contains(p.Name)))
        {
            CheckValue(property.PropertyType, schemaProperties.GetProperty(property.Name), $"{where}.{property.Name}", problems, visited);
        }
    }

    private static void CheckValue(Type type, JsonElement schema, string where, List<string> problems, HashSet<string> visited)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var info = TrialRecordJsonContext.Default.GetTypeInfo(type)!;
        if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            Expect(schema, "array", where, problems);
            CheckValue(info.ElementType!, schema.GetProperty("items"), where + "[]", problems, visited);
            return;
        }

        if (type.IsEnum || info.Kind == JsonTypeInfoKind.Object)
        {
            var reference = schema.TryGetProperty("$ref", out var r) ? r.GetString() : null;
            if (reference != $"#/$defs/{type.Name}")
            {
                problems.Add($"{where}: expected $ref #/$defs/{type.Name}, found {reference ?? "none"}");
                return;
            }

            if (visited.Add(type.Name))
            {
                var definition = Schema.GetProperty("$defs").GetProperty(type.Name);
                if (type.IsEnum)
                {
                    var values = definition.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();
                    if (!values.SequenceEqual(RecordEnumerations.All[type]))
                    {
                        problems.Add($"$defs/{type.Name}: enum [{string.Join(", ", values)}] differs from [{string.Join(", ", RecordEnumerations.All[type])}]");
                    }
                }
                else
                {
                    CheckObject(type, definition, type.Name, problems, visited);
                }
            }

            return;
        }

        var expected = type == typeof(string) ? "string"
            : type == typeof(bool) ? "boolean"
            : type == typeof(int) || type == typeof(long) ? "integer"
            : "number";
        Expect(schema, expected, where, problems);
    }

    private static void Expect(JsonElement schema, string type, string where, List<string> problems)
    {
        var actual = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (actual != type)
        {
            problems.Add($"{where}: schema type {actual ?? "none"}, record type needs {type}");
        }
    }
}
