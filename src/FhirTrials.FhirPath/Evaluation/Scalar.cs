using System.Globalization;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath.Fhir;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>
/// The System value behind an item, unpacked on the stack: FHIR primitives are read from their text
/// (a <c>code</c> is a String, a <c>dateTime</c> a DateTime), FHIR Quantities become System
/// Quantities, other complex nodes stay nodes (<see cref="FhirPathItemKind.Node"/>).
/// </summary>
internal readonly struct Scalar
{
    private Scalar(FhirPathItemKind kind, string? text = null, long integer = 0, decimal number = 0, object? value = null, ElementNode? node = null)
    {
        Kind = kind;
        String = text;
        Integer = integer;
        Decimal = number;
        Object = value;
        Node = node;
        HasValue = true;
    }

    /// <summary>The System kind, or <see cref="FhirPathItemKind.Node"/> for complex nodes.</summary>
    public FhirPathItemKind Kind { get; }

    /// <summary>False for a FHIR primitive without a value (only extensions) or with an unreadable one.</summary>
    public bool HasValue { get; private init; }

    public string? String { get; }

    /// <summary>Integer, Long, and Boolean (1/0).</summary>
    public long Integer { get; }

    public decimal Decimal { get; }

    /// <summary>A <see cref="FhirPathDateTime"/>, <see cref="FhirPathQuantity"/> or <see cref="FhirPathTypeInfo"/>.</summary>
    public object? Object { get; }

    public ElementNode? Node { get; }

    public bool IsNumber => Kind is FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal;

    /// <summary>A number as a decimal (Integer and Long convert).</summary>
    public decimal Number => Kind == FhirPathItemKind.Decimal ? Decimal : Integer;

    public FhirPathDateTime? DateTime => Object as FhirPathDateTime;

    public FhirPathQuantity? Quantity => Object as FhirPathQuantity;

    public static Scalar From(in FhirPathItem item)
    {
        switch (item.Kind)
        {
            case FhirPathItemKind.Node:
                return FromNode(item.Node!);
            case FhirPathItemKind.Boolean:
                return new Scalar(FhirPathItemKind.Boolean, integer: item.BooleanValue ? 1 : 0);
            case FhirPathItemKind.Integer or FhirPathItemKind.Long:
                return new Scalar(item.Kind, integer: item.IntegerValue);
            case FhirPathItemKind.Decimal:
                return new Scalar(FhirPathItemKind.Decimal, number: item.DecimalValue);
            case FhirPathItemKind.String:
                return new Scalar(FhirPathItemKind.String, text: item.StringValue);
            case FhirPathItemKind.Date or FhirPathItemKind.DateTime or FhirPathItemKind.Time:
                return new Scalar(item.Kind, value: item.DateTimeValue);
            case FhirPathItemKind.Quantity:
                return new Scalar(FhirPathItemKind.Quantity, value: item.QuantityValue);
            default:
                return new Scalar(FhirPathItemKind.TypeInfo, value: item.TypeInfoValue);
        }
    }

    public static Scalar FromNode(ElementNode node)
    {
        var type = node.Type;
        if (type is null || type.IsPrimitive)
        {
            var text = node.Text;
            if (text is null)
            {
                return type is null ? new Scalar(FhirPathItemKind.Node, node: node) : new Scalar(FhirPathItemKind.String) { HasValue = false };
            }

            return FromText(type?.SystemType, text);
        }

        if (FhirQuantities.IsQuantityType(type))
        {
            return FhirQuantities.FromNode(node) is { } quantity
                ? new Scalar(FhirPathItemKind.Quantity, value: quantity)
                : new Scalar(FhirPathItemKind.Quantity) { HasValue = false };
        }

        return new Scalar(FhirPathItemKind.Node, node: node);
    }

    /// <summary>Reads a primitive's lexical form as its System type.</summary>
    public static Scalar FromText(string? systemType, string text)
    {
        switch (systemType)
        {
            case "Boolean":
                return text is "true" or "false"
                    ? new Scalar(FhirPathItemKind.Boolean, integer: text == "true" ? 1 : 0)
                    : new Scalar(FhirPathItemKind.Boolean) { HasValue = false };
            case "Integer":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? new Scalar(FhirPathItemKind.Integer, integer: i)
                    : new Scalar(FhirPathItemKind.Integer) { HasValue = false };
            case "Decimal":
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? new Scalar(FhirPathItemKind.Decimal, number: d)
                    : new Scalar(FhirPathItemKind.Decimal) { HasValue = false };
            case "Date":
                return Temporal(FhirPathItemKind.Date, FhirPathDateTime.ParseDate(text));
            case "DateTime":
                return Temporal(FhirPathItemKind.DateTime, FhirPathDateTime.ParseDateTime(text));
            case "Time":
                return Temporal(FhirPathItemKind.Time, FhirPathDateTime.ParseTime(text));
            default:
                return new Scalar(FhirPathItemKind.String, text: text);
        }
    }

    /// <summary>Packs the value back into an item (complex nodes stay nodes); null when there is no value.</summary>
    public FhirPathItem? ToItem()
    {
        if (!HasValue)
        {
            return null;
        }

        return Kind switch
        {
            FhirPathItemKind.Node => FhirPathItem.FromNode(Node!),
            FhirPathItemKind.Boolean => FhirPathItem.FromBoolean(Integer != 0),
            FhirPathItemKind.Integer => Integer is >= int.MinValue and <= int.MaxValue ? FhirPathItem.FromInteger((int)Integer) : FhirPathItem.FromLong(Integer),
            FhirPathItemKind.Long => FhirPathItem.FromLong(Integer),
            FhirPathItemKind.Decimal => FhirPathItem.FromDecimal(Decimal),
            FhirPathItemKind.String => FhirPathItem.FromString(String!),
            FhirPathItemKind.Date or FhirPathItemKind.DateTime or FhirPathItemKind.Time => FhirPathItem.FromDateTime(DateTime!),
            FhirPathItemKind.Quantity => FhirPathItem.FromQuantity(Quantity!),
            _ => FhirPathItem.FromTypeInfo((FhirPathTypeInfo)Object!),
        };
    }

    private static Scalar Temporal(FhirPathItemKind kind, FhirPathDateTime? value) =>
        value is null ? new Scalar(kind) { HasValue = false } : new Scalar(kind, value: value);
}
