using System.Text.Json.Nodes;

namespace FhirTrials.Sync.Tests.Fakes;

/// <summary>The store's writes: versions appended with the identifier index kept current, each undoable within <see cref="Atomically{T}"/>.</summary>
public sealed partial class FakeStore
{
    /// <summary>Runs <paramref name="write"/> as a transaction: when it throws, every write it made is undone.</summary>
    public T Atomically<T>(Func<FakeStore, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _undo = [];
        try
        {
            return write(this);
        }
        catch
        {
            for (var i = _undo.Count - 1; i >= 0; i--)
            {
                _undo[i]();
            }

            throw;
        }
        finally
        {
            _undo = null;
        }
    }

    private void Count(string type, string id)
    {
        var key = type + "/" + id;
        Writes[key] = Writes.GetValueOrDefault(key) + 1;
        _undo?.Add(() =>
        {
            if (--Writes[key] == 0)
            {
                Writes.Remove(key);
            }
        });
    }

    private void Append(FakeVersion version)
    {
        if (!_types.TryGetValue(version.Type, out var ids))
        {
            _types[version.Type] = ids = new SortedDictionary<string, List<FakeVersion>>(StringComparer.Ordinal);
        }

        if (!ids.TryGetValue(version.Id, out var versions))
        {
            ids[version.Id] = versions = [];
        }

        var previous = versions.Count > 0 ? versions[^1] : null;
        Index(previous, add: false);
        versions.Add(version);
        Index(version, add: true);
        VersionsWritten++;
        _undo?.Add(() =>
        {
            Index(version, add: false);
            versions.RemoveAt(versions.Count - 1);
            if (versions.Count == 0)
            {
                ids.Remove(version.Id);
            }

            Index(previous, add: true);
            VersionsWritten--;
        });
    }

    /// <summary>Adds or removes a live version's identifiers (system and value) to or from the index.</summary>
    private void Index(FakeVersion? version, bool add)
    {
        if (version?.Resource?["identifier"] is not JsonArray identifiers)
        {
            return;
        }

        foreach (var identifier in identifiers.OfType<JsonObject>())
        {
            if (identifier["system"]?.GetValue<string>() is not { Length: > 0 } system || identifier["value"]?.GetValue<string>() is not { } value)
            {
                continue;
            }

            var key = (version.Type, system + "|" + value);
            if (add)
            {
                if (!_identifiers.TryGetValue(key, out var set))
                {
                    _identifiers[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(version.Id);
            }
            else if (_identifiers.TryGetValue(key, out var set) && set.Remove(version.Id) && set.Count == 0)
            {
                _identifiers.Remove(key);
            }
        }
    }
}
