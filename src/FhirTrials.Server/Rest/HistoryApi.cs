using System.Globalization;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Bundles;
using FhirTrials.Server.Indexing;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FhirTrials.Server.Rest;

/// <summary><c>_history</c> of an instance, a type or the whole server: versions newest first, deletions included.</summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/_history", (HttpContext c, IFhirStore s, IOptions<Hosting.FhirServerOptions> o, TimeProvider t) => HistoryAsync(c, null, null, s, o.Value.Search, t));
        endpoints.MapGet("/{type}/_history", (HttpContext c, string type, IFhirStore s, IOptions<Hosting.FhirServerOptions> o, TimeProvider t) => HistoryAsync(c, type, null, s, o.Value.Search, t));
        endpoints.MapGet("/{type}/{id}/_history", (HttpContext c, string type, string id, IFhirStore s, IOptions<Hosting.FhirServerOptions> o, TimeProvider t) => HistoryAsync(c, type, id, s, o.Value.Search, t));
        return endpoints;
    }

    private static async Task HistoryAsync(HttpContext context, string? type, string? id, IFhirStore store, SearchOptions options, TimeProvider time)
    {
        if (type is not null)
        {
            ResourceTypes.Check(type);
        }

        if (id is not null)
        {
            ResourceTypes.CheckId(id);
        }

        var count = int.TryParse(FhirHttp.Query(context.Request, "_count"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Math.Min(c, options.MaxCount) : options.DefaultCount;
        DateTimeOffset? since = null;
        if (FhirHttp.Query(context.Request, "_since") is { } sinceText)
        {
            since = DateRange.TryParse(sinceText, out var low, out _) ? DateRange.FromMillis(low) : throw new FhirOperationException(400, IssueType.Invalid, $"_since '{sinceText}' is not an instant");
        }

        var versions = await store.ReadHistoryAsync(new HistoryQuery(type, id, since, count), context.RequestAborted);
        if (id is not null && versions.Count == 0 && since is null)
        {
            throw new FhirOperationException(404, IssueType.NotFound, $"{type}/{id} is not known");
        }

        var baseUrl = FhirHttp.BaseUrl(context);
        using var writer = new BundleJsonWriter();
        writer.Start("history", time.GetUtcNow(), versions.Count);
        var path = type is null ? string.Empty : id is null ? "/" + type : "/" + type + "/" + id;
        writer.Links([("self", baseUrl + path + "/_history" + context.Request.QueryString)]);
        foreach (var version in versions)
        {
            writer.Entry(baseUrl + "/" + version.Type + "/" + version.Id, version.Deleted ? ReadOnlyMemory<byte>.Empty : version.Json, w =>
            {
                w.WritePropertyName("request");
                w.WriteStartObject();
                w.WriteString("method", version.Method);
                w.WriteString("url", version.Method == "POST" ? version.Type : version.Type + "/" + version.Id);
                w.WriteEndObject();
                BundleJsonWriter.WriteResponse(w, version.Deleted ? 204 : version.Method == "POST" ? 201 : 200, null, version.ETag, version.LastUpdated, null);
            });
        }

        await FhirHttp.WriteJsonAsync(context, 200, writer.Finish());
    }
}
