namespace FhirTrials.Fhir.Introspection;

/// <summary>Facts about an element, packed for the generated model tables.</summary>
[Flags]
public enum ElementFlags
{
    None = 0,

    /// <summary>The element is a choice (<c>value[x]</c>).</summary>
    Choice = 1,

    /// <summary>The element is a modifier (<c>isModifier</c>).</summary>
    Modifier = 2,

    /// <summary>The element is part of the summary (<c>isSummary</c>).</summary>
    Summary = 4,

    /// <summary>In XML an attribute (<c>Element.id</c>, <c>Extension.url</c>): in JSON a plain value that cannot carry extensions.</summary>
    XmlAttribute = 8,
}
