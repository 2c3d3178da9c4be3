using System.Text;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>
/// Parsed primitive values stay slices of the JSON source until read: reading decodes them exactly,
/// writing copies them, and the output is byte for byte what writing the decoded values gives.
/// </summary>
public sealed class SourceValueTests
{
    /// <summary>JSON string contents (as written in the source) and the values they stand for.</summary>
    public static TheoryData<string, string> Strings => new()
    {
        { """a\"b\u00e9""", "a\"bé" },
        { """plain text""", "plain text" },
        { """line\nbreak \"quoted\" back\\slash\ttab""", "line\nbreak \"quoted\" back\\slash\ttab" },
        { """a\/b""", "a/b" },
        { """\b\f\r""", "\b\f\r" },
        { "non\u00a0breaking\u00a0space", "non\u00a0breaking\u00a0space" },
        { "emoji \U0001F600 and \u2028 and \u007f", "emoji \U0001F600 and \u2028 and \u007f" },
        { "say \\\"hi\\\"\u00a0now", "say \"hi\"\u00a0now" },
        { "\\\"quoted\\\" \U0001F600", "\"quoted\" \U0001F600" },
        { """<div xmlns=\"http://www.w3.org/1999/xhtml\">&amp; 'x' + y</div>""", "<div xmlns=\"http://www.w3.org/1999/xhtml\">&amp; 'x' + y</div>" },
        { """control \u0001 and escaped \u00A0""", "control \u0001 and escaped \u00a0" },
        { """\ud83d\ude00 pair""", "\U0001F600 pair" },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void Text_SourceString_DecodesExactly(string source, string expected)
    {
        var node = FhirJsonParser.ParseNode(Patient(source));

        Assert.Equal(expected, Family(node).Text);
        Assert.Equal(expected, FhirJsonParser.Parse<Patient>(Patient(source)).Name[0].Family);
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void Serialize_UndecodedValues_SameBytesAsDecodedValues(string source, string expected)
    {
        var untouched = FhirJsonParser.ParseNode(Patient(source));
        var decoded = FhirJsonParser.ParseNode(Patient(source));
        ReadAll(decoded);
        var fromCode = FhirJsonParser.ParseNode(Patient("x"));
        Family(fromCode).Text = expected;

        var written = FhirJsonSerializer.Serialize(untouched);

        Assert.Equal(FhirJsonSerializer.Serialize(decoded), written);
        Assert.Equal(FhirJsonSerializer.Serialize(fromCode), written);
        Assert.Equal(written, FhirJsonSerializer.Serialize(FhirJsonParser.Parse<Patient>(Patient(source))));
        Assert.Equal(expected, Family(FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(written))).Text);
    }

    [Fact]
    public void Serialize_TextSetInCode_WritesNewValue()
    {
        var node = FhirJsonParser.ParseNode(Patient("""old \"value\" """));
        Family(node).Text = "new \"value\"";

        Assert.Contains("""
            "family":"new \"value\""
            """, FhirJsonSerializer.Serialize(node), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_TextReadThenChanged_WritesNewValue()
    {
        var node = FhirJsonParser.ParseNode(Patient("before"));
        var family = Family(node);
        Assert.Equal("before", family.Text);

        family.Text = "after";

        Assert.Equal("after", family.Text);
        Assert.Contains("\"family\":\"after\"", FhirJsonSerializer.Serialize(node), StringComparison.Ordinal);
        Assert.Equal(JsonRawKind.String, family.RawKind);
    }

    [Fact]
    public void Serialize_TypedLexicalValueChanged_WritesNewValue()
    {
        var patient = FhirJsonParser.Parse<Patient>(Patient("before"));
        Assert.Equal("before", patient.Name[0].Family);

        patient.Name[0].FamilyElement!.LexicalValue = "after";

        Assert.Contains("\"family\":\"after\"", FhirJsonSerializer.Serialize(patient), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_NumberReadFromSource_KeepsItsText()
    {
        const string json = """{"resourceType":"Patient","multipleBirthInteger":2,"name":[{"family":"x"}]}""";
        var node = FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(json));
        var birth = node.Child("multipleBirth")!;

        Assert.Equal(json, FhirJsonSerializer.Serialize(node));
        Assert.Equal("2", birth.Text);
        Assert.Equal(JsonRawKind.Number, birth.RawKind);
        birth.Text = "3";
        Assert.Contains("\"multipleBirthInteger\":3", FhirJsonSerializer.Serialize(node), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidEscapedValue_ReportsTheDecodedValue()
    {
        const string json = """{"resourceType":"Patient","birthDate":"2020-01-0\"1"}""";

        var result = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(Encoding.UTF8.GetBytes(json), "p.json");

        var issue = Assert.Single(result.Issues);
        Assert.Contains("'2020-01-0\"1' is not a valid date", issue.Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(1, 27), issue.Position);
    }

    [Fact]
    public void Parse_IntegerOutOfRange_ReportsIt()
    {
        const string json = """{"resourceType":"Patient","multipleBirthInteger":2147483648}""";

        var result = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(Encoding.UTF8.GetBytes(json));

        Assert.Contains("'2147483648' is not a valid integer", Assert.Single(result.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AfterBom_ValuesAndPositionsLineUp()
    {
        var json = Encoding.UTF8.GetPreamble().Concat(Patient("""a\"b""")).ToArray();

        var node = FhirJsonParser.ParseNode(json);

        Assert.Equal("a\"b", Family(node).Text);
        Assert.Contains("""
            "family":"a\"b"
            """, FhirJsonSerializer.Serialize(node), StringComparison.Ordinal);
    }

    private static byte[] Patient(string familyJson) =>
        Encoding.UTF8.GetBytes("""{"resourceType":"Patient","name":[{"family":"FAMILY","given":["g"]}]}""".Replace("FAMILY", familyJson, StringComparison.Ordinal));

    private static ElementNode Family(ElementNode patient) => patient.Child("name")!.Child("family")!;

    private static void ReadAll(ElementNode node)
    {
        _ = node.Text;
        foreach (var child in node.Children)
        {
            ReadAll(child);
        }
    }
}
