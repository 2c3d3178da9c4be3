using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Server.Rest.Http;

/// <summary>
/// Wraps every FHIR request: checks formats (406/415), turns every failure into an OperationOutcome
/// with the right status (never a stack trace or SQL: unexpected errors are logged and answered with a
/// generic 500), and gives bodiless errors from routing (404, 405) an OperationOutcome too.
/// </summary>
internal sealed partial class FhirPipelineMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<FhirPipelineMiddleware> _logger;

    public FhirPipelineMiddleware(RequestDelegate next, ILogger<FhirPipelineMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var ndjson = context.Request.Path.Value?.Contains("$export-file", StringComparison.Ordinal) == true;
        if (ContentNegotiation.Check(context.Request, ndjson) is { } problem)
        {
            await FhirHttp.WriteOutcomeAsync(context, problem.Status, Outcome.Error(IssueType.NotSupported, problem.Message));
            return;
        }

        try
        {
            await _next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && Map(ex) is { } mapped)
        {
            if (mapped.Status >= 500)
            {
                LogUnexpected(_logger, context.Request.Method, context.Request.Path, ex);
            }

            await FhirHttp.WriteOutcomeAsync(context, mapped.Status, mapped.Outcome);
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null && context.Response.ContentType is null)
        {
            var status = context.Response.StatusCode;
            var message = status switch
            {
                404 => $"no FHIR interaction at {context.Request.Method} {context.Request.Path}",
                405 => $"{context.Request.Method} is not allowed on {context.Request.Path}",
                _ => Bundles.BundleJsonWriter.StatusText(status),
            };
            await FhirHttp.WriteOutcomeAsync(context, status, Outcome.Error(status == 404 ? IssueType.NotFound : IssueType.NotSupported, message));
        }
    }

    private static (int Status, OperationOutcome Outcome)? Map(Exception exception) => exception switch
    {
        FhirOperationException fhir => (fhir.Status, fhir.Outcome),
        SearchException search => (400, Outcome.Error(search.Code, search.Message)),
        StoreConflictException conflict => (409, Outcome.Error(IssueType.Conflict, conflict.Message)),
        BadHttpRequestException bad => (bad.StatusCode, Outcome.Error(bad.StatusCode == 413 ? IssueType.TooCostly : IssueType.Invalid, bad.StatusCode == 413 ? "the request body is larger than this server accepts" : "the request could not be read")),
        OperationCanceledException => null,
        _ => (500, Outcome.Error(IssueType.Exception, "the server failed to process the request; the error has been logged")),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, string method, PathString path, Exception exception);
}
