using System.Globalization;
using System.Net;

namespace FhirTrials.Sync.Client;

/// <summary>A server's answer: status, body and the headers FHIR interactions use (ETag, Location, Last-Modified).</summary>
public sealed class FhirResponse
{
    public FhirResponse(HttpStatusCode status, byte[] body, string? etag, string? location, DateTimeOffset? lastModified, DateTimeOffset? date)
    {
        Status = status;
        Body = body;
        ETag = etag;
        Location = location;
        LastModified = lastModified;
        Date = date;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The body as sent (usually FHIR JSON); empty when there was none.</summary>
    public byte[] Body { get; }

    /// <summary>The ETag header, e.g. <c>W/"3"</c>.</summary>
    public string? ETag { get; }

    /// <summary>The Location (or Content-Location) header.</summary>
    public string? Location { get; }

    public DateTimeOffset? LastModified { get; }

    /// <summary>The server's Date header: its clock, for incremental pulls.</summary>
    public DateTimeOffset? Date { get; }

    /// <summary>The version in <see cref="ETag"/> (<c>W/"3"</c> → 3), when it holds one.</summary>
    public string? VersionId => VersionOf(ETag);

    /// <summary>The version inside an ETag (<c>W/"3"</c> → <c>3</c>).</summary>
    public static string? VersionOf(string? etag)
    {
        if (string.IsNullOrEmpty(etag))
        {
            return null;
        }

        var text = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        return text.Trim('"') is { Length: > 0 } version ? version : null;
    }

    internal static FhirResponse From(HttpResponseMessage message, byte[] body) => new(
        message.StatusCode,
        body,
        message.Headers.ETag?.ToString(),
        (message.Headers.Location ?? message.Content.Headers.ContentLocation)?.ToString(),
        message.Content.Headers.LastModified,
        message.Headers.Date);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(int)Status} {Status}");
}
