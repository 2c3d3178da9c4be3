using System.Text.Json.Nodes;

namespace FhirTrials.Cli.Tests.Support;

/// <summary>Polls a URL of a command running in-process until its answer satisfies a condition.</summary>
public static class HttpPolling
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// GETs <paramref name="url"/> every 200 ms until a successful JSON answer satisfies <paramref name="done"/>
    /// (then returns it); fails when <paramref name="command"/> ends first or after a minute.
    /// </summary>
    public static async Task<JsonNode> UntilAsync(string url, Func<string, bool> done, Task<int> command)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        string? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            Assert.False(command.IsCompleted, $"the command ended (exit {(command.IsCompletedSuccessfully ? command.Result : -1)}) before {url} answered as expected; last answer: {last}");
            try
            {
                using var response = await Http.GetAsync(url);
                last = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && done(last))
                {
                    return JsonNode.Parse(last)!;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{url} did not answer as expected within a minute; last answer: {last}");
        return null!;
    }
}
