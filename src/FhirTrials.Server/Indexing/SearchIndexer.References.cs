using System.Text.RegularExpressions;
using FhirTrials.FhirPath;

namespace FhirTrials.Server.Indexing;

public sealed partial class SearchIndexer
{
    /// <summary>The suffix of token parameters that index a Reference's logical identifier (<c>:identifier</c> modifier).</summary>
    internal const string IdentifierSuffix = ":identifier";

    private void AddReference(ResourceIndex index, string param, FhirPathItem item)
    {
        if (item.Node is { Type.Name: "Reference" } node)
        {
            if (ChildText(node, "reference") is { } reference)
            {
                AddReferenceText(index.References, param, reference);
            }

            if (node.Child("identifier") is { } identifier)
            {
                AddToken(index.Tokens, param + IdentifierSuffix, FhirPathItem.FromNode(identifier));
            }

            return;
        }

        if (TextOf(item) is { } text)
        {
            AddReferenceText(index.References, param, text);
        }
    }

    private void AddReferenceText(List<ReferenceEntry> references, string param, string reference)
    {
        if (ParseReference(reference) is { } entry)
        {
            references.Add(entry with { Param = param });
        }
    }

    /// <summary>
    /// Splits a reference as written: <c>Type/id</c> (also with <c>/_history/n</c>) is local; an
    /// absolute URL under one of this server's bases is local too; other URLs, URNs and canonicals are
    /// kept as URLs (with the type when the URL ends in <c>Type/id</c>). Contained (<c>#x</c>) references
    /// are not indexed.
    /// </summary>
    internal ReferenceEntry? ParseReference(string reference)
    {
        if (reference.Length == 0 || reference[0] == '#')
        {
            return null;
        }

        foreach (var local in _localBases)
        {
            if (reference.StartsWith(local, StringComparison.Ordinal))
            {
                reference = reference[local.Length..];
                break;
            }
        }

        var history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        var versionless = history > 0 ? reference[..history] : reference;
        var relative = RelativeReference().Match(versionless);
        if (relative.Success)
        {
            return new ReferenceEntry(string.Empty, relative.Groups["type"].Value, relative.Groups["id"].Value, null);
        }

        var absolute = AbsoluteTail().Match(versionless);
        return new ReferenceEntry(string.Empty, absolute.Success ? absolute.Groups["type"].Value : null, null, versionless);
    }

    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z]+)/(?<id>[A-Za-z0-9\-\.]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeReference();

    [GeneratedRegex(@"/(?<type>[A-Z][A-Za-z]+)/(?<id>[A-Za-z0-9\-\.]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteTail();
}
