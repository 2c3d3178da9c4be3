using System.Text.Json;

namespace FhirTrials.Sync.Client.Auth;

/// <summary>SMART App Launch discovery: <c>[base]/.well-known/smart-configuration</c>.</summary>
public static class SmartConfiguration
{
    /// <summary>The <c>token_endpoint</c> the server advertises.</summary>
    public static async Task<Uri> TokenEndpointAsync(HttpClient http, Uri fhirBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(fhirBase);
        var address = new Uri(fhirBase.ToString().TrimEnd('/') + "/.well-known/smart-configuration");
        using var response = await http.GetAsync(address, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new FhirClientException(response.StatusCode, null, $"GET {address}: {(int)response.StatusCode} {OperationOutcomes.ReasonPhrase(response.StatusCode)}: no SMART configuration; set the token endpoint");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("token_endpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String
                && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }
        catch (JsonException ex)
        {
            throw new FhirClientException($"GET {address}: not JSON: {ex.Message}", ex);
        }

        throw new FhirClientException($"GET {address}: the SMART configuration has no token_endpoint");
    }
}
