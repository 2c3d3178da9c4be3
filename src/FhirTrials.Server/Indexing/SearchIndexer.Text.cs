using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath;

namespace FhirTrials.Server.Indexing;

public sealed partial class SearchIndexer
{
    private static void AddToken(List<TokenEntry> tokens, string param, FhirPathItem item)
    {
        if (item.Node is not { } node)
        {
            if (TextOf(item) is { } text)
            {
                tokens.Add(new TokenEntry(param, null, text, null));
            }

            return;
        }

        switch (node.Type?.Name)
        {
            case "Coding":
                AddCoding(tokens, param, node);
                break;
            case "CodeableConcept":
                foreach (var coding in node.ChildrenNamed("coding"))
                {
                    AddCoding(tokens, param, coding);
                }

                if (ChildText(node, "text") is { } conceptText)
                {
                    tokens.Add(new TokenEntry(param, null, null, StringNormalizer.Normalize(conceptText)));
                }

                break;
            case "Identifier":
                if (ChildText(node, "value") is { } value || ChildText(node, "system") is not null)
                {
                    var typeText = node.Child("type")?.Child("text")?.Text;
                    tokens.Add(new TokenEntry(param, ChildText(node, "system"), ChildText(node, "value"), typeText is null ? null : StringNormalizer.Normalize(typeText)));
                }

                break;
            case "ContactPoint":
                if (ChildText(node, "value") is { } contact)
                {
                    tokens.Add(new TokenEntry(param, null, contact, null));
                }

                break;
            default:
                if (node.Text is { } primitive)
                {
                    tokens.Add(new TokenEntry(param, null, primitive, null));
                }

                break;
        }
    }

    private static void AddCoding(List<TokenEntry> tokens, string param, ElementNode coding)
    {
        var system = ChildText(coding, "system");
        var code = ChildText(coding, "code");
        var display = ChildText(coding, "display");
        if (system is not null || code is not null || display is not null)
        {
            tokens.Add(new TokenEntry(param, system, code, display is null ? null : StringNormalizer.Normalize(display)));
        }
    }

    private static void AddString(List<StringEntry> strings, string param, FhirPathItem item)
    {
        if (item.Node is not { } node)
        {
            if (TextOf(item) is { } text)
            {
                AddString(strings, param, text);
            }

            return;
        }

        if (node.Text is { } value)
        {
            AddString(strings, param, value);
            return;
        }

        // A complex value (HumanName, Address, ...): every string inside it.
        foreach (var child in node.Children)
        {
            AddStringParts(strings, param, child);
        }
    }

    private static void AddStringParts(List<StringEntry> strings, string param, ElementNode node)
    {
        if (node.Name is "id" or "extension" or "modifierExtension")
        {
            return;
        }

        if (node.Text is { } value && node.Type?.Name is "string" or "markdown")
        {
            AddString(strings, param, value);
        }

        foreach (var child in node.Children)
        {
            AddStringParts(strings, param, child);
        }
    }

    private static void AddString(List<StringEntry> strings, string param, string value)
    {
        var normalized = StringNormalizer.Normalize(value);
        if (normalized.Length > 0)
        {
            strings.Add(new StringEntry(param, normalized, value));
        }
    }
}
