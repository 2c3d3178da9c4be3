using System.Text;

namespace FhirTrials.ModelGenerator;

/// <summary>C# names for FHIR names.</summary>
internal static class Naming
{
    /// <summary>FHIR primitive type → C# class name and CLR value type.</summary>
    public static readonly IReadOnlyDictionary<string, (string Class, string ValueType)> Primitives = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["base64Binary"] = ("Base64Binary", "string"),
        ["boolean"] = ("FhirBoolean", "bool"),
        ["canonical"] = ("Canonical", "string"),
        ["code"] = ("Code", "string"),
        ["date"] = ("Date", "string"),
        ["dateTime"] = ("FhirDateTime", "string"),
        ["decimal"] = ("FhirDecimal", "decimal"),
        ["id"] = ("Id", "string"),
        ["instant"] = ("Instant", "string"),
        ["integer"] = ("Integer", "int"),
        ["markdown"] = ("Markdown", "string"),
        ["oid"] = ("Oid", "string"),
        ["positiveInt"] = ("PositiveInt", "int"),
        ["string"] = ("FhirString", "string"),
        ["time"] = ("Time", "string"),
        ["unsignedInt"] = ("UnsignedInt", "int"),
        ["uri"] = ("FhirUri", "string"),
        ["url"] = ("FhirUrl", "string"),
        ["uuid"] = ("Uuid", "string"),
        ["xhtml"] = ("XHtml", "string"),
    };

    public static string Pascal(string name)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (sb.Length > 0 && char.IsDigit(sb[0]))
        {
            sb.Insert(0, 'N');
        }

        return sb.ToString();
    }

    /// <summary>A method-name-safe identifier for a type name such as <c>Patient.contact</c> or <c>string</c>.</summary>
    public static string Identifier(string typeName) => "Create_" + typeName.Replace('.', '_');
}
