using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Subsetting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace FhirTrials.Server.Rest;

/// <summary>Instance interactions: read, vread (with ETag/Last-Modified, If-None-Match → 304), update, delete.</summary>
public static partial class ResourceApi
{
    /// <summary>Maps <c>[type]/[id]</c>, <c>[type]/[id]/_history/[vid]</c>, <c>POST [type]</c>, <c>PUT</c>/<c>DELETE</c> (also conditional).</summary>
    public static IEndpointRouteBuilder MapResourceApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/{type}/{id}", ReadAsync);
        endpoints.MapGet("/{type}/{id}/_history/{vid}", VReadAsync);
        endpoints.MapPost("/{type}", CreateAsync);
        endpoints.MapPut("/{type}/{id}", UpdateAsync);
        endpoints.MapPut("/{type}", ConditionalUpdateAsync);
        endpoints.MapDelete("/{type}/{id}", DeleteAsync);
        endpoints.MapDelete("/{type}", ConditionalDeleteAsync);
        return endpoints;
    }

    private static async Task ReadAsync(HttpContext context, string type, string id, IFhirStore store)
    {
        ResourceTypes.Check(type);
        ResourceTypes.CheckId(id);
        var resource = await store.ReadAsync(type, id, context.RequestAborted);
        await WriteReadAsync(context, resource, type, id);
    }

    private static async Task VReadAsync(HttpContext context, string type, string id, string vid, IFhirStore store)
    {
        ResourceTypes.Check(type);
        ResourceTypes.CheckId(id);
        if (!long.TryParse(vid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new FhirOperationException(404, IssueType.NotFound, $"{type}/{id} has no version '{vid}'");
        }

        var resource = await store.ReadVersionAsync(type, id, version, context.RequestAborted);
        await WriteReadAsync(context, resource, type, $"{id}/_history/{vid}");
    }

    private static Task WriteReadAsync(HttpContext context, StoredResource? resource, string type, string what)
    {
        if (resource is null)
        {
            throw new FhirOperationException(404, IssueType.NotFound, $"{type}/{what} is not known");
        }

        if (resource.Deleted)
        {
            context.Response.Headers.ETag = resource.ETag;
            throw new FhirOperationException(410, IssueType.Deleted, $"{type}/{what} was deleted");
        }

        var ifNoneMatch = context.Request.Headers[HeaderNames.IfNoneMatch].ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Any(tag => tag.Trim() == "*" || VersionETag.Parse(tag) == resource.VersionId))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = resource.ETag;
            return Task.CompletedTask;
        }

        var summary = SummaryOf(context.Request);
        var elements = ElementsOf(context.Request);
        if (!ResourceSubsetter.IsWhole(summary, elements))
        {
            resource = resource with { Json = ResourceSubsetter.Apply(resource.Json, summary, elements) };
        }

        return FhirHttp.WriteResourceAsync(context, resource, 200, location: false);
    }

    private static Search.SummaryMode SummaryOf(HttpRequest request) => FhirHttp.Query(request, "_summary") switch
    {
        null or "false" => Search.SummaryMode.None,
        "true" => Search.SummaryMode.True,
        "text" => Search.SummaryMode.Text,
        "data" => Search.SummaryMode.Data,
        var other => throw new FhirOperationException(400, IssueType.Invalid, $"_summary must be true, false, text or data on a read, found '{other}'"),
    };

    private static string[] ElementsOf(HttpRequest request) =>
        FhirHttp.Query(request, "_elements")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
