using System.Buffers;
using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.Serialization;
using Xunit;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>
/// <see cref="JsonOutput"/> must write exactly what <see cref="Utf8JsonWriter"/> writes with the serializer's
/// options: the same token sequences are given to both and the bytes compared.
/// </summary>
public sealed class JsonOutputTests
{
    private static readonly string[] Strings =
    [
        "", "plain", "with \"quotes\" and \\ backslash", "line\nbreak\r\ttab", "\u0001\u001f control", "</script>&'+`",
        "caf\u00e9 \u2265 \u00b5g/L \u00d710\u2079", "\u2028\u2029 separators", "emoji \ud83d\ude00 pair", "lone \ud83d high",
        "lone \ude00 low", "unassigned \u0378 and \uffff", "\u00a0nbsp \u200b zero width \ufeff bom", new string('x', 3000),
        "short\nescape then \u0001 control", "quote \" then \u2028", "caf\u00e9\n\u00b5g \"x\"\\", new string('\n', 700) + "\u00e9",
    ];

    public static TheoryData<bool, int> Seeds()
    {
        var data = new TheoryData<bool, int>();
        foreach (var indented in new[] { false, true })
        {
            for (var seed = 1; seed <= 40; seed++)
            {
                data.Add(indented, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Write_RandomDocument_SameBytesAsUtf8JsonWriter(bool indented, int seed)
    {
        var options = FhirJsonSerializer.WriterOptions(indented);
        var expected = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(expected, options))
        {
            Generate(new Random(seed), new WriterSink(writer), depth: 0);
        }

        using var output = JsonOutput.Rent(options);
        Generate(new Random(seed), new OutputSink(output), depth: 0);

        Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteStringValue_EveryAwkwardString_SameBytesAsUtf8JsonWriter(bool indented)
    {
        var options = FhirJsonSerializer.WriterOptions(indented);
        foreach (var text in Strings)
        {
            var expected = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(expected, options))
            {
                writer.WriteStartArray();
                writer.WriteStringValue(text);
                writer.WriteStringValue(Encoding.UTF8.GetBytes(text));
                writer.WriteStartObject();
                writer.WritePropertyName(text);
                writer.WriteStringValue(text);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            using var output = JsonOutput.Rent(options);
            output.WriteStartArray();
            output.WriteStringValue(text);
            output.WriteStringValue(Encoding.UTF8.GetBytes(text));
            output.WriteStartObject();
            output.WritePropertyName(text);
            output.WriteStringValue(text);
            output.WriteEndObject();
            output.WriteEndArray();
            Assert.Equal(expected.WrittenSpan.ToArray(), output.WrittenSpan.ToArray());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Serialize_IntoCallersWriter_AsIfTheWriterWroteEveryToken(bool indented)
    {
        var resource = FhirJsonParser.Parse<FhirTrials.Fhir.Model.Patient>(
            """{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Chalmers","given":["Peter","James"]}],"birthDate":"1974-12-25","_birthDate":{"extension":[{"url":"http://example.org/x","valueString":"a\nb"}]}}""");
        var options = FhirJsonSerializer.WriterOptions(indented);
        using var document = JsonDocument.Parse(FhirJsonSerializer.SerializeToUtf8Bytes(resource));

        Assert.Equal(Nest(options, w => document.RootElement.WriteTo(w)), Nest(options, w => FhirJsonSerializer.Serialize(resource, w)));
        Assert.Equal(
            Nest(new JsonWriterOptions { Indented = indented }, w => document.RootElement.WriteTo(w)),
            Nest(new JsonWriterOptions { Indented = indented }, w => FhirJsonSerializer.Serialize(resource, w)));
    }

    /// <summary>The value written by <paramref name="write"/> as an array item (twice) and as a nested property's value.</summary>
    private static string Nest(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entry");
            write(writer);
            write(writer);
            writer.WriteEndArray();
            writer.WriteStartObject("outer");
            writer.WritePropertyName("resource");
            write(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A random document: objects and arrays (some empty) nested up to depth 5, with every kind of value.</summary>
    private static void Generate(Random random, ISink sink, int depth)
    {
        var isObject = depth == 0 || random.Next(2) == 0;
        var count = random.Next(depth < 5 ? 6 : 3);
        if (isObject)
        {
            sink.StartObject();
        }
        else
        {
            sink.StartArray();
        }

        for (var i = 0; i < count; i++)
        {
            if (isObject)
            {
                sink.Name(random.Next(4) == 0 ? Strings[random.Next(Strings.Length)] : "p" + i);
            }

            switch (random.Next(depth < 5 ? 7 : 5))
            {
                case 0: sink.String(Strings[random.Next(Strings.Length)]); break;
                case 1: sink.Number(random.Next(3) == 0 ? "-1.50" : random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                case 2: sink.Boolean(random.Next(2) == 0); break;
                case 3: sink.Null(); break;
                case 4: sink.Utf8(Encoding.UTF8.GetBytes(Strings[random.Next(Strings.Length)])); break;
                default: Generate(random, sink, depth + 1); break;
            }
        }

        sink.End(isObject);
    }

    private interface ISink
    {
        void StartObject();

        void StartArray();

        void End(bool isObject);

        void Name(string name);

        void String(string value);

        void Utf8(byte[] value);

        void Number(string value);

        void Boolean(bool value);

        void Null();
    }

    private sealed class WriterSink(Utf8JsonWriter writer) : ISink
    {
        public void StartObject() => writer.WriteStartObject();

        public void StartArray() => writer.WriteStartArray();

        public void End(bool isObject)
        {
            if (isObject)
            {
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteEndArray();
            }
        }

        public void Name(string name) => writer.WritePropertyName(name);

        public void String(string value) => writer.WriteStringValue(value);

        public void Utf8(byte[] value) => writer.WriteStringValue(value);

        public void Number(string value) => writer.WriteRawValue(value, skipInputValidation: true);

        public void Boolean(bool value) => writer.WriteBooleanValue(value);

        public void Null() => writer.WriteNullValue();
    }

    private sealed class OutputSink(JsonOutput output) : ISink
    {
        public void StartObject() => output.WriteStartObject();

        public void StartArray() => output.WriteStartArray();

        public void End(bool isObject)
        {
            if (isObject)
            {
                output.WriteEndObject();
            }
            else
            {
                output.WriteEndArray();
            }
        }

        public void Name(string name) => output.WritePropertyName(name);

        public void String(string value) => output.WriteStringValue(value);

        public void Utf8(byte[] value) => output.WriteStringValue(value);

        public void Number(string value) => output.WriteRawValue(value);

        public void Boolean(bool value) => output.WriteBooleanValue(value);

        public void Null() => output.WriteNullValue();
    }
}
