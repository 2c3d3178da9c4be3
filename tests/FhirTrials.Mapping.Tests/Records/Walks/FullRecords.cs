using System.Collections;
using System.Globalization;
using System.Reflection;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tests.Records.Walks;

/// <summary>
/// Record objects with every property set (lists with two items), built by reflection from <see cref="RecordShape"/>
/// so that a property added to the record format is covered without changing the tests. Every string is unique
/// (its own path) unless it is one to leave empty.
/// </summary>
internal static class FullRecords
{
    /// <summary>A fully populated object of <paramref name="recordType"/> with "" at the paths in <paramref name="empty"/> (from <see cref="StringPaths"/>).</summary>
    public static object Build(Type recordType, IReadOnlySet<string>? empty = null) => Build(recordType, "$", empty ?? new HashSet<string>());

    /// <summary>The path of every string a fully populated object of <paramref name="recordType"/> holds, in declaration (= walk) order.</summary>
    public static IReadOnlyList<string> StringPaths(Type recordType)
    {
        var paths = new List<string>();
        AddStringPaths(recordType, "$", paths);
        return paths;
    }

    private static object Build(Type type, string path, IReadOnlySet<string> empty)
    {
        var record = Activator.CreateInstance(type)!;
        foreach (var property in RecordShape.Of(type))
        {
            var at = $"{path}.{property.Name}";
            var (itemType, isList) = ItemType(property.PropertyType);
            object? value;
            if (isList)
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                list.Add(Value(itemType, $"{at}[0]", empty));
                list.Add(Value(itemType, $"{at}[1]", empty));
                value = list;
            }
            else
            {
                value = Value(itemType, at, empty);
            }

            Clr(type, property.Name).SetValue(record, value);
        }

        return record;
    }

    private static object Value(Type type, string path, IReadOnlySet<string> empty) => type switch
    {
        _ when type == typeof(string) => empty.Contains(path) ? "" : path,
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) => path.Length,
        _ when type == typeof(decimal) => path.Length + 0.25m,
        _ when type == typeof(double) => path.Length + (1.0 / 3),
        { IsEnum: true } => Enum.GetValues(type).GetValue(path.Length % Enum.GetValues(type).Length)!,
        _ => Build(type, path, empty),
    };

    private static void AddStringPaths(Type type, string path, List<string> paths)
    {
        foreach (var property in RecordShape.Of(type))
        {
            var at = $"{path}.{property.Name}";
            var (itemType, isList) = ItemType(property.PropertyType);
            foreach (var item in isList ? new[] { $"{at}[0]", $"{at}[1]" } : [at])
            {
                if (itemType == typeof(string))
                {
                    paths.Add(item);
                }
                else if (itemType.IsClass)
                {
                    AddStringPaths(itemType, item, paths);
                }
            }
        }
    }

    private static (Type Item, bool IsList) ItemType(Type declared)
    {
        var isList = declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
        var item = isList ? declared.GetGenericArguments()[0] : declared;
        return (Nullable.GetUnderlyingType(item) ?? item, isList);
    }

    private static PropertyInfo Clr(Type type, string jsonName) =>
        type.GetProperty(string.Concat(jsonName[..1].ToUpper(CultureInfo.InvariantCulture), jsonName[1..]), BindingFlags.Public | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"{type.Name} has no property for '{jsonName}'");
}
