using System.Reflection;
using System.Text.Json;

namespace FhirTrials.RecordWalksGenerator;

/// <summary>What one property (or each item of a list property) of a record type holds.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Integer,
    Decimal,
    Double,
    Enum,
    Record,
}

/// <summary>One property of a record type, as the walks read it.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The record JSON name (camelCase, as the record's serializer and <c>RecordShape</c> name it).</param>
/// <param name="Kind">What the property, or each item of a list, holds.</param>
/// <param name="ValueType">The item type of a list, the underlying type of a nullable value, else the declared type.</param>
/// <param name="IsList">Whether the property is an <c>IReadOnlyList&lt;T&gt;</c>.</param>
/// <param name="CanBeNull">Whether the property can be null.</param>
/// <param name="ItemCanBeNull">Whether the value (each item of a list) has a nullable type.</param>
internal sealed record WalkProperty(string Name, string JsonName, ValueKind Kind, Type ValueType, bool IsList, bool CanBeNull, bool ItemCanBeNull)
{
    /// <summary>The name of the local that holds the property's value in generated code.</summary>
    public string Local => JsonName + "Value";
}

/// <summary>A record type and its properties in declaration (= JSON) order.</summary>
internal sealed record WalkType(Type Type, IReadOnlyList<WalkProperty> Properties);

/// <summary>The record types reachable from <c>TrialRecord</c>, read by reflection from the linked record sources.</summary>
internal static class RecordModel
{
    /// <summary>Every record type reachable from <paramref name="root"/>, ordered by name.</summary>
    public static IReadOnlyList<WalkType> Build(Type root)
    {
        var found = new Dictionary<Type, WalkType>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (found.ContainsKey(type))
            {
                continue;
            }

            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.DeclaringType == type)
                .Select(Describe)
                .ToList();
            found[type] = new WalkType(type, properties);
            foreach (var property in properties.Where(p => p.Kind == ValueKind.Record))
            {
                pending.Push(property.ValueType);
            }
        }

        return [.. found.Values.OrderBy(t => t.Type.Name, StringComparer.Ordinal)];
    }

    /// <summary>Whether a value of <paramref name="type"/> can hold a string somewhere inside.</summary>
    public static bool HoldsStrings(IReadOnlyList<WalkType> types, Type type) =>
        types.Single(t => t.Type == type).Properties.Any(p => p.Kind == ValueKind.String || (p.Kind == ValueKind.Record && HoldsStrings(types, p.ValueType)));

    private static WalkProperty Describe(PropertyInfo property)
    {
        var declared = property.PropertyType;
        var isList = declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
        var item = isList ? declared.GetGenericArguments()[0] : declared;
        var underlying = Nullable.GetUnderlyingType(item);
        var valueType = underlying ?? item;
        var kind = valueType switch
        {
            _ when valueType == typeof(string) => ValueKind.String,
            _ when valueType == typeof(bool) => ValueKind.Boolean,
            _ when valueType == typeof(int) => ValueKind.Integer,
            _ when valueType == typeof(decimal) => ValueKind.Decimal,
            _ when valueType == typeof(double) => ValueKind.Double,
            { IsEnum: true } => ValueKind.Enum,
            { IsClass: true } when valueType.Namespace == property.DeclaringType!.Namespace => ValueKind.Record,
            _ => throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name}: type {declared.Name} is not one the record walks know"),
        };
        var itemCanBeNull = !item.IsValueType || underlying is not null;
        return new WalkProperty(property.Name, JsonNamingPolicy.CamelCase.ConvertName(property.Name), kind, valueType, isList, isList || itemCanBeNull, itemCanBeNull);
    }
}
