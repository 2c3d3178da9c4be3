using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace FhirTrials.Server.Tests.Transactions;

/// <summary>The in-process API as docs/server.md shows it: no web host, just the services over an SQLite file.</summary>
public sealed class InProcessHostingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fhirtrials-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Services_WithoutWebHost_WriteAndSearchTheStore()
    {
        Directory.CreateDirectory(_folder);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddFhirServer(o => o.SqlitePath = Path.Combine(_folder, "fhirtrials.db"))
            .BuildServiceProvider();
        await services.GetRequiredService<IFhirStore>().MigrateAsync(CancellationToken.None);
        var processor = services.GetRequiredService<IFhirTransactionProcessor>();
        var bundle = FhirJsonParser.Parse<Bundle>("""
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:0d6c1e2a-0000-4000-8000-000000000001","resource":{"resourceType":"Organization","name":"Worker Sponsor"},"request":{"method":"POST","url":"Organization"}},
              {"resource":{"resourceType":"ResearchStudy","status":"active","sponsor":{"reference":"urn:uuid:0d6c1e2a-0000-4000-8000-000000000001"}},"request":{"method":"POST","url":"ResearchStudy"}}]}
            """);

        var response = await processor.ProcessAsync(bundle, CancellationToken.None);
        var found = await services.GetRequiredService<SearchService>().SearchAsync("ResearchStudy", [new("sponsor.name", "worker")], SearchHandling.Strict, CancellationToken.None);

        Assert.Equal(2, response.Entry.Count);
        Assert.Single(found.Matches);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
