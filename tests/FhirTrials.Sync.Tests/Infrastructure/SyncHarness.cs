using System.Text.Json;
using FhirTrials.Sync.Client.Auth;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.Hosting;
using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// A source folder, a state file and a dead-letter folder in a temp folder, synced to a target URL; each
/// run builds fresh components, as a new worker process would.
/// </summary>
public sealed class SyncHarness : IDisposable
{
    public SyncHarness(string targetUrl, string? apiKey = LoopbackServer.ApiKey)
    {
        TargetUrl = targetUrl;
        ApiKey = apiKey;
        Source = Temp.Folder("records");
    }

    public TempFolder Temp { get; } = new("sync");

    public string TargetUrl { get; }

    public string? ApiKey { get; }

    public string Source { get; }

    public string StatePath => Temp.File("state.db");

    public string DeadLetter => Temp.File("dead-letter");

    public SyncOptions Options(Action<SyncOptions>? configure = null)
    {
        var options = new SyncOptions
        {
            Source = { Path = Source },
            Target =
            {
                BaseUrl = new Uri(TargetUrl),
                Auth = ApiKey is null ? new FhirAuthOptions() : new FhirAuthOptions { Mode = FhirAuthMode.Bearer, Token = ApiKey },
                Retry = { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) },
                Timeout = TimeSpan.FromSeconds(30),
            },
            State = { Path = StatePath },
            DeadLetterPath = DeadLetter,
        };
        configure?.Invoke(options);
        return options;
    }

    public async Task<SyncReport> RunAsync(Action<SyncOptions>? configure = null, SyncRunOptions? run = null)
    {
        await using var components = await SyncComponents.CreateAsync(Options(configure));
        return await components.Engine.RunOnceAsync(run);
    }

    public async Task<TResult> WithStateAsync<TResult>(Func<ISyncStateStore, Task<TResult>> read)
    {
        await using var store = new SqliteSyncStateStore(StatePath);
        return await read(store);
    }

    public void Dispose() => Temp.Dispose();
}

/// <summary>Reads from a FHIR server over HTTP for assertions.</summary>
public static class ServerReads
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<int> CountAsync(this HttpClient client, string typeAndQuery)
    {
        var separator = typeAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var bundle = await client.GetJsonAsync(typeAndQuery + separator + "_summary=count");
        return bundle.GetProperty("total").GetInt32();
    }

    public static async Task<JsonElement> StudyAsync(this HttpClient client, string nctId)
    {
        var bundle = await client.GetJsonAsync("ResearchStudy?identifier=https://clinicaltrials.gov/nctid|" + nctId);
        var entries = bundle.GetProperty("entry");
        Assert.Equal(1, entries.GetArrayLength());
        return entries[0].GetProperty("resource").Clone();
    }

    public static string VersionOf(this JsonElement resource) => resource.GetProperty("meta").GetProperty("versionId").GetString()!;
}
