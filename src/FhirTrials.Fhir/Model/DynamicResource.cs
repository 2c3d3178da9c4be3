using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Model;

/// <summary>
/// A resource of a type the typed model has no class for, held as its element tree so that nothing is
/// lost when it travels inside a typed Bundle or Parameters.
/// </summary>
public sealed class DynamicResource : Resource
{
    public DynamicResource(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Node = node;
        Id = node.Child("id")?.Text;
    }

    /// <summary>The resource's element tree.</summary>
    public ElementNode Node { get; }

    /// <inheritdoc />
    public override string TypeName => Node.Type?.Name ?? Node.Name;

    /// <inheritdoc />
    public override bool IsEmpty => Node.IsEmpty;

    /// <inheritdoc />
    protected internal override void WriteMembers(FhirJsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ElementTreeWriter.WriteMembers(writer.Json, Node);
    }

    /// <inheritdoc />
    protected internal override void ReadFrom(ElementNode node)
    {
    }
}
