using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.FhirPath;

/// <summary>
/// What the FHIRPath engine asks a validator: <c>conformsTo()</c> and <c>slice()</c> need profile
/// validation, which lives outside this library. Implementations must be thread-safe if shared.
/// </summary>
public interface IFhirPathConformance
{
    /// <summary>
    /// True when <paramref name="node"/> conforms to the StructureDefinition <paramref name="profileUrl"/>;
    /// null when the profile is unknown (the engine then reports an error).
    /// </summary>
    bool? ConformsTo(ElementNode node, string profileUrl);

    /// <summary>
    /// True when <paramref name="node"/> belongs to slice <paramref name="sliceName"/> of the
    /// StructureDefinition <paramref name="profileUrl"/>; null when the profile or slice is unknown.
    /// </summary>
    bool? IsInSlice(ElementNode node, string profileUrl, string sliceName);
}

/// <summary>Resolves references <c>resolve()</c> cannot find in the resource itself or its Bundle (a server lookup, a test fixture…).</summary>
public interface IFhirPathReferenceResolver
{
    /// <summary>The resource <paramref name="reference"/> points to (as written: relative, absolute or a URN), or null.</summary>
    ElementNode? Resolve(string reference, ElementNode? referringResource);
}
