using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Invariants;

/// <summary>
/// dom-3 natively: each contained resource (with an id) is referenced from somewhere in the resource
/// (a <c>reference</c> or a URI-typed value <c>#id</c>), or refers to its container (<c>#</c>).
/// </summary>
internal static class ContainedReferences
{
    public static bool AllReferenced(ElementNode resource)
    {
        if (resource.Child("contained") is null)
        {
            return true;
        }

        var local = new HashSet<string>(StringComparer.Ordinal);
        CollectLocalReferences(resource, depth: 0, local);
        foreach (var contained in resource.ChildrenNamed("contained"))
        {
            if (contained.Child("id")?.Text is not { } id || local.Contains("#" + id) || RefersToContainer(contained, depth: 0))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>What <c>%resource.descendants().reference | …as(canonical) | …as(uri) | …as(url)</c> selects, as text.</summary>
    private static void CollectLocalReferences(ElementNode node, int depth, HashSet<string> into)
    {
        foreach (var child in node.Children)
        {
            if (child.Text is { } text && text.StartsWith('#')
                && ((depth >= 1 && string.Equals(child.Name, "reference", StringComparison.Ordinal)) || IsUri(child)))
            {
                into.Add(text);
            }

            CollectLocalReferences(child, depth + 1, into);
        }
    }

    /// <summary><c>descendants().where(reference = '#')</c> or <c>descendants().where(as(canonical) = '#')</c> of a contained resource.</summary>
    private static bool RefersToContainer(ElementNode node, int depth)
    {
        foreach (var child in node.Children)
        {
            if (string.Equals(child.Text, "#", StringComparison.Ordinal)
                && ((depth >= 1 && string.Equals(child.Name, "reference", StringComparison.Ordinal)) || child.Type?.Name == "canonical"))
            {
                return true;
            }

            if (RefersToContainer(child, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUri(ElementNode node) => node.Type?.Name is "uri" or "url" or "canonical" or "oid" or "uuid";
}
