using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tests.Fhir.Support;

namespace FhirTrials.Mapping.Tests.Records.Walks;

/// <summary>The generated registry-fields encoding gives exactly the reflected encoding: same sub-extensions, values and order.</summary>
public sealed class RegistryFieldsEncodingTests
{
    public static TheoryData<Type> RecordTypes => RecordShapeTests.RecordTypes();

    public static TheoryData<string> Corpora => MappingCorpus.Names;

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Encode_FullyPopulatedRecord_GivesTheReflectedEncoding(Type recordType)
    {
        var record = FullRecords.Build(recordType);

        var encoded = RegistryFields.Encode(record);

        Assert.Equal(Dump(ReflectedWalks.Encode(record, skip: null)), Dump(encoded!.Extension));
        Assert.Equal(RecordShape.Of(recordType).Select(p => p.Name), encoded.Extension.Select(e => e.Url).Distinct());
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Encode_SkippedNames_AreLeftOutAsInTheReflectedEncoding(Type recordType)
    {
        var record = FullRecords.Build(recordType);
        var skip = RecordShape.Of(recordType).Where((_, i) => i % 2 == 0).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        var encoded = RegistryFields.Encode(record, skip);

        Assert.Equal(Dump(ReflectedWalks.Encode(record, skip)), Dump(encoded?.Extension ?? []));
        Assert.DoesNotContain(encoded?.Extension ?? [], e => skip.Contains(e.Url!));
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Encode_EveryCorpusRecord_GivesTheReflectedEncoding(string corpus)
    {
        var failures = new List<string>();
        var records = MappingCorpus.Records(corpus);
        foreach (var (source, record) in records)
        {
            var expected = Dump(ReflectedWalks.Encode(record, skip: null));
            var actual = Dump(RegistryFields.Encode(record)!.Extension);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                failures.Add($"{source}: the encodings differ");
            }
        }

        Assert.Equal(corpus switch { "examples" => 7, "ctgov-v2" => 943, _ => 74 }, records.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} records:\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public void Encode_EmptyNestedRecord_IsLeftOut()
    {
        var regimen = new DoseRegimen { Label = "A", Route = new CodedText() };

        var encoded = RegistryFields.Encode(regimen);

        Assert.Equal(["label"], encoded!.Extension.Select(e => e.Url));
        Assert.Null(RegistryFields.Encode(new CodedText()));
    }

    /// <summary>One line per extension: its depth, URL, value type and lexical value.</summary>
    private static string Dump(List<Extension> extensions)
    {
        var text = new StringBuilder();
        Dump(extensions, 0, text);
        return text.ToString();
    }

    private static void Dump(List<Extension> extensions, int depth, StringBuilder text)
    {
        foreach (var extension in extensions)
        {
            var value = extension.Value is PrimitiveType primitive ? $"{primitive.TypeName} {primitive.LexicalValue}" : extension.Value?.TypeName ?? "-";
            text.Append(' ', depth * 2).Append(extension.Url).Append(" = ").Append(value).Append('\n');
            Dump(extension.Extension, depth + 1, text);
        }
    }
}
