using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FhirTrials.Sync.Client.Auth;

/// <summary>
/// OAuth 2.0 client-credentials tokens (RFC 6749 §4.4), with the client authenticated by its secret
/// (HTTP Basic) or, for SMART Backend Services, by a signed JWT assertion (RFC 7523). Tokens are cached
/// and renewed <see cref="FhirAuthOptions.RefreshBefore"/> before they expire; one request at a time.
/// </summary>
public sealed class OAuthTokenProvider : IAccessTokenProvider, IDisposable
{
    private readonly FhirAuthOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ClientAssertion? _assertion;
    private readonly Func<CancellationToken, Task<Uri>> _endpoint;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <param name="options">Client id, secret or key, scope, token endpoint.</param>
    /// <param name="http">The client token requests go through.</param>
    /// <param name="time">The clock expiry is measured on.</param>
    /// <param name="fhirBase">The FHIR base, where SMART's <c>.well-known/smart-configuration</c> is found when no token endpoint is configured.</param>
    public OAuthTokenProvider(FhirAuthOptions options, HttpClient http, TimeProvider time, Uri? fhirBase)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = http;
        _time = time;
        _assertion = options.Mode == FhirAuthMode.SmartBackend ? ClientAssertion.FromOptions(options) : null;
        Uri? discovered = null;
        _endpoint = async ct => options.TokenEndpoint ?? (discovered ??= await SmartConfiguration.TokenEndpointAsync(http, fhirBase ?? throw new InvalidOperationException("no token endpoint and no FHIR base to discover it from"), ct));
    }

    /// <summary>How many tokens were obtained (for diagnostics and tests).</summary>
    public int TokensIssued { get; private set; }

    public bool CanRefresh => true;

    public async ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var current = _token;
        if (!forceRefresh && current is not null && _time.GetUtcNow() < _renewAt)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && _time.GetUtcNow() < _renewAt && (!forceRefresh || !ReferenceEquals(_token, current)))
            {
                return _token;
            }

            var (token, lifetime) = await RequestAsync(cancellationToken);
            var margin = lifetime > 2 * _options.RefreshBefore ? _options.RefreshBefore : lifetime / 2;
            _renewAt = _time.GetUtcNow() + lifetime - margin;
            _token = token;
            TokensIssued++;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken cancellationToken)
    {
        var endpoint = await _endpoint(cancellationToken);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (!string.IsNullOrEmpty(_options.Scope))
        {
            form.Add(new("scope", _options.Scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        if (_assertion is not null)
        {
            form.Add(new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
            form.Add(new("client_assertion", _assertion.Create(endpoint, _time.GetUtcNow())));
        }
        else
        {
            var credentials = Uri.EscapeDataString(_options.ClientId ?? string.Empty) + ":" + Uri.EscapeDataString(_options.ClientSecret ?? string.Empty);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new FhirClientException(response.StatusCode, null, $"token endpoint {endpoint}: {(int)response.StatusCode} {OperationOutcomes.ReasonPhrase(response.StatusCode)}: {OperationOutcomes.BodySnippet(body)}");
        }

        return Parse(body, endpoint);
    }

    private static (string, TimeSpan) Parse(byte[] body, Uri endpoint)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new FhirClientException($"token endpoint {endpoint}: the answer has no access_token");
            }

            var seconds = root.TryGetProperty("expires_in", out var e) ? e.ValueKind switch
            {
                JsonValueKind.Number => e.GetDouble(),
                JsonValueKind.String => double.Parse(e.GetString()!, CultureInfo.InvariantCulture),
                _ => 300,
            } : 300;
            return (token, TimeSpan.FromSeconds(Math.Max(seconds, 1)));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new FhirClientException($"token endpoint {endpoint}: the answer is not a token response: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _assertion?.Dispose();
    }
}
