using System.Collections.Concurrent;
using System.Text.Json;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// The encoded JSON property names of one element (<c>name</c> and <c>_name</c>) and, for a choice element,
/// of each of its typed forms (<c>valueQuantity</c>, <c>_valueString</c>). Element and type names arrive as
/// interned literals from the generated code, so both caches are keyed by reference: no string hashing per
/// property written.
/// </summary>
internal sealed class JsonNames
{
    private static readonly ConcurrentDictionary<string, JsonNames> ByElement = new(ReferenceEqualityComparer.Instance);
    private readonly string _name;
    private readonly Lock _gate = new();
    private volatile (string Type, JsonNames Names)[] _choices = [];

    private JsonNames(string name)
    {
        _name = name;
        Value = JsonEncodedText.Encode(name);
        Extension = JsonEncodedText.Encode("_" + name);
    }

    public JsonEncodedText Value { get; }

    public JsonEncodedText Extension { get; }

    /// <summary>The names of element <paramref name="name"/>.</summary>
    public static JsonNames Of(string name) => ByElement.GetOrAdd(name, static n => new JsonNames(n));

    /// <summary>The names of this choice element's form for type <paramref name="typeName"/>.</summary>
    public JsonNames Choice(string typeName)
    {
        foreach (var (type, names) in _choices)
        {
            if (ReferenceEquals(type, typeName))
            {
                return names;
            }
        }

        return AddChoice(typeName);
    }

    private JsonNames AddChoice(string typeName)
    {
        lock (_gate)
        {
            foreach (var (type, names) in _choices)
            {
                if (string.Equals(type, typeName, StringComparison.Ordinal))
                {
                    return names;
                }
            }

            var added = new JsonNames(FhirTypeInfo.ChoiceJsonName(_name, typeName));
            _choices = [.. _choices, (typeName, added)];
            return added;
        }
    }
}
