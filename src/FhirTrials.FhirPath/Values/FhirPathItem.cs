using System.Globalization;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.FhirPath;

/// <summary>
/// One item of a FHIRPath collection: either a node of the FHIR element tree (primitive values keep
/// their FHIR type, e.g. <c>date</c> or <c>code</c>) or a System value (Boolean, Integer, Long, Decimal,
/// String, Date, DateTime, Time, Quantity). A small struct: navigating the tree and computing
/// booleans and integers allocates nothing.
/// </summary>
public readonly partial struct FhirPathItem
{
    private readonly object? _ref;
    private readonly long _bits;

    private FhirPathItem(FhirPathItemKind kind, object? reference, long bits)
    {
        Kind = kind;
        _ref = reference;
        _bits = bits;
    }

    /// <summary>The System value <c>true</c>.</summary>
    public static FhirPathItem True { get; } = new(FhirPathItemKind.Boolean, null, 1);

    /// <summary>The System value <c>false</c>.</summary>
    public static FhirPathItem False { get; } = new(FhirPathItemKind.Boolean, null, 0);

    public FhirPathItemKind Kind { get; }

    /// <summary>True for a node of the element tree.</summary>
    public bool IsNode => Kind == FhirPathItemKind.Node;

    /// <summary>The element node, or null for a System value.</summary>
    public ElementNode? Node => Kind == FhirPathItemKind.Node ? (ElementNode)_ref! : null;

    /// <summary>The Boolean value (only meaningful for <see cref="FhirPathItemKind.Boolean"/>).</summary>
    public bool BooleanValue => _bits != 0;

    /// <summary>The Integer or Long value.</summary>
    public long IntegerValue => _bits;

    /// <summary>The Decimal value (Integer and Long convert).</summary>
    public decimal DecimalValue => Kind == FhirPathItemKind.Decimal ? (decimal)_ref! : _bits;

    /// <summary>The String value, or null when the item is not a System String.</summary>
    public string? StringValue => Kind == FhirPathItemKind.String ? (string)_ref! : null;

    /// <summary>The Date, DateTime or Time value, or null.</summary>
    public FhirPathDateTime? DateTimeValue => _ref as FhirPathDateTime;

    /// <summary>The Quantity value, or null.</summary>
    public FhirPathQuantity? QuantityValue => _ref as FhirPathQuantity;

    /// <summary>The type of a <c>type()</c> result, or null.</summary>
    public FhirPathTypeInfo? TypeInfoValue => _ref as FhirPathTypeInfo;

    /// <summary>
    /// The type name: the FHIR type for nodes (<c>date</c>, <c>HumanName</c>, <c>Patient</c>,
    /// <c>BackboneElement</c>), the namespace-qualified System type otherwise (<c>System.String</c>).
    /// </summary>
    public string TypeName => Kind switch
    {
        FhirPathItemKind.Node => ((ElementNode)_ref!).TypeName,
        FhirPathItemKind.TypeInfo => "System.TypeInfo",
        _ => "System." + Kind.ToString(),
    };

    public static FhirPathItem FromNode(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new FhirPathItem(FhirPathItemKind.Node, node, 0);
    }

    public static FhirPathItem FromBoolean(bool value) => value ? True : False;

    public static FhirPathItem FromInteger(int value) => new(FhirPathItemKind.Integer, null, value);

    public static FhirPathItem FromLong(long value) => new(FhirPathItemKind.Long, null, value);

    public static FhirPathItem FromDecimal(decimal value) => new(FhirPathItemKind.Decimal, value, 0);

    public static FhirPathItem FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FhirPathItem(FhirPathItemKind.String, value, 0);
    }

    public static FhirPathItem FromDateTime(FhirPathDateTime value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var kind = value.Kind switch
        {
            FhirPathDateTimeKind.Date => FhirPathItemKind.Date,
            FhirPathDateTimeKind.Time => FhirPathItemKind.Time,
            _ => FhirPathItemKind.DateTime,
        };
        return new FhirPathItem(kind, value, 0);
    }

    public static FhirPathItem FromQuantity(FhirPathQuantity value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FhirPathItem(FhirPathItemKind.Quantity, value, 0);
    }

    public static FhirPathItem FromTypeInfo(FhirPathTypeInfo value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FhirPathItem(FhirPathItemKind.TypeInfo, value, 0);
    }

    /// <summary>The value as FHIRPath would write it as a literal (nodes show their location and value).</summary>
    public override string ToString() => Kind switch
    {
        FhirPathItemKind.Node => ((ElementNode)_ref!).ToString(),
        FhirPathItemKind.Boolean => BooleanValue ? "true" : "false",
        FhirPathItemKind.Integer or FhirPathItemKind.Long => _bits.ToString(CultureInfo.InvariantCulture),
        FhirPathItemKind.Decimal => Values.DecimalMath.Format((decimal)_ref!),
        FhirPathItemKind.String => (string)_ref!,
        _ => _ref!.ToString()!,
    };
}
