using System.Net;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FhirTrials.Server.Tests.Rest;

/// <summary>Unexpected failures answer 500 with a generic OperationOutcome: no exception text, SQL or stack trace leaks.</summary>
public sealed class ErrorHidingTests : IClassFixture<ErrorHidingTests.FailingStoreFixture>
{
    private readonly FailingStoreFixture _server;

    public ErrorHidingTests(FailingStoreFixture server) => _server = server;

    [Theory]
    [InlineData("Organization/abc")]
    [InlineData("Organization?name=x")]
    public async Task StoreFailure_Returns500WithoutDetails(string url)
    {
        using var response = await _server.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("\"OperationOutcome\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SELECT", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    public sealed class FailingStoreFixture : SqliteServerFixture
    {
        private string? _path;

        protected override Task ConfigureStoreAsync(FhirServerOptions options)
        {
            var result = base.ConfigureStoreAsync(options);
            _path = options.SqlitePath;
            return result;
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IFhirStore>(new FailingStore(FhirStores.Sqlite(_path!)));
    }

    private sealed class FailingStore(IFhirStore inner) : IFhirStore
    {
        public string Kind => inner.Kind;

        public Task<int> MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

        public Task<StoredResource?> ReadAsync(string type, string id, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("SELECT secret FROM resource WHERE x = 'y' at line 42");

        public Task<IReadOnlyList<long>> SearchAsync(SearchQuery query, int limit, CancellationToken cancellationToken) =>
            throw new SqliteException("no such table: secret_table (SELECT r.pk FROM secret_table)", 1);

        public Task<IReadOnlyList<StoredResource>> SearchResourcesAsync(SearchQuery query, int limit, CancellationToken cancellationToken) =>
            throw new SqliteException("no such table: secret_table (SELECT r.pk FROM secret_table)", 1);

        public Task<StoredResource?> ReadVersionAsync(string type, string id, long versionId, CancellationToken cancellationToken) => inner.ReadVersionAsync(type, id, versionId, cancellationToken);

        public Task<IReadOnlyList<StoredResource>> ReadHistoryAsync(HistoryQuery query, CancellationToken cancellationToken) => inner.ReadHistoryAsync(query, cancellationToken);

        public Task<IReadOnlyList<StoredResource>> ReadByPksAsync(IReadOnlyList<long> pks, CancellationToken cancellationToken) => inner.ReadByPksAsync(pks, cancellationToken);

        public Task<IReadOnlyList<StoredResource>> ReadByKeysAsync(IReadOnlyCollection<ResourceKey> keys, CancellationToken cancellationToken) => inner.ReadByKeysAsync(keys, cancellationToken);

        public Task<long> CountAsync(SearchQuery query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);

        public Task<IReadOnlyList<StoredResource>> IncludeAsync(IReadOnlyList<StoredResource> matches, IReadOnlyList<IncludeSpec> includes, CancellationToken cancellationToken) => inner.IncludeAsync(matches, includes, cancellationToken);

        public IAsyncEnumerable<StoredResource> ExportAsync(string type, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken) => inner.ExportAsync(type, since, until, cancellationToken);

        public Task<IReadOnlyList<string>> StoredTypesAsync(CancellationToken cancellationToken) => inner.StoredTypesAsync(cancellationToken);

        public Task<IStoreTransaction> BeginAsync(CancellationToken cancellationToken) => inner.BeginAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
