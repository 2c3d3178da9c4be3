using System.Net;
using System.Text;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Tests.Fakes;
using FhirTrials.Sync.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace FhirTrials.Sync.Tests.Client;

/// <summary>Retries, Retry-After, timeouts, dropped connections and the circuit breaker, against a fake server.</summary>
public sealed class FhirClientResilienceTests : IAsyncLifetime
{
    private static readonly byte[] Study = Encoding.UTF8.GetBytes("""{"resourceType":"ResearchStudy","id":"s1","status":"active"}""");
    private FakeFhirServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeFhirServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_429WithRetryAfterSeconds_WaitsExactlyThatLongOnTheClock()
    {
        var clock = new ManualClock();
        var calls = 0;
        _server.Intercept = context => Answer(context, Interlocked.Increment(ref calls) == 1 ? 429 : 0, ("Retry-After", "7"));
        using var client = ClientFactory.Create(_server.BaseUrl, time: clock);

        var update = client.UpdateAsync("ResearchStudy/s1", Study, null, default);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        Assert.Contains(TimeSpan.FromSeconds(7), clock.Pending());
        clock.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Delay(100);
        Assert.Equal(1, Volatile.Read(ref calls));
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var response = await update.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task SendAsync_503WithRetryAfterDate_WaitsUntilThatDate()
    {
        var clock = new ManualClock();
        var calls = 0;
        var date = clock.GetUtcNow().AddSeconds(30).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _server.Intercept = context => Answer(context, Interlocked.Increment(ref calls) == 1 ? 503 : 0, ("Retry-After", date));
        using var client = ClientFactory.Create(_server.BaseUrl, time: clock);

        var read = client.UpdateAsync("ResearchStudy/s1", Study, null, default);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Created, (await read.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task SendAsync_BurstOf503_RetriesUntilTheServerAnswers()
    {
        var calls = 0;
        _server.Intercept = context => Answer(context, Interlocked.Increment(ref calls) <= 3 ? 503 : 0);
        using var client = ClientFactory.Create(_server.BaseUrl);

        var response = await client.UpdateAsync("ResearchStudy/s1", Study, null, default);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task SendAsync_500OnAPlainCreate_IsNotRepeated()
    {
        var calls = 0;
        _server.Intercept = context => Answer(context, Interlocked.Increment(ref calls) > 0 ? 500 : 0);
        using var client = ClientFactory.Create(_server.BaseUrl);

        var error = await Assert.ThrowsAsync<FhirClientException>(() => client.CreateAsync("ResearchStudy", Study, null, default));

        Assert.Equal(1, calls);
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal("injected", error.Outcome!.Issue[0].Diagnostics);
    }

    [Fact]
    public async Task SendAsync_SlowAnswer_TimesOutAndRetries()
    {
        var calls = 0;
        _server.Intercept = async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None);
            }

            return false;
        };
        using var client = ClientFactory.Create(_server.BaseUrl, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var response = await client.UpdateAsync("ResearchStudy/s1", Study, null, default);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task SendAsync_ConnectionDropped_RetriesAnIdempotentRequest()
    {
        var calls = 0;
        _server.Intercept = context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Abort();
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        };
        using var client = ClientFactory.Create(_server.BaseUrl);

        var response = await client.TransactionAsync(Encoding.UTF8.GetBytes("""{"resourceType":"Bundle","type":"transaction","entry":[]}"""), idempotent: true, default);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task SendAsync_ConnectionDroppedOnANonIdempotentRequest_FailsWithNoAnswer()
    {
        var calls = 0;
        _server.Intercept = context =>
        {
            Interlocked.Increment(ref calls);
            context.Abort();
            return Task.FromResult(true);
        };
        using var client = ClientFactory.Create(_server.BaseUrl);

        var error = await Assert.ThrowsAsync<FhirClientException>(() => client.TransactionAsync("{}"u8.ToArray(), idempotent: false, default));

        Assert.Equal(1, calls);
        Assert.Equal((HttpStatusCode)0, error.Status);
        Assert.StartsWith("POST : no answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RepeatedFailures_OpenTheCircuitAndStopSending()
    {
        var calls = 0;
        _server.Intercept = context => Answer(context, Interlocked.Increment(ref calls) > 0 ? 500 : 0);
        using var client = ClientFactory.Create(_server.BaseUrl, o =>
        {
            o.Retry.MaxAttempts = 0;
            o.CircuitBreaker = new CircuitBreakerOptions { Enabled = true, FailureRatio = 0.5, MinimumThroughput = 3, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromMinutes(5) };
        });

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<FhirClientException>(() => client.UpdateAsync("ResearchStudy/s1", Study, null, default));
        }

        var open = await Assert.ThrowsAsync<FhirClientException>(() => client.UpdateAsync("ResearchStudy/s1", Study, null, default));

        Assert.Equal(3, calls);
        Assert.Contains("circuit is open", open.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_OperationOutcome_IsCarriedWithAOneLineMessage()
    {
        _server.Intercept = async context =>
        {
            context.Response.StatusCode = 422;
            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invariant","diagnostics":"rule one\nbroken","expression":["ResearchStudy.status"]},{"severity":"error","code":"required","diagnostics":"status is required"}]}""");
            return true;
        };
        using var client = ClientFactory.Create(_server.BaseUrl);

        var error = await Assert.ThrowsAsync<FhirClientException>(() => client.UpdateAsync("ResearchStudy/s1", Study, null, default));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Status);
        Assert.Equal(2, error.Outcome!.Issue.Count);
        Assert.Equal("PUT ResearchStudy/s1: 422 Unprocessable Content: rule one broken; status is required", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static async Task<bool> Answer(HttpContext context, int status, params (string Name, string Value)[] headers)
    {
        if (status == 0)
        {
            return false;
        }

        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/fhir+json";
        await context.Response.Body.WriteAsync(FakeFhirServer.Outcome("exception", "injected"));
        return true;
    }
}
