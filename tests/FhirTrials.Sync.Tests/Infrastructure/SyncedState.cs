using System.Text.Json;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Tests.Fakes;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// Compares a state store with what the trials map to and what a fake server holds: every trial synced
/// with the hash of its mapped bundle, every source file settled, and each resource the state records
/// present on the server at the recorded version with the recorded content hash.
/// </summary>
public static class SyncedState
{
    public static async Task<IReadOnlyList<string>> DifferencesAsync(ISyncStateStore store, FakeFhirServer server, int trials)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(server);
        var problems = new List<string>();
        var expected = Enumerable.Range(0, trials).ToDictionary(
            TrialFactory.NctId,
            i => TrialPayload.Map(TrialFactory.Record(i), TrialFactory.NctId(i) + ".json", TrialBundleMapper.Default).Payload,
            StringComparer.Ordinal);
        var states = await store.GetTrialsAsync([.. expected.Keys], default);
        var sources = await store.SourceHashesAsync(default);
        if (sources.Count != trials)
        {
            problems.Add($"{sources.Count} source files settled, not {trials}");
        }

        var recorded = new List<ResourceState>();
        foreach (var (id, payload) in expected)
        {
            if (!states.TryGetValue(id, out var state))
            {
                problems.Add($"{id}: no state");
                continue;
            }

            if (state.Status != TrialSyncStatus.Synced || state.ContentHash != payload.BundleHash)
            {
                problems.Add($"{id}: {state.Status} with hash {state.ContentHash}, sent {payload.BundleHash}");
            }

            var owned = payload.Entries.Count(e => !e.IsShared);
            if (state.Resources?.Count != owned)
            {
                problems.Add($"{id}: {state.Resources?.Count} resources recorded, the trial has {owned}");
            }

            recorded.AddRange(state.Resources ?? []);
        }

        problems.AddRange(server.Read(s => recorded.Select(r => Compare(r, s.Current(r.Type, r.Id))).OfType<string>().ToList()));
        return problems;
    }

    private static string? Compare(ResourceState recorded, FakeVersion? current)
    {
        var name = $"{recorded.RegistryId} {recorded.Type}/{recorded.Id}";
        if (current is null || current.Deleted)
        {
            return name + ": recorded, not on the server";
        }

        if (recorded.VersionId != current.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return $"{name}: version {recorded.VersionId} recorded, {current.VersionId} on the server";
        }

        return ContentHash.OfResource(JsonSerializer.SerializeToUtf8Bytes(current.Resource)) == recorded.ContentHash
            ? null
            : $"{name}: the recorded content hash is not the server's content";
    }
}
