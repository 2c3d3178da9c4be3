using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FhirTrials.Server.Rest.Http;

/// <summary>
/// JSON only: <c>application/fhir+json</c> (and <c>application/json</c>) in and out. <c>_format</c>
/// overrides <c>Accept</c>; asking for anything else is 406, sending anything else is 415.
/// </summary>
internal static class ContentNegotiation
{
    private static readonly string[] JsonFormats = ["json", "application/json", "application/fhir+json", "application/json+fhir"];

    public static string ResponseContentType(HttpContext context)
    {
        var format = FhirHttp.Query(context.Request, "_format");
        var plainJson = format is "json" or "application/json"
            || (format is null && AcceptsOnlyPlainJson(context.Request));
        return plainJson ? "application/json; charset=utf-8" : "application/fhir+json; charset=utf-8";
    }

    /// <summary>Null when the request's formats are fine, else the status (406 or 415) and why.</summary>
    public static (int Status, string Message)? Check(HttpRequest request, bool ndjsonAllowed)
    {
        var format = FhirHttp.Query(request, "_format");
        if (format is not null && !JsonFormats.Contains(format.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return (406, $"_format '{format}' is not supported: this server speaks FHIR JSON only (_format=json)");
        }

        if (format is null && !AcceptsJson(request, ndjsonAllowed))
        {
            return (406, $"cannot produce '{request.Headers.Accept}': this server speaks FHIR JSON only (application/fhir+json)");
        }

        if (HasBody(request))
        {
            var contentType = request.ContentType;
            var isForm = request.HasFormContentType;
            var isSearch = request.Path.Value?.EndsWith("/_search", StringComparison.Ordinal) == true;
            var isJson = contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media)
                && JsonFormats.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase);
            if (!(isJson || (isSearch && isForm)))
            {
                return (415, $"Content-Type '{contentType}' is not supported: send application/fhir+json{(isSearch ? " or application/x-www-form-urlencoded" : string.Empty)}");
            }
        }

        return null;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static bool AcceptsJson(HttpRequest request, bool ndjsonAllowed)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var types) || types.Count == 0)
        {
            return true;
        }

        return types.Any(t =>
        {
            var type = t.MediaType.Value ?? string.Empty;
            return type is "*/*" or "application/*"
                || JsonFormats.Contains(type, StringComparer.OrdinalIgnoreCase)
                || (ndjsonAllowed && type.EndsWith("ndjson", StringComparison.OrdinalIgnoreCase));
        });
    }

    private static bool AcceptsOnlyPlainJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("fhir", StringComparison.OrdinalIgnoreCase);
    }
}
