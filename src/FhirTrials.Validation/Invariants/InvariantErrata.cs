using System.Collections.Frozen;
using System.Text.Json;

namespace FhirTrials.Validation.Invariants;

/// <summary>Corrections of R4 invariants whose expression contradicts their own text (invariant-errata.json).</summary>
internal static class InvariantErrata
{
    private static readonly Lazy<FrozenDictionary<(string Key, string Expression), string>> Table = new(Load);

    /// <summary>The expression to evaluate for a constraint: the correction when one is known, else the expression itself.</summary>
    public static string Apply(string key, string expression) => Table.Value.GetValueOrDefault((key, expression)) ?? expression;

    private static FrozenDictionary<(string, string), string> Load()
    {
        using var stream = typeof(InvariantErrata).Assembly.GetManifestResourceStream("FhirTrials.Validation.Invariants.invariant-errata.json")!;
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("errata").EnumerateArray()
            .ToFrozenDictionary(e => (e.GetProperty("key").GetString()!, e.GetProperty("published").GetString()!), e => e.GetProperty("corrected").GetString()!);
    }
}
