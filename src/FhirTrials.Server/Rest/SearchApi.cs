using System.Globalization;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Bundles;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FhirTrials.Server.Rest;

/// <summary>Search: <c>GET [type]?…</c>, <c>POST [type]/_search</c> (form), <c>GET [base]?…</c> across types, and the paging links.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/{type}", SearchTypeAsync);
        endpoints.MapPost("/{type}/_search", SearchFormAsync);
        endpoints.MapGet("/", SearchSystemAsync);
        endpoints.MapPost("/_search", SearchSystemFormAsync);
        return endpoints;
    }

    private static Task SearchTypeAsync(HttpContext context, string type, SearchService search, TimeProvider time)
    {
        ResourceTypes.Check(type);
        return RunAsync(context, type, FhirHttp.QueryParameters(context.Request), search, time);
    }

    private static async Task SearchFormAsync(HttpContext context, string type, SearchService search, TimeProvider time)
    {
        ResourceTypes.Check(type);
        var parameters = FhirHttp.QueryParameters(context.Request);
        parameters.AddRange(await FormParametersAsync(context));
        await RunAsync(context, type, parameters, search, time);
    }

    private static async Task SearchSystemAsync(HttpContext context, SearchService search, TimeProvider time)
    {
        var page = FhirHttp.Query(context.Request, "_getpages");
        if (page is not null)
        {
            var offset = int.TryParse(FhirHttp.Query(context.Request, "_getpagesoffset"), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
            int? count = int.TryParse(FhirHttp.Query(context.Request, "_count"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
            var result = await search.PageAsync(page, offset, count, context.RequestAborted);
            await FhirHttp.WriteJsonAsync(context, 200, SearchBundle.Write(result, FhirHttp.BaseUrl(context), time.GetUtcNow()));
            return;
        }

        await RunAsync(context, null, FhirHttp.QueryParameters(context.Request), search, time);
    }

    private static async Task SearchSystemFormAsync(HttpContext context, SearchService search, TimeProvider time)
    {
        var parameters = FhirHttp.QueryParameters(context.Request);
        parameters.AddRange(await FormParametersAsync(context));
        await RunAsync(context, null, parameters, search, time);
    }

    private static async Task RunAsync(HttpContext context, string? type, List<KeyValuePair<string, string>> parameters, SearchService search, TimeProvider time)
    {
        var result = await search.SearchAsync(type, parameters, PreferHeader.Handling(context.Request), context.RequestAborted);
        await FhirHttp.WriteJsonAsync(context, 200, SearchBundle.Write(result, FhirHttp.BaseUrl(context), time.GetUtcNow()));
    }

    private static async Task<IEnumerable<KeyValuePair<string, string>>> FormParametersAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            if (context.Request.ContentLength is null or 0)
            {
                return [];
            }

            throw new FhirOperationException(415, IssueType.NotSupported, "POST _search takes application/x-www-form-urlencoded parameters");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return form.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty)));
    }
}
