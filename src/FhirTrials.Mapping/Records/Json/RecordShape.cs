using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace FhirTrials.Mapping.Records.Json;

/// <summary>One property of a trial record type as the record's JSON names it.</summary>
/// <param name="Name">The JSON property name (camelCase, as <see cref="TrialRecordJsonContext"/> writes it).</param>
/// <param name="PropertyType">The declared type (<c>IReadOnlyList&lt;T&gt;</c> for lists).</param>
/// <param name="Get">Reads the property of a record object (boxed; null when absent).</param>
public sealed record RecordProperty(string Name, Type PropertyType, Func<object, object?> Get);

/// <summary>
/// The properties of a trial record type in JSON order, for code that walks a record generically (reading the
/// <c>registry-fields</c> extension back, one value per date; the walks run per trial are generated instead, see
/// tools/FhirTrials.RecordWalksGenerator, and tested against this shape). Read once per type by
/// reflection rather than from the serializer's metadata: building that metadata compiles a few thousand
/// generic methods over the record enumerations at start-up, which cost more than mapping a thousand
/// trials. A test holds the two equal (names, order and types).
/// </summary>
public static class RecordShape
{
    private static readonly ConcurrentDictionary<Type, RecordProperty[]> Shapes = new();
    private static readonly MethodInfo ReferenceGetterMethod =
        typeof(RecordShape).GetMethod(nameof(ReferenceGetter), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The JSON properties of <paramref name="recordType"/>, in declaration (= JSON) order.</summary>
    public static IReadOnlyList<RecordProperty> Of(Type recordType)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        return Shapes.GetOrAdd(recordType, Build);
    }

    private static RecordProperty[] Build(Type type)
    {
        if (type.Namespace != typeof(TrialRecord).Namespace || !type.IsClass)
        {
            throw new InvalidOperationException($"{type.Name} is not a trial record type");
        }

        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0 && property.GetMethod is not null && property.DeclaringType == type)
            .Select(property => new RecordProperty(JsonNamingPolicy.CamelCase.ConvertName(property.Name), property.PropertyType, Getter(property)))];
    }

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var getter = property.GetMethod!;
        if (property.PropertyType.IsValueType)
        {
            // Values are boxed anyway; a typed delegate per value type would be one more method to compile per process.
            var invoker = MethodInvoker.Create(getter);
            return target => invoker.Invoke(target);
        }

        // Strings, lists and nested records (the properties walked for every trial): a direct call through an
        // open-instance delegate, no reflection per read.
        var types = new[] { property.DeclaringType!, property.PropertyType };
        var typed = getter.CreateDelegate(typeof(Func<,>).MakeGenericType(types));
        return (Func<object, object?>)ReferenceGetterMethod.MakeGenericMethod(types).Invoke(null, [typed])!;
    }

    private static Func<object, object?> ReferenceGetter<TRecord, TValue>(Func<TRecord, TValue> get)
        where TRecord : class
        where TValue : class =>
        target => get((TRecord)target);
}
