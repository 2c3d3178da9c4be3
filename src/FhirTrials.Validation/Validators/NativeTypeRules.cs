using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// Bundle rules the definitions do not state as invariants: a fullUrl is an absolute URL, and the
/// navigation links (self, first, previous, next, last) appear at most once.
/// </summary>
internal sealed class BundleRules : IAssertion
{
    private static readonly HashSet<string> SingleLinks = new(StringComparer.Ordinal) { "self", "first", "prev", "previous", "next", "last" };

    public void Validate(ElementNode node, ValidationScope scope)
    {
        foreach (var entry in node.ChildrenNamed("entry"))
        {
            if (entry.Child("fullUrl") is { Text: { } fullUrl } url && !fullUrl.Contains(':', StringComparison.Ordinal))
            {
                scope.Error(IssueType.Invalid, url, $"the fullUrl must be an absolute URL (not '{fullUrl}')", "bundle-fullurl-absolute");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in node.ChildrenNamed("link"))
        {
            if (link.Child("relation")?.Text is { } relation && SingleLinks.Contains(relation) && !seen.Add(relation))
            {
                scope.Error(IssueType.Invalid, link, $"the link relation '{relation}' can only occur once", "bundle-link-once");
            }
        }
    }
}

/// <summary>An Attachment's stated size must be the size of its data.</summary>
internal sealed class AttachmentRules : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Child("data")?.Text is not { } data || node.Child("size") is not { Text: { } sizeText } size
            || !long.TryParse(sizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var stated))
        {
            return;
        }

        var actual = DecodedLength(data);
        if (actual != stated)
        {
            scope.Error(IssueType.Structure, size, $"the stated attachment size {stated} does not match the size of the data, {actual} bytes", "attachment-size");
        }
    }

    private static long DecodedLength(string base64)
    {
        var length = 0L;
        var padding = 0;
        foreach (var c in base64)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            length++;
            padding = c == '=' ? padding + 1 : 0;
        }

        return (length / 4 * 3) - padding;
    }
}

/// <summary>A URI that is a <c>urn:uuid:</c> must hold a valid, lower-case UUID.</summary>
internal sealed class UuidUriRule : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Text is { } text && text.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase)
            && Fhir.Primitives.PrimitiveFormat.Check("uuid", text) is { } problem)
        {
            scope.Error(IssueType.Value, node, $"'{text}' is not a valid UUID URI: {problem}", "uri-uuid");
        }
    }
}

/// <summary>A canonical with target profiles must, when it resolves, name a resource of an allowed type.</summary>
internal sealed class CanonicalTargetRule(IReadOnlyList<string> types, string path) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (!string.Equals(node.Type?.Name, "canonical", StringComparison.Ordinal) || node.Text is not { } canonical
            || scope.Services.Resolver.ResolveNode(canonical) is not { Type: { } found })
        {
            return;
        }

        if (!types.Any(t => found.IsSubtypeOf(t)))
        {
            scope.Error(IssueType.Structure, node, $"the canonical '{canonical}' refers to a {found.Name}, but {path} expects {string.Join(" or ", types)}", "canonical-target-type");
        }
    }
}

/// <summary>Narrative XHTML must be well-formed XML: closed tags, quoted attributes, only XML's own entities (no <c>&amp;reg;</c>).</summary>
internal sealed class XhtmlRule : IAssertion
{
    private static readonly System.Xml.XmlReaderSettings Settings = new() { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, ConformanceLevel = System.Xml.ConformanceLevel.Fragment };

    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Text is not { } xhtml)
        {
            return;
        }

        try
        {
            using var reader = System.Xml.XmlReader.Create(new StringReader(xhtml), Settings);
            while (reader.Read())
            {
            }
        }
        catch (System.Xml.XmlException ex)
        {
            scope.Error(IssueType.Invalid, node, $"the XHTML is not well-formed: {ex.Message}", "xhtml-well-formed");
        }
    }
}
