namespace FhirTrials.FhirPath;

/// <summary>What a <see cref="FhirPathItem"/> holds: a node of the FHIR element tree or a FHIRPath System value.</summary>
public enum FhirPathItemKind : byte
{
    /// <summary>A node of the element tree (a FHIR primitive, complex value, backbone element or resource).</summary>
    Node,

    /// <summary>System.Boolean.</summary>
    Boolean,

    /// <summary>System.Integer (32-bit).</summary>
    Integer,

    /// <summary>System.Long (64-bit, FHIRPath 2.1).</summary>
    Long,

    /// <summary>System.Decimal.</summary>
    Decimal,

    /// <summary>System.String.</summary>
    String,

    /// <summary>System.Date (partial precision).</summary>
    Date,

    /// <summary>System.DateTime (partial precision, optional offset).</summary>
    DateTime,

    /// <summary>System.Time (partial precision).</summary>
    Time,

    /// <summary>System.Quantity (a decimal with a UCUM unit or a calendar duration).</summary>
    Quantity,

    /// <summary>The result of <c>type()</c>: a namespace and a name.</summary>
    TypeInfo,
}
