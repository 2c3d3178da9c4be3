using System.Text;
using System.Text.Json.Nodes;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace FhirTrials.Sync.Tests.Client;

/// <summary>Searches follow the server's <c>next</c> links exactly as written; reads, capabilities.</summary>
public sealed class FhirClientSearchTests : IAsyncLifetime
{
    private FakeFhirServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeFhirServer.StartAsync(new FakeBehavior { PageSize = 3 });
        for (var i = 0; i < 8; i++)
        {
            _server.Store.Put("ResearchStudy", "s" + i, new JsonObject { ["resourceType"] = "ResearchStudy", ["status"] = "active" }, DateTimeOffset.UtcNow);
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SearchPagesAsync_ThreePages_FollowsEveryNextLinkVerbatim()
    {
        using var client = ClientFactory.Create(_server.BaseUrl);

        var pages = new List<FhirResponse>();
        await foreach (var page in client.SearchPagesAsync("ResearchStudy?status=active", default))
        {
            pages.Add(page);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(8, pages.Sum(p => BundleReader.Entries(p.Body).Count));
        var nextLinks = pages.Take(2).Select(p => new Uri(BundleReader.NextLink(p.Body)!).PathAndQuery).ToList();
        var requested = _server.Requests.Skip(1).Select(r => r.PathAndQuery).ToList();
        Assert.Equal(nextLinks, requested);
        Assert.All(requested, r => Assert.Contains("_pretty=true&_bundletype=searchset", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchPagesAsync_EscapedCharactersInNextLink_AreSentAsWritten()
    {
        var next = _server.BaseUrl + "/ResearchStudy?_page=opaque%7Ctoken%2Fwith%20escapes&x=a%2Cb";
        _server.Intercept = async context =>
        {
            var last = context.Request.QueryString.Value?.Contains("opaque", StringComparison.Ordinal) == true;
            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync(last
                ? """{"resourceType":"Bundle","type":"searchset","entry":[]}"""
                : $$"""{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"{{next}}"}],"entry":[]}""");
            return true;
        };
        using var client = ClientFactory.Create(_server.BaseUrl);

        await foreach (var page in client.SearchPagesAsync("ResearchStudy", default))
        {
            Assert.NotNull(page);
        }

        Assert.Equal("/fhir/ResearchStudy?_page=opaque%7Ctoken%2Fwith%20escapes&x=a%2Cb", _server.Requests.Last().PathAndQuery);
    }

    [Fact]
    public async Task SearchPagesAsync_NextLinkLoops_StopsWithAClearError()
    {
        _server.Intercept = async context =>
        {
            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync($$"""{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"{{_server.BaseUrl}}/ResearchStudy?page=2"}],"entry":[]}""");
            return true;
        };
        using var client = ClientFactory.Create(_server.BaseUrl);

        var error = await Assert.ThrowsAsync<FhirClientException>(async () =>
        {
            await foreach (var page in client.SearchPagesAsync("ResearchStudy", default))
            {
                Assert.NotNull(page);
            }
        });

        Assert.Contains("next links loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingResource_IsNull()
    {
        using var client = ClientFactory.Create(_server.BaseUrl);

        Assert.Null(await client.ReadAsync("ResearchStudy", "nope", default));
        var found = await client.ReadAsync("ResearchStudy", "s1", default);
        Assert.Equal("1", found!.VersionId);
        Assert.Contains("\"id\":\"s1\"", Encoding.UTF8.GetString(found.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCapabilitiesAsync_FakeServer_ReadsVersionAndInteractions()
    {
        using var client = ClientFactory.Create(_server.BaseUrl);

        var capabilities = await client.GetCapabilitiesAsync(default);

        Assert.True(capabilities.IsR4);
        Assert.True(capabilities.SupportsTransaction);
        Assert.True(capabilities.Supports("ResearchStudy", "update"));
        Assert.Contains("ResearchStudy", capabilities.ConditionalUpdate);
        Assert.Equal("FakeFhirServer 1.0", capabilities.Software);
    }
}
