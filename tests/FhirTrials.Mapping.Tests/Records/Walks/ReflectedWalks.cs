using System.Collections;
using System.Globalization;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tests.Records.Walks;

/// <summary>
/// The reflected walks the generated ones replaced (property reads through <see cref="RecordShape"/>), kept as the
/// oracle the generated walks are compared with: the first empty string's path, and the registry-fields sub-extensions.
/// </summary>
internal static class ReflectedWalks
{
    /// <summary>The path of the first empty string under <paramref name="path"/>, else null.</summary>
    public static string? FindEmpty(object record, string path)
    {
        foreach (var property in RecordShape.Of(record.GetType()))
        {
            var found = property.Get(record) switch
            {
                string text => text.Length == 0 ? $"{path}.{property.Name}" : null,
                IEnumerable items => FindEmptyItem(items, $"{path}.{property.Name}"),
                { } value when !value.GetType().IsValueType => FindEmpty(value, $"{path}.{property.Name}"),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The sub-extensions of <paramref name="record"/> without the JSON names in <paramref name="skip"/>.</summary>
    public static List<Extension> Encode(object record, ISet<string>? skip)
    {
        var into = new List<Extension>();
        foreach (var property in RecordShape.Of(record.GetType()))
        {
            if (skip is not null && skip.Contains(property.Name) || property.Get(record) is not { } value)
            {
                continue;
            }

            foreach (var item in value is IEnumerable items and not string ? items.Cast<object>() : [value])
            {
                if (EncodeValue(property.Name, item) is { } extension)
                {
                    into.Add(extension);
                }
            }
        }

        return into;
    }

    private static string? FindEmptyItem(IEnumerable items, string path)
    {
        var index = 0;
        foreach (var item in items)
        {
            var at = $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
            var found = item switch
            {
                string text => text.Length == 0 ? at : null,
                { } value when !value.GetType().IsValueType => FindEmpty(value, at),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }

            index++;
        }

        return null;
    }

    private static Extension? EncodeValue(string name, object value)
    {
        DataType? primitive = value switch
        {
            string text => new FhirString(text),
            bool flag => new FhirBoolean(flag),
            int number => new Integer(number),
            decimal number => new FhirDecimal(number),
            double number => new FhirDecimal { LexicalValue = number.ToString("R", CultureInfo.InvariantCulture) },
            Enum enumValue => new Code(EnumWire.Of(enumValue)),
            _ => null,
        };
        if (primitive is not null)
        {
            return new Extension { Url = name, Value = primitive };
        }

        var nested = new Extension { Url = name, Extension = Encode(value, skip: null) };
        return nested.Extension.Count > 0 ? nested : null;
    }
}
