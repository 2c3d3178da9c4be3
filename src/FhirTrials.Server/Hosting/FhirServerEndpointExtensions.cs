using FhirTrials.Server.Export;
using FhirTrials.Server.Matching;
using FhirTrials.Server.Rest;
using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirTrials.Server.Hosting;

/// <summary>Adds the FHIR middleware and endpoints to an ASP.NET Core application.</summary>
public static class FhirServerEndpointExtensions
{
    /// <summary>Under the base path: formats (406/415), errors as OperationOutcomes, bearer authentication.</summary>
    public static IApplicationBuilder UseFhirServer(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var basePath = new PathString(app.ApplicationServices.GetRequiredService<IOptions<FhirServerOptions>>().Value.BasePath.TrimEnd('/'));
        return app.UseWhen(
            context => context.Request.Path.StartsWithSegments(basePath),
            branch => branch.UseMiddleware<FhirPipelineMiddleware>().UseMiddleware<BearerAuthenticationMiddleware>());
    }

    /// <summary>Maps every FHIR area under the base path.</summary>
    public static IEndpointRouteBuilder MapFhirServer(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var basePath = endpoints.ServiceProvider.GetRequiredService<IOptions<FhirServerOptions>>().Value.BasePath.TrimEnd('/');
        var group = endpoints.MapGroup(basePath);
        group.MapMetadataApi();
        group.MapSearchApi();
        group.MapHistoryApi();
        group.MapResourceApi();
        group.MapBundleApi();
        group.MapExportApi();
        group.MapMatchApi();
        return endpoints;
    }
}
