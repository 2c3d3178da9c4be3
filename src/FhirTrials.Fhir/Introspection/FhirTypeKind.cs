namespace FhirTrials.Fhir.Introspection;

/// <summary>The kind of a FHIR type, as in <c>StructureDefinition.kind</c>, plus backbone elements.</summary>
public enum FhirTypeKind
{
    /// <summary>A primitive type such as <c>string</c> or <c>dateTime</c>.</summary>
    Primitive,

    /// <summary>A complex datatype such as <c>HumanName</c>.</summary>
    Complex,

    /// <summary>A resource type.</summary>
    Resource,

    /// <summary>An anonymous backbone element defined inline in a type, such as <c>Patient.contact</c>.</summary>
    Backbone,
}
