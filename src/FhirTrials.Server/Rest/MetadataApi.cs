using FhirTrials.Server.Capabilities;
using FhirTrials.Server.Rest.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FhirTrials.Server.Rest;

/// <summary><c>GET [base]/metadata</c>: the CapabilityStatement.</summary>
public static class MetadataApi
{
    public static IEndpointRouteBuilder MapMetadataApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/metadata", (HttpContext context, CapabilityStatementBuilder capabilities) =>
            FhirHttp.WriteJsonAsync(context, 200, capabilities.Json(FhirHttp.BaseUrl(context))));
        return endpoints;
    }
}
