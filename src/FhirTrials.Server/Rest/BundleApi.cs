using FhirTrials.Server.Rest.Http;
using FhirTrials.Server.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FhirTrials.Server.Rest;

/// <summary><c>POST [base]</c> with a transaction or batch Bundle.</summary>
public static class BundleApi
{
    public static IEndpointRouteBuilder MapBundleApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/", ProcessAsync);
        return endpoints;
    }

    private static async Task ProcessAsync(HttpContext context, IFhirTransactionProcessor processor)
    {
        var body = await FhirHttp.ReadBodyAsync(context.Request, context.RequestAborted);
        var options = new TransactionOptions(PreferHeader.BundleReturn(context.Request), FhirHttp.BaseUrl(context));
        var result = await processor.ProcessAsync(body, options, context.RequestAborted);
        await FhirHttp.WriteJsonAsync(context, 200, result.ToJson());
    }
}
