using System.Collections.Frozen;
using System.Text.Json;

namespace FhirTrials.Validation.Questionnaires;

/// <summary>The answer value types of each Questionnaire item type (answer-types.json).</summary>
internal static class AnswerTypes
{
    private static readonly Lazy<(FrozenDictionary<string, string[]> Types, FrozenSet<string> NoAnswers)> Table = new(Load);

    /// <summary>The value types an answer to an item of <paramref name="itemType"/> may have; null for unknown item types.</summary>
    public static string[]? For(string itemType) => Table.Value.Types.GetValueOrDefault(itemType);

    /// <summary>True for item types that take no answers (group, display, the abstract question).</summary>
    public static bool TakesNoAnswers(string itemType) => Table.Value.NoAnswers.Contains(itemType);

    private static (FrozenDictionary<string, string[]>, FrozenSet<string>) Load()
    {
        using var stream = typeof(AnswerTypes).Assembly.GetManifestResourceStream("FhirTrials.Validation.Questionnaires.answer-types.json")!;
        using var doc = JsonDocument.Parse(stream);
        var types = doc.RootElement.GetProperty("answerTypes").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.Ordinal);
        var none = doc.RootElement.GetProperty("noAnswerTypes").EnumerateArray().Select(v => v.GetString()!).ToFrozenSet(StringComparer.Ordinal);
        return (types, none);
    }
}
