using System.Collections;
using System.Collections.Concurrent;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Checks a record for what FHIR cannot hold before mapping it.</summary>
internal static class RecordChecks
{
    /// <summary>Per record type, the properties that can hold a string: value types and lists of them are never read.</summary>
    private static readonly ConcurrentDictionary<Type, StringHolder[]> StringHolders = new();

    /// <summary>FHIR strings cannot be empty: an empty string anywhere in the record is a mapping error naming its path.</summary>
    public static void NoEmptyStrings(TrialRecord record)
    {
        if (FindEmpty(record, path: null) is not null)
        {
            throw new TrialMappingException(record.RegistryId, FindEmpty(record, "$")!, "empty strings cannot be written in FHIR");
        }
    }

    /// <summary>
    /// The path of the first empty string in record object <paramref name="record"/> (or "" when
    /// <paramref name="path"/> is null, to skip building paths), else null.
    /// </summary>
    private static string? FindEmpty(object record, string? path)
    {
        foreach (var holder in Holders(record.GetType()))
        {
            if (holder.Property.Get(record) is not { } value)
            {
                continue;
            }

            var at = path is null ? null : $"{path}.{holder.Property.Name}";
            var found = holder.IsList ? FindEmptyItem((IEnumerable)value, at) : FindEmptyValue(value, at);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? FindEmptyItem(IEnumerable items, string? path)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item is not null && FindEmptyValue(item, path is null ? null : $"{path}[{index}]") is { } found)
            {
                return found;
            }

            index++;
        }

        return null;
    }

    private static string? FindEmptyValue(object value, string? path) => value is string text
        ? text.Length == 0 ? path ?? "" : null
        : FindEmpty(value, path);

    private static StringHolder[] Holders(Type type) =>
        StringHolders.GetOrAdd(type, static t => [.. RecordShape.Of(t).Where(p => !p.PropertyType.IsValueType).Select(StringHolder.Of).OfType<StringHolder>()]);

    /// <summary>A property holding a string, a nested record, or a list of either.</summary>
    private sealed record StringHolder(RecordProperty Property, bool IsList)
    {
        public static StringHolder? Of(RecordProperty property)
        {
            var type = property.PropertyType;
            var isList = type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
            var item = isList && type.IsGenericType ? type.GetGenericArguments()[0] : null;
            return item is { IsValueType: true } ? null : new StringHolder(property, isList);
        }
    }
}
