namespace FhirTrials.Sync.Client;

/// <summary>
/// One request: method, URL (relative to the base, or absolute), optional body and headers, whether
/// repeating it is safe, and an operation name for metrics.
/// </summary>
public sealed class FhirRequest
{
    public FhirRequest(HttpMethod method, string url, ReadOnlyMemory<byte>? body = null, bool? idempotent = null, string? operation = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        Method = method;
        Url = url;
        Body = body;
        Idempotent = idempotent ?? method != HttpMethod.Post && method != HttpMethod.Patch;
        Operation = operation ?? method.Method.ToLowerInvariant();
    }

    public HttpMethod Method { get; }

    public string Url { get; }

    public ReadOnlyMemory<byte>? Body { get; }

    /// <summary>True when sending it twice has the effect of sending it once (GET, PUT, DELETE; a transaction of conditional writes).</summary>
    public bool Idempotent { get; }

    /// <summary>A short name for metrics: read, search, update, transaction….</summary>
    public string Operation { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The URL for messages, without the query string's values when it is long.</summary>
    public string Describe => Url.Length <= 160 ? Url : Url[..157] + "...";

    public FhirRequest WithHeader(string name, string? value)
    {
        if (value is not null)
        {
            Headers.Add(new(name, value));
        }

        return this;
    }
}
