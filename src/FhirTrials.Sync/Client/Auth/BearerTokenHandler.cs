using System.Net;
using System.Net.Http.Headers;

namespace FhirTrials.Sync.Client.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to requests for the FHIR server's origin (never to other hosts a
/// <c>next</c> link may point at); on a 401 it renews the token once and repeats the request.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokens;
    private readonly Uri _origin;

    public BearerTokenHandler(IAccessTokenProvider tokens, Uri fhirBase, HttpMessageHandler inner)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(fhirBase);
        _tokens = tokens;
        _origin = new Uri(fhirBase.GetLeftPart(UriPartial.Authority));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is null || !SameOrigin(request.RequestUri))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(false, cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !_tokens.CanRefresh)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(true, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private bool SameOrigin(Uri uri) => Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
