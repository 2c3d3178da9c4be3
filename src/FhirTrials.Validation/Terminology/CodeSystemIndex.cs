using System.Collections.Frozen;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Terminology;

/// <summary>
/// The concepts of one CodeSystem we hold: codes with displays and designations, the hierarchy (for
/// <c>is-a</c> filters) and concept properties. Built once per CodeSystem and shared.
/// </summary>
internal sealed class CodeSystemIndex
{
    private readonly FrozenDictionary<string, Concept> _concepts;

    private CodeSystemIndex(string url, string? title, bool isComplete, bool caseSensitive, Dictionary<string, Concept> concepts)
    {
        Url = url;
        Title = title;
        IsComplete = isComplete;
        CaseSensitive = caseSensitive;
        _concepts = concepts.ToFrozenDictionary(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    public string Url { get; }

    public string? Title { get; }

    /// <summary>True when the CodeSystem lists all its codes (<c>content = complete</c>): a code it lacks is invalid.</summary>
    public bool IsComplete { get; }

    public bool CaseSensitive { get; }

    public IEnumerable<Concept> Concepts => _concepts.Values;

    public Concept? Find(string code) => _concepts.GetValueOrDefault(code);

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or below it in the hierarchy.</summary>
    public bool IsA(string code, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(code);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (string.Equals(current, ancestor, CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (seen.Add(current) && Find(current) is { } concept)
            {
                foreach (var parent in concept.Parents)
                {
                    pending.Push(parent);
                }
            }
        }

        return false;
    }

    public static CodeSystemIndex Build(ElementNode codeSystem)
    {
        ArgumentNullException.ThrowIfNull(codeSystem);
        var content = codeSystem.Child("content")?.Text;
        var concepts = new Dictionary<string, Concept>(StringComparer.Ordinal);
        foreach (var concept in codeSystem.ChildrenNamed("concept"))
        {
            Add(concept, null, concepts);
        }

        return new CodeSystemIndex(
            codeSystem.Child("url")?.Text ?? string.Empty,
            codeSystem.Child("title")?.Text ?? codeSystem.Child("name")?.Text,
            content is null or "complete",
            !string.Equals(codeSystem.Child("caseSensitive")?.Text, "false", StringComparison.Ordinal),
            concepts);
    }

    private static void Add(ElementNode node, string? parent, Dictionary<string, Concept> concepts)
    {
        if (node.Child("code")?.Text is not { } code)
        {
            return;
        }

        var parents = new List<string>();
        if (parent is not null)
        {
            parents.Add(parent);
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in node.ChildrenNamed("property"))
        {
            var name = property.Child("code")?.Text;
            var value = property.Child("value")?.Text;
            if (name is null || value is null)
            {
                continue;
            }

            if (name is "parent" or "subsumedBy")
            {
                parents.Add(value);
            }

            properties.TryAdd(name, value);
        }

        var displays = node.ChildrenNamed("designation").Select(d => d.Child("value")?.Text).OfType<string>().ToList();
        if (concepts.TryGetValue(code, out var existing))
        {
            parents.AddRange(existing.Parents);
        }

        concepts[code] = new Concept(code, node.Child("display")?.Text, displays, parents, properties);
        foreach (var child in node.ChildrenNamed("concept"))
        {
            Add(child, code, concepts);
        }
    }
}

/// <summary>A concept of a CodeSystem.</summary>
internal sealed record Concept(string Code, string? Display, IReadOnlyList<string> Designations, IReadOnlyList<string> Parents, IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>True when <paramref name="display"/> is the display or a designation (ignoring case and surrounding spaces).</summary>
    public bool HasDisplay(string display)
    {
        var wanted = display.Trim();
        return (Display is not null && string.Equals(Display.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            || Designations.Any(d => string.Equals(d.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
    }
}
