using System.Collections.Concurrent;
using FhirTrials.Fhir.Definitions;
using FhirTrials.Validation.Definitions;

namespace FhirTrials.Validation.Schema;

/// <summary>
/// Compiled definitions by canonical: each StructureDefinition is compiled once (after snapshot
/// generation when needed) and shared by every validation. Thread-safe.
/// </summary>
internal sealed class SchemaCache
{
    private readonly ConcurrentDictionary<string, Lazy<ProfileSchema?>> _schemas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SchemaRef> _refs = new(StringComparer.Ordinal);
    private readonly Func<StructureDef, SchemaCache, ProfileSchema> _compile;

    public SchemaCache(StructureDefinitionSource definitions, Func<StructureDef, SchemaCache, ProfileSchema> compile)
    {
        Definitions = definitions;
        _compile = compile;
    }

    public StructureDefinitionSource Definitions { get; }

    /// <summary>The compiled definition, or null when it cannot be found or built.</summary>
    public ProfileSchema? Get(string canonical) =>
        _schemas.GetOrAdd(canonical, c => new Lazy<ProfileSchema?>(() => Definitions.Get(c) is { Elements.Count: > 0 } sd ? _compile(sd, this) : null)).Value;

    /// <summary>The compiled base definition of a type (<c>Patient</c>, <c>HumanName</c>, <c>string</c>).</summary>
    public ProfileSchema? ForType(string typeName) => Get(R4Definitions.TypeCanonical(typeName));

    /// <summary>A shared lazy link to a definition, for assertions that need it at validation time.</summary>
    public SchemaRef Ref(string canonical) => _refs.GetOrAdd(canonical, c => new SchemaRef(this, c));

    public SchemaRef TypeRef(string typeName) => Ref(R4Definitions.TypeCanonical(typeName));
}
