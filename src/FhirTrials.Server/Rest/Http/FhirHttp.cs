using System.Globalization;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Writing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FhirTrials.Server.Rest.Http;

/// <summary>Reading FHIR requests and writing FHIR responses: base URL, bodies, headers, JSON with <c>_pretty</c>.</summary>
internal static class FhirHttp
{
    public const string FhirJson = "application/fhir+json";

    /// <summary>The service base URL: the configured public one, or scheme://host/pathbase/basepath of the request.</summary>
    public static string BaseUrl(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<FhirServerOptions>>().Value;
        if (!string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            return options.PublicBaseUrl.TrimEnd('/');
        }

        var request = context.Request;
        return string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, options.BasePath.TrimEnd('/'));
    }

    /// <summary>The query parameters in the order written, decoded.</summary>
    public static List<KeyValuePair<string, string>> QueryParameters(HttpRequest request)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(request.QueryString.Value))
        {
            pairs.Add(new KeyValuePair<string, string>(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }

    public static string? Query(HttpRequest request, string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw new FhirOperationException(400, IssueType.Required, "the request has no body: expected a FHIR resource");
        }

        return buffer.ToArray();
    }

    /// <summary>Writes a stored resource with ETag, Last-Modified and (for creates and updates) Location, honouring <c>Prefer: return</c>.</summary>
    public static Task WriteResourceAsync(HttpContext context, StoredResource resource, int status, bool location, ReturnMode mode = ReturnMode.Representation)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.ETag = resource.ETag;
        response.Headers.LastModified = resource.LastUpdated.ToString("R", CultureInfo.InvariantCulture);
        if (location)
        {
            response.Headers.Location = $"{BaseUrl(context)}/{resource.Type}/{resource.Id}/_history/{resource.VersionId.ToString(CultureInfo.InvariantCulture)}";
        }

        return mode switch
        {
            ReturnMode.Minimal => Task.CompletedTask,
            ReturnMode.OperationOutcome => WriteJsonAsync(context, status, FhirJsonSerializer.SerializeToUtf8Bytes(Outcome.Information($"{resource.Type}/{resource.Id} version {resource.VersionId.ToString(CultureInfo.InvariantCulture)}: {Bundles.BundleJsonWriter.StatusText(status)}"))),
            _ => WriteJsonAsync(context, status, resource.Json),
        };
    }

    public static Task WriteOutcomeAsync(HttpContext context, int status, OperationOutcome outcome) =>
        WriteJsonAsync(context, status, FhirJsonSerializer.SerializeToUtf8Bytes(outcome));

    /// <summary>Writes FHIR JSON (indented when <c>_pretty=true</c>).</summary>
    public static async Task WriteJsonAsync(HttpContext context, int status, ReadOnlyMemory<byte> json)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentNegotiation.ResponseContentType(context);
        if (string.Equals(Query(context.Request, "_pretty"), "true", StringComparison.Ordinal))
        {
            json = ResourceJson.Indent(json);
        }

        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted);
    }

    /// <summary>The version in an <c>If-Match</c> header; 400 when it is not a version ETag.</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString();
        if (header.Length == 0)
        {
            return null;
        }

        return VersionETag.Parse(header) ?? throw new FhirOperationException(400, IssueType.Invalid, $"If-Match '{header}' is not a version ETag such as W/\"3\"");
    }
}

/// <summary><c>Prefer: return=…</c> for single interactions.</summary>
internal enum ReturnMode
{
    Representation,
    Minimal,
    OperationOutcome,
}
