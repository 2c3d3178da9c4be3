using System.Text.RegularExpressions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Fhir;

/// <summary>
/// <c>resolve()</c>: finds the resource a reference points to — a contained resource (<c>#id</c>),
/// an entry of the enclosing Bundle (by <c>fullUrl</c>, by relative <c>Type/id</c>, or by an absolute
/// URL ending in <c>Type/id</c>), then the context's external resolver, then canonical resources
/// known to the context's definitions.
/// </summary>
internal static partial class ReferenceResolution
{
    public static ElementNode? Resolve(in FhirPathItem item, EvalState state)
    {
        var (reference, from) = ReferenceOf(item);
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var referring = from ?? state.ResourceList.FirstNode();
        if (reference[0] == '#')
        {
            return Contained(referring, reference[1..]);
        }

        return InBundle(referring, reference)
            ?? state.Context.ReferenceResolver?.Resolve(reference, referring?.EnclosingResource)
            ?? (reference.Contains(':', StringComparison.Ordinal) ? state.Context.Resolver.ResolveNode(reference) : null);
    }

    /// <summary>The reference text: a Reference's <c>reference</c>, or the value of a string/uri/canonical.</summary>
    private static (string? Reference, ElementNode? From) ReferenceOf(in FhirPathItem item)
    {
        if (item.Node is not { } node)
        {
            return (item.StringValue, null);
        }

        if (node.Type is { IsPrimitive: false })
        {
            return (node.Child("reference")?.Text, node);
        }

        return (node.Text, node);
    }

    private static ElementNode? Contained(ElementNode? referring, string id)
    {
        var container = referring?.EnclosingResource;
        while (container?.Parent is { IsResource: true } outer && string.Equals(container.Name, "contained", StringComparison.Ordinal))
        {
            container = outer;
        }

        if (container is null || id.Length == 0)
        {
            return container;
        }

        foreach (var contained in container.ChildrenNamed("contained"))
        {
            if (string.Equals(contained.Child("id")?.Text, id, StringComparison.Ordinal))
            {
                return contained;
            }
        }

        return null;
    }

    private static ElementNode? InBundle(ElementNode? referring, string reference)
    {
        ElementNode? entry = null;
        var node = referring;
        while (node is not null && !(node.Type?.Name == "Bundle"))
        {
            if (node.Name == "entry" && node.Parent?.Type?.Name == "Bundle")
            {
                entry = node;
            }

            node = node.Parent;
        }

        if (node is null)
        {
            return null;
        }

        var bundle = node;
        var versionless = HistorySuffix().Replace(reference, string.Empty);
        foreach (var candidate in bundle.ChildrenNamed("entry"))
        {
            var fullUrl = candidate.Child("fullUrl")?.Text;
            if (fullUrl is not null && (fullUrl == reference || fullUrl == versionless))
            {
                return candidate.Child("resource");
            }
        }

        var match = TypeAndId().Match(versionless);
        if (!match.Success)
        {
            return null;
        }

        var relative = match.Value.TrimStart('/');
        var isRelative = relative.Length == versionless.Length;
        var baseUrl = isRelative ? BaseOf(entry?.Child("fullUrl")?.Text) : versionless[..^relative.Length].TrimEnd('/');
        ElementNode? fallback = null;
        foreach (var candidate in bundle.ChildrenNamed("entry"))
        {
            if (candidate.Child("resource") is not { } resource
                || resource.Type?.Name != match.Groups["type"].Value
                || resource.Child("id")?.Text != match.Groups["id"].Value)
            {
                continue;
            }

            var candidateBase = BaseOf(candidate.Child("fullUrl")?.Text);
            if (baseUrl is null || candidateBase is null || string.Equals(candidateBase, baseUrl, StringComparison.Ordinal))
            {
                return resource;
            }

            fallback ??= resource;
        }

        return isRelative ? fallback : null;
    }

    /// <summary>The service base of a RESTful fullUrl (<c>http://x/fhir</c> of <c>http://x/fhir/Patient/1</c>), or null.</summary>
    private static string? BaseOf(string? fullUrl)
    {
        if (fullUrl is null)
        {
            return null;
        }

        var match = TypeAndId().Match(fullUrl);
        return match.Success && match.Index > 0 ? fullUrl[..match.Index] : null;
    }

    private static ElementNode? FirstNode(this ItemList items) => items.Count > 0 ? items[0].Node : null;

    [GeneratedRegex(@"(^|/)(?<type>[A-Z][A-Za-z]+)/(?<id>[A-Za-z0-9\-\.]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeAndId();

    [GeneratedRegex(@"/_history/[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex HistorySuffix();
}
