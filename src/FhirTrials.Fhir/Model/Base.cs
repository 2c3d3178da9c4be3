using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Model;

/// <summary>
/// The root of the typed model. Generated classes override the member plumbing: writing their
/// elements as FHIR JSON and taking their elements from an <see cref="ElementNode"/>.
/// </summary>
public abstract partial class Base
{
    /// <summary>The FHIR type name (<c>Patient</c>, <c>HumanName</c>, <c>string</c>, or a backbone path).</summary>
    public abstract string TypeName { get; }

    /// <summary>True when no element has a value, so FHIR JSON would have nothing to write.</summary>
    public virtual bool IsEmpty => true;

    /// <summary>Writes the JSON properties of this object's elements (not the enclosing braces).</summary>
    protected internal virtual void WriteMembers(FhirJsonWriter writer)
    {
    }

    /// <summary>Takes one child node into the matching element; false when this type has no such element.</summary>
    protected internal virtual bool SetMember(ElementNode child) => false;

    /// <summary>Takes every child of <paramref name="node"/> into this object.</summary>
    protected internal virtual void ReadFrom(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var child in node.Children)
        {
            SetMember(child);
        }
    }

    /// <summary>
    /// Takes the JSON value the reader stands on into the element <paramref name="property"/> names
    /// (generated: a switch on the element's order); gives up on elements the class does not declare.
    /// </summary>
    internal virtual void ReadJsonMember(ref DirectJsonReader reader, FhirJsonProperty property) => reader.GiveUp();

    protected static bool IsNullOrEmpty(Base? value) => value is null || value.IsEmpty;

    protected static bool IsNullOrEmpty<T>(List<T>? values)
        where T : Base
    {
        if (values is null)
        {
            return true;
        }

        foreach (var value in values)
        {
            if (!value.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }
}
