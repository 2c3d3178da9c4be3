using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Engine.Sending;

/// <summary>
/// The transaction for a group of trials: each trial's entries kept together, shared conditional
/// creates (Organizations) once per bundle, updates of resources whose server version is known sent
/// version-aware (<c>PUT Type/id</c> with <c>If-Match</c>) and the rest as the mapper wrote them
/// (conditional <c>PUT Type?identifier=…</c>, <c>POST</c> with <c>ifNoneExist</c>).
/// </summary>
internal sealed class ChunkPlan
{
    private readonly List<(ChunkSender.Planned Owner, int Index, PayloadEntry Entry)> _owned = [];

    private ChunkPlan()
    {
    }

    public List<OutgoingEntry> Entries { get; } = [];

    public byte[] Bundle { get; private set; } = [];

    /// <summary>The entries <paramref name="item"/> owns, with their index in the bundle.</summary>
    public IEnumerable<(int Index, PayloadEntry Entry)> OwnedBy(ChunkSender.Planned item) =>
        _owned.Where(o => ReferenceEquals(o.Owner, item)).Select(o => (o.Index, o.Entry));

    public static ChunkPlan Create(IReadOnlyList<ChunkSender.Planned> items, SyncOptions options)
    {
        var plan = new ChunkPlan();
        var sharedSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var known = item.State?.Resources?.ToDictionary(r => r.RequestUrl, StringComparer.Ordinal) ?? [];
            foreach (var entry in item.Payload.Entries)
            {
                if (entry.IsShared)
                {
                    if (sharedSeen.Add(entry.FullUrl))
                    {
                        plan.Entries.Add(new OutgoingEntry(entry.FullUrl, entry.Method, entry.Url, null, entry.IfNoneExist, entry.Resource) { Target = (entry.Type, entry.Id) });
                    }

                    continue;
                }

                plan._owned.Add((item, plan.Entries.Count, entry));
                plan.Entries.Add(Outgoing(entry, known.GetValueOrDefault(entry.Url), options.UseIfMatch));
            }

            if (options.Removal.Policy == RemovalPolicy.Delete)
            {
                var produced = item.Payload.Entries.Select(e => e.Url).ToHashSet(StringComparer.Ordinal);
                foreach (var stale in known.Values.Where(r => !produced.Contains(r.RequestUrl)))
                {
                    plan.Entries.Add(new OutgoingEntry(null, "DELETE", stale.Type + "/" + stale.Id, null, null, default));
                }
            }
        }

        plan.Bundle = TransactionBundle.Write(plan.Entries);
        return plan;
    }

    private static OutgoingEntry Outgoing(PayloadEntry entry, ResourceState? known, bool useIfMatch)
    {
        if (entry.Method != "PUT" || known is null || !useIfMatch || known.VersionId is null)
        {
            return new OutgoingEntry(entry.FullUrl, entry.Method, entry.Url, null, null, entry.Resource) { Target = (entry.Type, entry.Id) };
        }

        var resource = known.Id == entry.Id ? entry.Resource : TransactionBundle.WithId(entry.Resource, known.Id);
        return new OutgoingEntry(entry.FullUrl, "PUT", known.Type + "/" + known.Id, $"W/\"{known.VersionId}\"", null, resource) { Target = (known.Type, known.Id) };
    }
}
