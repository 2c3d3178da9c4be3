using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Packages;

/// <summary>Finds conformance resources by canonical URL (<c>url</c> or <c>url|version</c>).</summary>
public interface IResourceResolver
{
    /// <summary>The resource's element tree, or null when no loaded package has it.</summary>
    ElementNode? ResolveNode(string canonical);

    /// <summary>The resource as a typed object, or null when absent or not a <typeparamref name="T"/>.</summary>
    T? Resolve<T>(string canonical)
        where T : Resource;

    /// <summary>The expanded form of a ValueSet (from an expansions package), or null.</summary>
    ElementNode? ResolveExpansion(string valueSetCanonical);
}
