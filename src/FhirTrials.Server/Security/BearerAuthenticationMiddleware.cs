using FhirTrials.Fhir.Model;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Rest.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FhirTrials.Server.Security;

/// <summary>
/// Writes (POST, PUT, PATCH, DELETE — except searches and other read-only operations) always need
/// <c>Authorization: Bearer &lt;token&gt;</c>; reads need it when configured. Failures get 401 with
/// <c>WWW-Authenticate: Bearer</c> and an OperationOutcome. The CapabilityStatement is always public.
/// </summary>
internal sealed class BearerAuthenticationMiddleware
{
    private static readonly string[] ReadOnlyPosts = ["/_search", "/$match", "/$export"];

    private readonly RequestDelegate _next;
    private readonly BearerTokenValidator _validator;
    private readonly bool _readsNeedToken;

    public BearerAuthenticationMiddleware(RequestDelegate next, IOptions<FhirServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _validator = new BearerTokenValidator(options.Value.Security);
        _readsNeedToken = options.Value.Security.RequireAuthForReads;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var isWrite = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && !ReadOnlyPosts.Any(p => HttpMethods.IsPost(request.Method) && path.EndsWith(p, StringComparison.Ordinal))
            && !path.Contains("/$export-poll-status/", StringComparison.Ordinal);
        var isMetadata = path.EndsWith("/metadata", StringComparison.Ordinal);
        if (isMetadata || !(isWrite || _readsNeedToken))
        {
            await _next(context);
            return;
        }

        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
        if (await _validator.ValidateAsync(token))
        {
            await _next(context);
            return;
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        var message = !_validator.Configured ? "writes are disabled: the server has no API key or JWT key configured"
            : token.Length == 0 ? $"{(isWrite ? "writing" : "reading")} needs Authorization: Bearer <token>"
            : "the bearer token is not valid";
        await FhirHttp.WriteOutcomeAsync(context, 401, Outcome.Error(IssueType.Login, message));
    }
}
