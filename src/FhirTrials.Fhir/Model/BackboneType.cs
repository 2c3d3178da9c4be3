using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Model;

/// <summary>
/// A datatype that R4 derives from BackboneElement (Timing, Dosage, ElementDefinition…): a datatype
/// that can carry modifier extensions.
/// </summary>
public abstract partial class BackboneType : DataType
{
    private List<Extension>? _modifierExtension;

    /// <summary>Extensions that cannot be ignored.</summary>
    public List<Extension> ModifierExtension { get => _modifierExtension ??= []; set => _modifierExtension = value; }

    /// <inheritdoc />
    public override bool IsEmpty => base.IsEmpty && IsNullOrEmpty(_modifierExtension);

    /// <inheritdoc />
    protected internal override void WriteMembers(FhirJsonWriter writer)
    {
        base.WriteMembers(writer);
        writer.WriteComplexList(ElementNames.ModifierExtension, _modifierExtension);
    }

    /// <inheritdoc />
    protected internal override bool SetMember(ElementNode child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Name == "modifierExtension")
        {
            ModifierExtension.Add(NodeReader.Complex(child, new Extension()));
            return true;
        }

        return base.SetMember(child);
    }

    /// <inheritdoc />
    internal override void ReadJsonMember(ref DirectJsonReader reader, FhirJsonProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (string.Equals(property.Element.Name, "modifierExtension", StringComparison.Ordinal))
        {
            reader.ComplexList(ref _modifierExtension, property, static () => new Extension());
            return;
        }

        base.ReadJsonMember(ref reader, property);
    }
}
