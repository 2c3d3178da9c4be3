using System.Text.Json.Nodes;

namespace FhirTrials.Server.Tests.Infrastructure;

/// <summary>
/// The base of HTTP tests: the fixture's server, and a scope unique to each test — resources made with
/// <see cref="Tagged(string)"/> carry <c>meta.tag urn:fhirtrials:test|scope</c>, and <see cref="Scoped"/> adds
/// <c>_tag</c> to a search, so tests sharing a server never see each other's data.
/// </summary>
public abstract class ServerTests
{
    public const string TagSystem = "urn:fhirtrials:test";

    protected ServerTests(ServerFixture server)
    {
        Server = server;
        Scope = Guid.NewGuid().ToString("N")[..12];
    }

    protected ServerFixture Server { get; }

    protected HttpClient Client => Server.Client;

    protected string Scope { get; }

    /// <summary>A search URL limited to this test's resources: <c>Type?_tag=…&amp;rest</c>.</summary>
    protected string Scoped(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var tag = $"_tag={TagSystem}|{Scope}";
        return question < 0 ? url + "?" + tag : url[..(question + 1)] + tag + "&" + url[(question + 1)..];
    }

    /// <summary>Parses a resource and tags it with this test's scope.</summary>
    protected JsonObject Tagged(string json) => Tag(FhirRequests.Json(json));

    protected JsonObject Tag(JsonObject resource)
    {
        var meta = resource["meta"]?.AsObject() ?? [];
        resource["meta"] = meta;
        var tags = meta["tag"]?.AsArray() ?? [];
        meta["tag"] = tags;
        tags.Add(new JsonObject { ["system"] = TagSystem, ["code"] = Scope });
        return resource;
    }

    /// <summary>Creates a tagged resource and returns its id.</summary>
    protected async Task<string> CreateAsync(string json) => (await Client.CreateAsync(Tagged(json))).Id();

    /// <summary>The ids matching a scoped search.</summary>
    protected async Task<List<string>> FindAsync(string url) => (await Client.SearchAsync(Scoped(url))).Ids();
}
