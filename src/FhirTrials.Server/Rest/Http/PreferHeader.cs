using FhirTrials.Server.Search;
using FhirTrials.Server.Transactions;
using Microsoft.AspNetCore.Http;

namespace FhirTrials.Server.Rest.Http;

/// <summary>The <c>Prefer</c> header's directives the server honours: <c>return</c>, <c>handling</c>, <c>respond-async</c>.</summary>
internal static class PreferHeader
{
    public static ReturnMode Return(HttpRequest request) => Directive(request, "return") switch
    {
        "minimal" => ReturnMode.Minimal,
        "OperationOutcome" => ReturnMode.OperationOutcome,
        _ => ReturnMode.Representation,
    };

    /// <summary>For Bundles: entries carry only their response unless asked otherwise.</summary>
    public static ReturnPreference BundleReturn(HttpRequest request) => Directive(request, "return") switch
    {
        "representation" => ReturnPreference.Representation,
        "OperationOutcome" => ReturnPreference.OperationOutcome,
        _ => ReturnPreference.Minimal,
    };

    public static SearchHandling Handling(HttpRequest request) =>
        Directive(request, "handling") == "strict" ? SearchHandling.Strict : SearchHandling.Lenient;

    public static bool RespondAsync(HttpRequest request) => Directive(request, "respond-async") is not null;

    /// <summary>The value of one directive (<c>return=minimal</c> → minimal; a bare <c>respond-async</c> → empty), or null.</summary>
    private static string? Directive(HttpRequest request, string name)
    {
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var part in (header ?? string.Empty).Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? part : part[..equals].Trim();
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return equals < 0 ? string.Empty : part[(equals + 1)..].Trim().Trim('"');
                }
            }
        }

        return null;
    }
}
