using System.Collections.Concurrent;

namespace FhirTrials.Fhir.Introspection;

/// <summary>
/// An element definition together with the type of one instance of it (a choice's chosen type, a
/// contained resource's type). Shared by every node of that shape, so a tree node holds one reference
/// instead of two.
/// </summary>
internal sealed class ElementBinding
{
    private ElementBinding(ElementInfo? definition, FhirTypeInfo? type)
    {
        Definition = definition;
        Type = type;
    }

    /// <summary>The binding of nodes with neither a definition nor a type (unknown elements).</summary>
    public static ElementBinding Unknown { get; } = new(null, null);

    public ElementInfo? Definition { get; }

    public FhirTypeInfo? Type { get; }

    /// <summary>The shared binding of <paramref name="definition"/> and <paramref name="type"/>.</summary>
    public static ElementBinding Of(ElementInfo? definition, FhirTypeInfo? type) =>
        definition is not null ? definition.Bindings.For(definition, type)
        : type is not null ? type.RootBinding
        : Unknown;

    internal static ElementBinding ForRoot(FhirTypeInfo type) => new(null, type);

    /// <summary>The bindings of one element: one per allowed type, plus any other type seen (resources in a <c>Resource</c> element).</summary>
    internal sealed class Set
    {
        private ElementBinding[]? _declared;
        private ElementBinding? _untyped;
        private ConcurrentDictionary<FhirTypeInfo, ElementBinding>? _others;

        public ElementBinding For(ElementInfo definition, FhirTypeInfo? type)
        {
            if (type is null)
            {
                return _untyped ??= new(definition, null);
            }

            var declared = _declared ??= Declared(definition);
            var types = definition.Types;
            for (var i = 0; i < declared.Length; i++)
            {
                if (ReferenceEquals(types[i], type))
                {
                    return declared[i];
                }
            }

            return (_others ??= new()).GetOrAdd(type, static (t, d) => new(d, t), definition);
        }

        private static ElementBinding[] Declared(ElementInfo definition)
        {
            var types = definition.Types;
            var bindings = new ElementBinding[types.Count];
            for (var i = 0; i < bindings.Length; i++)
            {
                bindings[i] = new(definition, types[i]);
            }

            return bindings;
        }
    }
}
