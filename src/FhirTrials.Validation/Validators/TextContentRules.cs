using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// A URL in a reserved example domain (RFC 2606: example.org, example.com, example.net and their
/// subdomains), used where sample data is not acceptable (<see cref="ValidatorSettings.AllowExampleUrls"/> off).
/// </summary>
internal sealed class ExampleUrlRule : IAssertion
{
    private static readonly string[] ExampleDomains = ["example.org", "example.com", "example.net"];

    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Text is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsExampleHost(uri.Host))
        {
            scope.Error(IssueType.BusinessRule, node, $"example URLs are not allowed here ('{text}')", "url-example");
        }
    }

    private static bool IsExampleHost(string host) =>
        ExampleDomains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Text that looks like it embeds an HTML tag (<c>&lt;tag</c> or <c>&lt;/tag</c>; a markdown-escaped
/// <c>\&lt;</c> does not count). In markdown it is a warning (the renderer should escape it) or, with
/// <see cref="ValidatorSettings.NoHtmlInMarkdown"/>, an error; in a string it is an error under
/// <see cref="ValidatorSettings.SecurityChecks"/> (HTML injection).
/// </summary>
internal sealed class EmbeddedHtmlRule(bool markdown, bool isError) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Text is not { } text || TagStart(text) is not { } at)
        {
            return;
        }

        var start = text.Substring(at, Math.Min(2, text.Length - at));
        var message = markdown
            ? $"the markdown appears to embed an HTML tag (starting at '{start}'): a renderer will, or should, escape it; check that this is intended"
            : $"the string appears to embed HTML tags (starting at '{start}'), which are not allowed here for security reasons";
        if (isError)
        {
            scope.Error(IssueType.Invalid, node, message, markdown ? "markdown-html" : "string-html");
        }
        else
        {
            scope.Warning(IssueType.Invalid, node, message, markdown ? "markdown-html" : "string-html");
        }
    }

    private static int? TagStart(string text)
    {
        for (var at = text.IndexOf('<', StringComparison.Ordinal); at >= 0; at = text.IndexOf('<', at + 1))
        {
            var next = at + 1 < text.Length && text[at + 1] == '/' ? at + 2 : at + 1;
            var escaped = at > 0 && text[at - 1] == '\\';
            if (!escaped && next < text.Length && char.IsAsciiLetter(text[next]))
            {
                return at;
            }
        }

        return null;
    }
}
