using System.Text.RegularExpressions;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Storage;

namespace FhirTrials.Server.Transactions;

internal sealed partial class TransactionProcessor
{
    /// <summary>
    /// For a batch whose only errors lie inside entry resources: those errors per entry index (those
    /// entries fail on their own); null when the Bundle itself is invalid or it is not a batch.
    /// </summary>
    private static Dictionary<int, OperationOutcome>? EntryIssues(OperationOutcome outcome, bool batch)
    {
        var perEntry = new Dictionary<int, OperationOutcome>();
        foreach (var issue in outcome.Issue.Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal))
        {
            var match = issue.Expression.Select(e => EntryResource().Match(e ?? string.Empty)).FirstOrDefault(m => m.Success);
            if (!batch || match is null)
            {
                return null;
            }

            var index = int.Parse(match.Groups["i"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (!perEntry.TryGetValue(index, out var entryOutcome))
            {
                perEntry[index] = entryOutcome = new OperationOutcome();
            }

            entryOutcome.Issue.Add(issue);
        }

        return perEntry;
    }

    /// <summary>Runs one entry's step; failures name the entry and keep their status.</summary>
    private static async Task<EntryResult> Wrap(TransactionEntry entry, Func<Task<EntryResult>> step)
    {
        try
        {
            return await step();
        }
        catch (FhirOperationException ex)
        {
            throw new FhirOperationException(ex.Status, Prefix(ex.Outcome, entry.Label));
        }
        catch (StoreConflictException ex)
        {
            throw new FhirOperationException(409, IssueType.Conflict, $"{entry.Label}: {ex.Message}");
        }
    }

    [GeneratedRegex(@"^Bundle\.entry\[(?<i>[0-9]+)\]\.resource", RegexOptions.CultureInvariant)]
    private static partial Regex EntryResource();

    private static OperationOutcome Prefix(OperationOutcome outcome, string label)
    {
        foreach (var issue in outcome.Issue)
        {
            issue.Diagnostics = label + ": " + issue.Diagnostics;
        }

        return outcome;
    }
}
