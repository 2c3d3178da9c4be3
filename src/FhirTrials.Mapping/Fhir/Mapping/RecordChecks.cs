using System.Collections;
using System.Collections.Concurrent;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Checks a record for what FHIR cannot hold before mapping it.</summary>
internal static class RecordChecks
{
    /// <summary>Per record type, the properties that can hold a string (strings, lists, nested records): value types are never read.</summary>
    private static readonly ConcurrentDictionary<Type, RecordProperty[]> StringHolders = new();

    /// <summary>FHIR strings cannot be empty: an empty string anywhere in the record is a mapping error naming its path.</summary>
    public static void NoEmptyStrings(TrialRecord record)
    {
        if (FindEmpty(record, path: null) is not null)
        {
            throw new TrialMappingException(record.RegistryId, FindEmpty(record, "$")!, "empty strings cannot be written in FHIR");
        }
    }

    /// <summary>The path of the first empty string below <paramref name="value"/> (or "" when <paramref name="path"/> is null, to skip building paths), else null.</summary>
    private static string? FindEmpty(object? value, string? path)
    {
        switch (value)
        {
            case null or ValueType:
                return null;
            case string text:
                return text.Length == 0 ? path ?? "" : null;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    if (FindEmpty(item, path is null ? null : $"{path}[{index}]") is { } found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            default:
                foreach (var property in Holders(value.GetType()))
                {
                    if (FindEmpty(property.Get(value), path is null ? null : $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
        }
    }

    private static RecordProperty[] Holders(Type type) =>
        StringHolders.GetOrAdd(type, static t => [.. RecordShape.Of(t).Where(p => !p.PropertyType.IsValueType)]);
}
