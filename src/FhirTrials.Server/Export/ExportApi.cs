using System.Globalization;
using System.Text.Json;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Indexing;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Rest;
using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Writing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;

namespace FhirTrials.Server.Export;

/// <summary>
/// Bulk Data export: <c>[base]/$export</c> and <c>[base]/[type]/$export</c> kick-off (<c>Prefer: respond-async</c>
/// → 202 + Content-Location), status polling (202 with X-Progress, then 200 with the manifest), NDJSON files,
/// DELETE to cancel. The work runs in the <see cref="ExportWorker"/> background service.
/// </summary>
public static class ExportApi
{
    private static readonly string[] NdjsonFormats = ["application/fhir+ndjson", "application/ndjson", "ndjson"];
    private static readonly string[] Unsupported = ["_elements", "_typeFilter", "includeAssociatedData", "patient"];

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods("/$export", ["GET", "POST"], (HttpContext c, ExportJobs jobs, FhirServerOptions o) => KickOffAsync(c, null, jobs, o));
        endpoints.MapGet("/{type}/$export", (HttpContext c, string type, ExportJobs jobs, FhirServerOptions o) => KickOffAsync(c, type, jobs, o));
        endpoints.MapGet("/$export-poll-status/{id}", StatusAsync);
        endpoints.MapDelete("/$export-poll-status/{id}", Cancel);
        endpoints.MapGet("/$export-file/{id}/{file}", FileAsync);
        return endpoints;
    }

    private static async Task KickOffAsync(HttpContext context, string? type, ExportJobs jobs, FhirServerOptions options)
    {
        if (type is not null)
        {
            ResourceTypes.Check(type);
        }

        if (!PreferHeader.RespondAsync(context.Request))
        {
            throw new FhirOperationException(400, IssueType.Invalid, "a bulk export needs the header Prefer: respond-async");
        }

        var format = FhirHttp.Query(context.Request, "_outputFormat");
        if (format is not null && !NdjsonFormats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            throw new FhirOperationException(400, IssueType.NotSupported, $"_outputFormat '{format}' is not supported: use application/fhir+ndjson");
        }

        if (Unsupported.FirstOrDefault(p => FhirHttp.Query(context.Request, p) is not null) is { } unsupported)
        {
            throw new FhirOperationException(400, IssueType.NotSupported, $"the export parameter {unsupported} is not supported");
        }

        DateTimeOffset? since = null;
        if (FhirHttp.Query(context.Request, "_since") is { } sinceText)
        {
            since = DateRange.TryParse(sinceText, out var low, out _) ? DateRange.FromMillis(low) : throw new FhirOperationException(400, IssueType.Invalid, $"_since '{sinceText}' is not an instant");
        }

        var types = FhirHttp.Query(context.Request, "_type")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in types ?? [])
        {
            if (!ModelInfo.IsResourceType(name))
            {
                throw new FhirOperationException(400, IssueType.Invalid, $"_type names '{name}', which is not a resource type");
            }
        }

        if (type is not null)
        {
            types = types is null ? [type] : types.Contains(type, StringComparer.Ordinal) ? [type] : throw new FhirOperationException(400, IssueType.Invalid, $"_type does not include {type}");
        }

        var job = jobs.Enqueue(context.Request.GetEncodedUrl(), types, since, options.Security.RequireAuthForReads);
        context.Response.Headers.ContentLocation = $"{FhirHttp.BaseUrl(context)}/$export-poll-status/{job.Id}";
        await FhirHttp.WriteOutcomeAsync(context, 202, Outcome.Information($"export {job.Id} accepted; poll the Content-Location URL"));
    }

    private static async Task StatusAsync(HttpContext context, string id, ExportJobs jobs, TimeProvider time, FhirServerOptions options)
    {
        var job = jobs.Find(id) ?? throw new FhirOperationException(404, IssueType.NotFound, $"no export '{id}' (it finished more than {options.Export.Retention} ago, was cancelled, or never existed)");
        switch (job.Status)
        {
            case ExportStatus.Queued or ExportStatus.Running:
                context.Response.StatusCode = 202;
                context.Response.Headers["X-Progress"] = job.Progress;
                context.Response.Headers.RetryAfter = "1";
                return;
            case ExportStatus.Failed:
                throw new FhirOperationException(500, IssueType.Exception, string.Join("; ", job.Errors));
            case ExportStatus.Cancelled:
                throw new FhirOperationException(404, IssueType.NotFound, $"export '{id}' was cancelled");
            default:
                break;
        }

        context.Response.Headers.Expires = (job.FinishedAt!.Value + options.Export.Retention).ToString("R", CultureInfo.InvariantCulture);
        var manifest = Manifest(job, FhirHttp.BaseUrl(context));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = manifest.Length;
        await context.Response.Body.WriteAsync(manifest, context.RequestAborted);
    }

    private static IResult Cancel(string id, ExportJobs jobs) =>
        jobs.Cancel(id) ? Results.StatusCode(202) : throw new FhirOperationException(404, IssueType.NotFound, $"no export '{id}' to cancel");

    private static async Task FileAsync(HttpContext context, string id, string file, ExportJobs jobs)
    {
        var job = jobs.Find(id);
        var path = job is { Status: ExportStatus.Completed } ? jobs.FilePath(job, file) : null;
        if (path is null || !File.Exists(path))
        {
            throw new FhirOperationException(404, IssueType.NotFound, $"no export file '{file}' in export '{id}'");
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/fhir+ndjson";
        await context.Response.SendFileAsync(path, context.RequestAborted);
    }

    private static byte[] Manifest(ExportJob job, string baseUrl)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("transactionTime", ResourceJson.FormatInstant(job.TransactionTime));
            writer.WriteString("request", job.Request);
            writer.WriteBoolean("requiresAccessToken", job.RequiresAccessToken);
            writer.WriteStartArray("output");
            foreach (var file in job.Files)
            {
                writer.WriteStartObject();
                writer.WriteString("type", file.Type);
                writer.WriteString("url", $"{baseUrl}/$export-file/{job.Id}/{file.FileName}");
                writer.WriteNumber("count", file.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("error");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
