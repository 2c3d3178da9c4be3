using System.Globalization;
using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Subsetting;

namespace FhirTrials.Server.Bundles;

/// <summary>
/// The searchset Bundle of a search page: total, <c>self</c> (the parameters actually used), <c>first</c>/
/// <c>previous</c>/<c>next</c> over the paging snapshot, matches (<c>search.mode</c> match), included
/// resources (include), and an OperationOutcome (outcome) naming the parameters that were ignored.
/// </summary>
internal static class SearchBundle
{
    public static byte[] Write(SearchResult result, string baseUrl, DateTimeOffset now)
    {
        var query = result.Query;
        using var writer = new BundleJsonWriter();
        writer.Start("searchset", now, result.Total);
        writer.Links(Links(result, baseUrl));
        var whole = ResourceSubsetter.IsWhole(query.Summary, query.Elements);
        foreach (var match in result.Matches)
        {
            writer.Entry(FullUrl(baseUrl, match), Shape(match, query, whole), w => BundleJsonWriter.WriteSearch(w, "match"));
        }

        foreach (var included in result.Included)
        {
            writer.Entry(FullUrl(baseUrl, included), Shape(included, query, whole), w => BundleJsonWriter.WriteSearch(w, "include"));
        }

        if (query.Ignored.Count > 0)
        {
            var outcome = new OperationOutcome();
            foreach (var ignored in query.Ignored)
            {
                outcome.Issue.Add(Outcome.Warning(IssueType.NotSupported, ignored + ": ignored").Issue[0]);
            }

            writer.Entry(null, ReadOnlyMemory<byte>.Empty, w =>
            {
                BundleJsonWriter.WriteResource(w, "resource", outcome);
                BundleJsonWriter.WriteSearch(w, "outcome");
            });
        }

        return writer.Finish();
    }

    public static string FullUrl(string baseUrl, StoredResource resource) => baseUrl + "/" + resource.Type + "/" + resource.Id;

    private static ReadOnlyMemory<byte> Shape(StoredResource resource, SearchQuery query, bool whole) =>
        whole ? resource.Json : ResourceSubsetter.Apply(resource.Json, query.Summary, query.Elements);

    private static IEnumerable<(string, string)> Links(SearchResult result, string baseUrl)
    {
        var query = result.Query;
        var searchUrl = baseUrl + (query.ResourceType is null ? string.Empty : "/" + query.ResourceType) + QueryString(query.Applied);
        if (result.SnapshotId is null)
        {
            yield return ("self", searchUrl);
            yield break;
        }

        yield return ("self", result.Offset == 0 ? searchUrl : PageUrl(baseUrl, result.SnapshotId, result.Offset, result.PageSize));
        yield return ("first", PageUrl(baseUrl, result.SnapshotId, 0, result.PageSize));
        if (result.HasPrevious)
        {
            yield return ("previous", PageUrl(baseUrl, result.SnapshotId, Math.Max(0, result.Offset - result.PageSize), result.PageSize));
        }

        if (result.HasNext)
        {
            yield return ("next", PageUrl(baseUrl, result.SnapshotId, result.Offset + result.PageSize, result.PageSize));
        }

        var lastOffset = (result.SnapshotSize - 1) / result.PageSize * result.PageSize;
        yield return ("last", PageUrl(baseUrl, result.SnapshotId, lastOffset, result.PageSize));
    }

    private static string PageUrl(string baseUrl, string snapshot, int offset, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{baseUrl}?_getpages={snapshot}&_getpagesoffset={offset}&_count={count}");

    internal static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            sb.Append(sb.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return sb.ToString();
    }
}
