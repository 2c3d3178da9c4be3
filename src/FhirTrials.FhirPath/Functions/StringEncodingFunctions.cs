using System.Net;
using System.Text;
using System.Text.Json;

namespace FhirTrials.FhirPath.Functions;

/// <summary>FHIRPath 2.1 string encodings: <c>encode(base64|urlbase64|hex)</c>, <c>decode(…)</c>, <c>escape(html|json)</c>, <c>unescape(…)</c>.</summary>
internal static class StringEncodingFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add(new("encode", 1, 1, static (in Call c) => Transform(c, Encode), ResultType.String));
        table.Add(new("decode", 1, 1, static (in Call c) => Transform(c, Decode), ResultType.String));
        table.Add(new("escape", 1, 1, static (in Call c) => Transform(c, Escape), ResultType.String));
        table.Add(new("unescape", 1, 1, static (in Call c) => Transform(c, Unescape), ResultType.String));
    }

    private static void Transform(in Call c, Func<string, string, string?> f)
    {
        var s = c.InputString();
        var format = s is null ? null : c.StringArgument(0);
        if (s is null || format is null)
        {
            return;
        }

        string? result;
        try
        {
            result = f(s, format);
        }
        catch (FormatException)
        {
            result = null;
        }

        if (result is null)
        {
            throw c.Error($"cannot apply format '{format}' to '{s}'");
        }

        c.Add(result);
    }

    private static string? Encode(string s, string format)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return format switch
        {
            "base64" => Convert.ToBase64String(bytes),
            "urlbase64" => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_'),
            "hex" => Convert.ToHexStringLower(bytes),
            _ => null,
        };
    }

    private static string? Decode(string s, string format)
    {
        var bytes = format switch
        {
            "base64" => Convert.FromBase64String(s),
            "urlbase64" => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/')),
            "hex" => Convert.FromHexString(s),
            _ => null,
        };
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    private static string? Escape(string s, string format) => format switch
    {
        "html" => WebUtility.HtmlEncode(s),
        "json" => JsonEncodedText.Encode(s, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
        _ => null,
    };

    /// <summary>Decodes JSON string escapes (<c>\"</c>, <c>\n</c>, <c>\u00e9</c>…), leaving other characters as they are.</summary>
    private static string? UnescapeJson(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            var e = s[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u' when i + 4 < s.Length && int.TryParse(s.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }

        return sb.ToString();
    }

    private static string? Unescape(string s, string format)
    {
        switch (format)
        {
            case "html":
                return WebUtility.HtmlDecode(s);
            case "json":
                return UnescapeJson(s);

            default:
                return null;
        }
    }
}
