using System.Collections.Concurrent;
using System.Text;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Serialization;
using FhirTrials.FhirPath;

namespace FhirTrials.Server.Indexing;

/// <summary>
/// Answers <c>resolve()</c> during indexing with an empty resource of the referenced type, so that
/// R4 expressions such as <c>Observation.subject.where(resolve() is Patient)</c> select by the type
/// named in the reference without reading the target.
/// </summary>
internal sealed class TypeOnlyReferenceResolver : IFhirPathReferenceResolver
{
    private readonly ConcurrentDictionary<string, ElementNode> _stubs = new(StringComparer.Ordinal);

    public static TypeOnlyReferenceResolver Instance { get; } = new();

    public ElementNode? Resolve(string reference, ElementNode? referringResource)
    {
        var path = reference;
        var history = path.IndexOf("/_history/", StringComparison.Ordinal);
        if (history > 0)
        {
            path = path[..history];
        }

        var parts = path.Split('/');
        if (parts.Length < 2)
        {
            return null;
        }

        var type = parts[^2];
        return ModelInfo.GetType(type) is { IsResource: true, IsAbstract: false }
            ? _stubs.GetOrAdd(type, static t => FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes("{\"resourceType\":\"" + t + "\"}")))
            : null;
    }
}
