using System.Collections.Frozen;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace FhirTrials.FhirPath.Fhir;

/// <summary>
/// <c>htmlChecks()</c>: the R4 rules for narrative XHTML, with the allowed elements and attributes
/// from <c>narrative-rules.json</c>. The content must be well-formed XHTML rooted in a <c>div</c> in
/// the XHTML namespace, use only allowed elements and attributes (no event handlers, no
/// <c>javascript:</c> URLs), and have some non-whitespace content (or an image).
/// </summary>
internal static partial class NarrativeChecks
{
    private static readonly Lazy<Rules> Data = new(LoadRules);

    /// <summary>Null when the XHTML passes; otherwise the first reason it fails.</summary>
    public static string? Check(string xhtml)
    {
        ArgumentNullException.ThrowIfNull(xhtml);
        var rules = Data.Value;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        var hasContent = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(ReplaceHtmlEntities(xhtml)), settings);
            var first = true;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (CheckElement(reader, rules, first) is { } problem)
                        {
                            return problem;
                        }

                        first = false;
                        hasContent |= reader.LocalName == "img" && reader.GetAttribute("src") is { Length: > 0 };
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        hasContent |= !string.IsNullOrWhiteSpace(reader.Value);
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        return "processing instructions are not allowed";
                }
            }
        }
        catch (XmlException ex)
        {
            return "not well-formed XHTML: " + ex.Message;
        }

        return hasContent ? null : "the narrative has no content (only whitespace)";
    }

    private static string? CheckElement(XmlReader reader, Rules rules, bool root)
    {
        var name = reader.LocalName;
        if (root && name != "div")
        {
            return $"the narrative must be a <div>, found <{reader.Name}>";
        }

        if (reader.NamespaceURI != rules.Namespace)
        {
            return $"<{reader.Name}> is not in the XHTML namespace {rules.Namespace}";
        }

        if (!rules.Elements.Contains(name))
        {
            return $"the element <{name}> is not allowed in a narrative";
        }

        while (reader.MoveToNextAttribute())
        {
            var attribute = reader.Name;
            if (attribute == "xmlns" || attribute.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                if (reader.Value != rules.Namespace)
                {
                    return $"the namespace '{reader.Value}' is not allowed in a narrative";
                }

                continue;
            }

            if (attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                return $"the event handler attribute '{attribute}' on <{name}> is not allowed";
            }

            if (!rules.Attributes.Contains(attribute))
            {
                return $"the attribute '{attribute}' on <{name}> is not allowed in a narrative";
            }

            if (rules.UrlAttributes.Contains(attribute) && reader.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                return $"the script URL in '{attribute}' on <{name}> is not allowed";
            }
        }

        reader.MoveToElement();
        return null;
    }

    /// <summary>Replaces HTML named entities (<c>&amp;nbsp;</c>) with character references, leaving XML's own five alone.</summary>
    private static string ReplaceHtmlEntities(string xhtml) =>
        xhtml.Contains('&', StringComparison.Ordinal)
            ? NamedEntity().Replace(xhtml, m =>
            {
                var name = m.Groups[1].Value;
                if (name is "amp" or "lt" or "gt" or "quot" or "apos")
                {
                    return m.Value;
                }

                var decoded = WebUtility.HtmlDecode(m.Value);
                return decoded == m.Value ? m.Value : string.Concat(decoded.Select(ch => $"&#{(int)ch};"));
            })
            : xhtml;

    private static Rules LoadRules()
    {
        using var stream = typeof(NarrativeChecks).Assembly.GetManifestResourceStream("narrative-rules.json")
            ?? throw new InvalidOperationException("the embedded narrative-rules.json is missing");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        FrozenSet<string> Set(string property) => root.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.Ordinal);
        return new Rules(root.GetProperty("namespace").GetString()!, Set("elements"), Set("attributes"), Set("urlAttributes"));
    }

    [GeneratedRegex("&([A-Za-z][A-Za-z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntity();

    private sealed record Rules(string Namespace, FrozenSet<string> Elements, FrozenSet<string> Attributes, FrozenSet<string> UrlAttributes);
}
