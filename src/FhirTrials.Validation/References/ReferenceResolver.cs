using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.Validation.References;

/// <summary>Resolves references inside the resource (contained) and the Bundle that carries it.</summary>
internal static class ReferenceResolver
{
    /// <summary>Resolves <paramref name="reference"/> made by the element <paramref name="from"/>.</summary>
    public static ReferenceTarget Resolve(ElementNode from, string reference)
    {
        if (reference.StartsWith('#'))
        {
            var container = Container(from);
            var target = reference.Length == 1 ? container : FindContained(container, reference[1..]);
            return new ReferenceTarget(ReferenceKind.Contained, target?.Type?.Name, target);
        }

        var kind = reference.StartsWith("urn:", StringComparison.Ordinal) ? ReferenceKind.Urn
            : reference.Contains("://", StringComparison.Ordinal) ? ReferenceKind.Absolute : ReferenceKind.Relative;
        var typeName = kind == ReferenceKind.Urn ? null : TypeFromUrl(reference);
        var resolved = FindInBundle(from, reference, kind, typeName);
        return new ReferenceTarget(kind, resolved?.Type?.Name ?? typeName, resolved);
    }

    /// <summary>The resource type named by a RESTful reference (<c>…/Patient/123</c>, <c>…/Patient/123/_history/2</c>), or null.</summary>
    public static string? TypeFromUrl(string reference)
    {
        var parts = reference.Split('/');
        var n = parts.Length;
        if (n >= 4 && parts[n - 2] == "_history")
        {
            n -= 2;
        }

        return n >= 2 && ModelInfo.IsResourceType(parts[n - 2]) ? parts[n - 2] : null;
    }

    /// <summary>The resource whose <c>contained</c> list <c>#id</c> references search: the outermost non-contained resource.</summary>
    public static ElementNode? Container(ElementNode from)
    {
        var resource = from.EnclosingResource;
        while (resource is not null && string.Equals(resource.Name, "contained", StringComparison.Ordinal) && resource.Parent?.EnclosingResource is { } outer)
        {
            resource = outer;
        }

        return resource;
    }

    private static ElementNode? FindContained(ElementNode? container, string id)
    {
        if (container is null)
        {
            return null;
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

    private static ElementNode? FindInBundle(ElementNode from, string reference, ReferenceKind kind, string? typeName)
    {
        var reference0 = StripHistory(reference);
        for (var entry = EntryOf(from); entry is not null; entry = EntryOf(entry.Parent!))
        {
            var bundle = entry.Parent!;
            var fullUrl = entry.Child("fullUrl")?.Text;
            var wanted = kind == ReferenceKind.Relative && fullUrl is not null && BaseOf(fullUrl) is { } baseUrl ? baseUrl + reference0 : reference0;
            foreach (var other in bundle.ChildrenNamed("entry"))
            {
                if (string.Equals(other.Child("fullUrl")?.Text, wanted, StringComparison.Ordinal))
                {
                    return other.Child("resource");
                }
            }

            if (kind == ReferenceKind.Relative && typeName is not null)
            {
                var id = reference0[(reference0.LastIndexOf('/') + 1)..];
                foreach (var other in bundle.ChildrenNamed("entry"))
                {
                    if (other.Child("resource") is { } r && string.Equals(r.Type?.Name, typeName, StringComparison.Ordinal)
                        && string.Equals(r.Child("id")?.Text, id, StringComparison.Ordinal))
                    {
                        return r;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The Bundle entry holding the resource that encloses <paramref name="node"/>, or null.</summary>
    private static ElementNode? EntryOf(ElementNode node)
    {
        for (var n = node.EnclosingResource; n is not null; n = n.Parent?.EnclosingResource)
        {
            if (string.Equals(n.Name, "resource", StringComparison.Ordinal) && n.Parent is { Name: "entry" } entry
                && entry.Parent is { Type.Name: "Bundle" })
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The service base of a RESTful fullUrl (<c>http://x/fhir/</c> for <c>http://x/fhir/Patient/1</c>).</summary>
    private static string? BaseOf(string fullUrl)
    {
        var type = TypeFromUrl(fullUrl);
        if (type is null)
        {
            return null;
        }

        var at = StripHistory(fullUrl).LastIndexOf("/" + type + "/", StringComparison.Ordinal);
        return at < 0 ? null : fullUrl[..(at + 1)];
    }

    private static string StripHistory(string reference)
    {
        var at = reference.IndexOf("/_history/", StringComparison.Ordinal);
        return at < 0 ? reference : reference[..at];
    }
}
