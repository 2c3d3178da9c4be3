using System.Net;
using System.Text.Json;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.Tests.Fakes;
using FhirTrials.Sync.Tests.Infrastructure;
using FhirTrials.Sync.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirTrials.Sync.Tests.Worker;

/// <summary>The hosted worker: configuration and its validation, scheduling, watching, health, shutdown.</summary>
public sealed class SyncWorkerTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new("worker");
    private FakeFhirServer _server = null!;

    private string Source => _temp.Folder("records");

    public async Task InitializeAsync() => _server = await FakeFhirServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task StartAsync_BadSettings_FailsWithOneLinePerProblem()
    {
        using var host = Build(new()
        {
            ["Sync:Source:Path"] = _temp.File("missing"),
            ["Sync:Target:BaseUrl"] = "ftp://example.org/fhir",
            ["Sync:ChunkSize"] = "0",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                $"Sync:Source:Path '{_temp.File("missing")}': no such folder",
                "Sync:Target:BaseUrl 'ftp://example.org/fhir' is not an absolute http or https URL",
                "Sync:ChunkSize 0 must be between 1 and 10000 entries",
            ],
            error.Failures);
    }

    [Fact]
    public void Failures_AuthWithoutWhatItNeeds_AreNamed()
    {
        var options = new SyncOptions { Source = { Path = Source }, Target = { BaseUrl = new Uri("https://fhir.example.org") } };
        options.Target.Auth.Mode = FhirTrials.Sync.Client.Auth.FhirAuthMode.SmartBackend;
        options.Target.Auth.ClientId = "c";
        options.Target.Auth.PrivateKeyPath = _temp.File("nokey.pem");
        options.State.Provider = StateProvider.Postgres;

        var failures = SyncOptionsValidator.Failures(options).ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains("Sync:State:ConnectionString is required when Sync:State:Provider is Postgres", failures);
        Assert.Contains(failures, f => f.StartsWith("Sync:Target:Auth:PrivateKeyPath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_IntervalElapses_RunsTheNextPassOnTheClock()
    {
        var clock = new ManualClock();
        TrialFactory.Write(Source, 0, 2);
        using var host = Build(Settings(("Sync:Interval", "00:10:00"), ("Sync:Source:Watch", "false")), clock);
        await host.StartAsync();
        var status = host.Services.GetRequiredService<SyncStatus>();
        await Until(() => status.State == "ok");
        TrialFactory.Write(Source, 2, 1);
        await clock.WaitForTimerAsync(TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(10));
        await Until(() => _server.Read(s => s.Live("ResearchStudy").Count()) == 3);

        Assert.Equal(3, _server.Read(s => s.Live("ResearchStudy").Count()));
        await host.StopAsync();
    }

    [Fact]
    public async Task Worker_FileAdded_StartsAPassWithoutWaitingForTheInterval()
    {
        TrialFactory.Write(Source, 0, 1);
        using var host = Build(Settings(("Sync:Interval", "01:00:00"), ("Sync:Source:WatchDelay", "00:00:00.200")));
        await host.StartAsync();
        await Until(() => _server.Read(s => s.Live("ResearchStudy").Count()) == 1);

        TrialFactory.Write(Source, 1, 2);

        await Until(() => _server.Read(s => s.Live("ResearchStudy").Count()) == 3);
        await host.StopAsync();
    }

    [Fact]
    public async Task Health_AfterAPass_ReportsTheLastRun()
    {
        TrialFactory.Write(Source, 0, 2);
        using var host = Build(Settings(("Sync:Health:Urls", "http://127.0.0.1:0"), ("Sync:Source:Watch", "false"), ("Sync:WorkerId", "w1")));
        await host.StartAsync();
        var status = host.Services.GetRequiredService<SyncStatus>();
        await Until(() => status.State == "ok");
        var address = host.Services.GetServices<IHostedService>().OfType<SyncHealthServer>().Single().Addresses.Single();

        using var http = new HttpClient();
        using var response = await http.GetAsync(address + "/health");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("w1", health.RootElement.GetProperty("worker").GetString());
        Assert.Equal(2, health.RootElement.GetProperty("lastRun").GetProperty("sent").GetInt32());
        await host.StopAsync();
    }

    [Fact]
    public async Task Health_ServerUnreachable_Is503Failing()
    {
        TrialFactory.Write(Source, 0, 1);
        using var host = Build(Settings(("Sync:Health:Urls", "http://127.0.0.1:0"), ("Sync:Source:Watch", "false"), ("Sync:Target:BaseUrl", "http://127.0.0.1:9/fhir"), ("Sync:Target:Retry:MaxAttempts", "0")));
        await host.StartAsync();
        var status = host.Services.GetRequiredService<SyncStatus>();
        await Until(() => status.State == "failing");
        var address = host.Services.GetServices<IHostedService>().OfType<SyncHealthServer>().Single().Addresses.Single();

        using var http = new HttpClient();
        using var response = await http.GetAsync(address + "/health");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("capability check failed", health.RootElement.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("00:00:10", true)]
    [InlineData("00:00:00.100", false)]
    public async Task StopAsync_ChunkInFlight_IsConfirmedWithinTheGraceOrLeftUnrecorded(string grace, bool recorded)
    {
        TrialFactory.Write(Source, 0, 3);
        var entered = new TaskCompletionSource();
        _server.Intercept = async context =>
        {
            if (context.Request.Method == "POST")
            {
                entered.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(1.5), CancellationToken.None);
            }

            return false;
        };
        using var host = Build(Settings(("Sync:ShutdownGrace", grace), ("Sync:Source:Watch", "false")));
        await host.StartAsync();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await host.StopAsync();

        await using var state = new FhirTrials.Sync.State.SqliteSyncStateStore(_temp.File("state.db"));
        var counts = await state.CountsAsync(default);
        Assert.Equal(recorded ? 3 : 0, counts.Synced);
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sync:Source:Path"] = Source,
            ["Sync:Target:BaseUrl"] = _server.BaseUrl,
            ["Sync:Target:Retry:BaseDelay"] = "00:00:00.010",
            ["Sync:State:Path"] = _temp.File("state.db"),
            ["Sync:DeadLetterPath"] = _temp.File("dead"),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static IHost Build(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddLogging();
        builder.Services.AddFhirTrialsSync(builder.Configuration);
        return builder.Build();
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 30 s");
            await Task.Delay(20);
        }
    }
}
