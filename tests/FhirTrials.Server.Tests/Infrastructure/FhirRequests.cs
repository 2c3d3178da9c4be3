using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace FhirTrials.Server.Tests.Infrastructure;

/// <summary>Small helpers for FHIR over HTTP in tests.</summary>
public static class FhirRequests
{
    public const string FhirJson = "application/fhir+json";

    public static HttpRequestMessage Request(HttpMethod method, string url, string? json = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirJson);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? json = null, params (string Name, string Value)[] headers) =>
        client.SendAsync(Request(method, url, json, headers));

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException("empty JSON body");
    }

    /// <summary>POSTs a resource and returns the created resource (asserts 201).</summary>
    public static async Task<JsonObject> CreateAsync(this HttpClient client, JsonObject resource)
    {
        var type = resource["resourceType"]!.GetValue<string>();
        using var response = await client.SendAsync(HttpMethod.Post, type, resource.ToJsonString());
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create {type}: {(int)response.StatusCode} {body.ToJsonString()}");
        return body;
    }

    /// <summary>Runs a search (relative URL) and returns the searchset (asserts 200).</summary>
    public static async Task<JsonObject> SearchAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var response = await client.SendAsync(HttpMethod.Get, url, null, headers);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body.ToJsonString()}");
        return body;
    }

    /// <summary>The ids of the entries with the given search mode, in order.</summary>
    public static List<string> Ids(this JsonObject bundle, string mode = "match") =>
        [.. (bundle["entry"]?.AsArray() ?? []).Where(e => e!["search"]?["mode"]?.GetValue<string>() == mode).Select(e => e!["resource"]!["id"]!.GetValue<string>())];

    /// <summary>"Type/id" of the entries with the given search mode.</summary>
    public static List<string> Keys(this JsonObject bundle, string mode) =>
        [.. (bundle["entry"]?.AsArray() ?? []).Where(e => e!["search"]?["mode"]?.GetValue<string>() == mode).Select(e => e!["resource"]!["resourceType"]!.GetValue<string>() + "/" + e!["resource"]!["id"]!.GetValue<string>())];

    public static string Id(this JsonObject resource) => resource["id"]!.GetValue<string>();

    public static string? Link(this JsonObject bundle, string relation) =>
        (bundle["link"]?.AsArray() ?? []).FirstOrDefault(l => l!["relation"]!.GetValue<string>() == relation)?["url"]?.GetValue<string>();

    /// <summary>Parses JSON text into an object (for building resources in tests).</summary>
    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
