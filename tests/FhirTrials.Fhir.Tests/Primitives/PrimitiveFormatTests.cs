using System.Text.RegularExpressions;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Primitives;

namespace FhirTrials.Fhir.Tests.Primitives;

/// <summary>The fast lexical checks agree with the regular expressions of the R4 StructureDefinitions.</summary>
public sealed class PrimitiveFormatTests
{
    public static TheoryData<string, string> Samples()
    {
        var samples = new Dictionary<string, string[]>
        {
            ["date"] = ["2019", "2019-03", "2019-03-04", "0001", "0000", "19", "2019-3", "2019-13", "2019-00", "2019-03-32", "2019-03-00", "2019-03-04T10:00:00Z", "2019/03/04", "20190304", " 2019", "2019-03-"],
            ["dateTime"] = ["2019", "2019-03", "2019-03-04", "2019-03-04T10:11:12Z", "2019-03-04T10:11:12.123+01:00", "2019-03-04T23:59:60-14:00", "2019-03-04T10:11:12+14:00", "2019-03-04T10:11:12+14:01", "2019-03-04T10:11Z", "2019-03-04T10:11:12", "2019-03-04T24:00:00Z", "2019-03T10:11:12Z", "2019-03-04T10:11:12.Z", "2019-03-04T10:11:12z", "2019-03-04 10:11:12Z"],
            ["instant"] = ["2019-03-04T10:11:12Z", "2019-03-04T10:11:12.5-05:00", "2019-03-04", "2019-03-04T10:11:12", "2019"],
            ["time"] = ["10:11:12", "00:00:00.000", "23:59:60", "24:00:00", "10:11", "10:11:12Z", "1:11:12"],
            ["id"] = ["a", "A-1.b", new string('x', 64), new string('x', 65), "a b", "a_b", "é", ""],
            ["code"] = ["active", "a b", "a\tb", "a  b", " a", "a ", "a\u00a0", "\u00a0"],
            ["oid"] = ["urn:oid:1.2.3", "urn:oid:2.16.840.1.113883", "urn:oid:3.1", "urn:oid:1.02", "1.2.3", "urn:oid:1"],
            ["uuid"] = ["urn:uuid:c757873d-ec9a-4326-a141-556f43239520", "urn:uuid:C757873D-EC9A-4326-A141-556F43239520", "c757873d-ec9a-4326-a141-556f43239520", "urn:uuid:c757873d"],
            ["uri"] = ["http://example.org/a", "urn:x", "a b", "", "x\ty"],
            ["base64Binary"] = ["AAAA", "AAAA BBBB", " QUJD ", "QUJDRA==", "QUJ", "QU JD", "QU!D", "ab/+QUJDRA==", "QUJD\nQUJD", "QUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJD", "QUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQU!D", "QUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJDQUJ"],
        };
        var data = new TheoryData<string, string>();
        foreach (var (type, values) in samples)
        {
            foreach (var value in values)
            {
                data.Add(type, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Check_Sample_AgreesWithTheSpecRegex(string type, string value)
    {
        var regex = new Regex("^(?:" + ModelInfo.GetPrimitiveRegex(type) + ")$", RegexOptions.CultureInvariant | RegexOptions.ECMAScript);
        var specValid = regex.IsMatch(value);

        var problem = PrimitiveFormat.Check(type, value);

        Assert.True(specValid == (problem is null), $"{type} '{value}': spec says {(specValid ? "valid" : "invalid")}, check says {problem ?? "valid"}");
    }

    [Theory]
    [InlineData("date", "2021-02-29")]
    [InlineData("date", "2019-04-31")]
    [InlineData("dateTime", "2100-02-29T00:00:00Z")]
    public void Check_DateTheCalendarLacks_IsRejectedThoughTheRegexAllowsIt(string type, string value)
    {
        Assert.Matches("^(?:" + ModelInfo.GetPrimitiveRegex(type) + ")$", value);
        Assert.Contains("has no day", PrimitiveFormat.Check(type, value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date", "2020-02-29")]
    [InlineData("dateTime", "2000-02-29T12:00:00+05:30")]
    public void Check_LeapDay_IsAccepted(string type, string value) => Assert.Null(PrimitiveFormat.Check(type, value));
}
