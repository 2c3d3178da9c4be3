using System.Text.Json;
using System.Text.Json.Nodes;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>
/// Deep comparison of two records (lists compared element by element), for round-trip checks:
/// reports each differing JSON path.
/// </summary>
public static class TrialRecordComparison
{
    public static bool AreEquivalent(TrialRecord expected, TrialRecord actual) =>
        Differences(expected, actual, maxDifferences: 1).Count == 0;

    /// <summary>Differences as "<c>$.path: expected X, actual Y</c>", at most <paramref name="maxDifferences"/>.</summary>
    public static IReadOnlyList<string> Differences(TrialRecord expected, TrialRecord actual, int maxDifferences = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDifferences, 1);
        var found = new List<string>();
        Compare(ToNode(expected), ToNode(actual), "$", found, maxDifferences);
        return found;
    }

    private static JsonNode? ToNode(TrialRecord record) =>
        JsonSerializer.SerializeToNode(record, TrialRecordJsonContext.Default.TrialRecord);

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> found, int max)
    {
        if (found.Count >= max)
        {
            return;
        }

        switch (expected, actual)
        {
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(p => p.Key).Union(right.Select(p => p.Key), StringComparer.Ordinal))
                {
                    Compare(left[name], right[name], $"{path}.{name}", found, max);
                }

                break;
            case (JsonArray left, JsonArray right):
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    Compare(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, $"{path}[{i}]", found, max);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    found.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
                }

                break;
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "(absent)";
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}
