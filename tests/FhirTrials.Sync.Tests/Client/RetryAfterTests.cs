using System.Net.Http.Headers;
using FhirTrials.Sync.Client.Resilience;

namespace FhirTrials.Sync.Tests.Client;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delay_Seconds_IsThatLong() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Delay(RetryConditionHeaderValue.Parse("7"), Now));

    [Fact]
    public void Delay_HttpDate_IsTheTimeUntilThen() =>
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.Delay(RetryConditionHeaderValue.Parse("Sat, 01 Mar 2025 12:01:30 GMT"), Now));

    [Fact]
    public void Delay_PastDate_IsZero() =>
        Assert.Equal(TimeSpan.Zero, RetryAfter.Delay(RetryConditionHeaderValue.Parse("Sat, 01 Mar 2025 11:00:00 GMT"), Now));

    [Fact]
    public void Delay_NoHeader_IsNull() => Assert.Null(RetryAfter.Delay((RetryConditionHeaderValue?)null, Now));

    [Fact]
    public void Delay_LongerThanTheCap_IsCapped()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = RetryConditionHeaderValue.Parse("3600");
        Assert.Equal(TimeSpan.FromMinutes(5), RetryAfter.Delay(response, Now, TimeSpan.FromMinutes(5)));
    }
}
