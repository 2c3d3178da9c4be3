using System.Globalization;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.FhirPath;

public readonly partial struct FhirPathItem
{
    /// <summary>Writes <c>{"type": TypeName, "value": …}</c> (see <see cref="WriteValueTo"/>).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WritePropertyName("value");
        WriteValueTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the value as JSON: FHIR primitives as their JSON value, complex nodes and resources as
    /// FHIR JSON, System Booleans, Integers and Decimals as JSON literals, Strings and dates as strings,
    /// Quantities as <c>{"value", "unit"}</c> (plus <c>system</c>/<c>code</c> for UCUM units), types as <c>{"namespace", "name"}</c>.
    /// </summary>
    public void WriteValueTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case FhirPathItemKind.Node:
                WriteNode(writer, (ElementNode)_ref!);
                break;
            case FhirPathItemKind.Boolean:
                writer.WriteBooleanValue(BooleanValue);
                break;
            case FhirPathItemKind.Integer or FhirPathItemKind.Long:
                writer.WriteNumberValue(_bits);
                break;
            case FhirPathItemKind.Decimal:
                writer.WriteRawValue(Values.DecimalMath.Format((decimal)_ref!), skipInputValidation: true);
                break;
            case FhirPathItemKind.Quantity:
                var q = (FhirPathQuantity)_ref!;
                writer.WriteStartObject();
                writer.WritePropertyName("value");
                writer.WriteRawValue(q.Value.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                writer.WriteString("unit", q.Unit);
                if (!q.UnitIsKeyword)
                {
                    writer.WriteString("system", FhirPathQuantity.UcumSystem);
                    writer.WriteString("code", q.Unit);
                }

                writer.WriteEndObject();
                break;
            case FhirPathItemKind.TypeInfo:
                var t = (FhirPathTypeInfo)_ref!;
                writer.WriteStartObject();
                writer.WriteString("namespace", t.Namespace);
                writer.WriteString("name", t.Name);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(ToString());
                break;
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, ElementNode node)
    {
        if (node.Type is { IsPrimitive: true } || (node.Type is null && node.Text is not null))
        {
            if (node.Text is null)
            {
                writer.WriteNullValue();
                return;
            }

            switch (node.Type?.SystemType)
            {
                case "Boolean" when node.Text is "true" or "false":
                    writer.WriteBooleanValue(node.Text == "true");
                    break;
                case "Integer" or "Decimal" when decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    writer.WriteRawValue(node.Text, skipInputValidation: true);
                    break;
                default:
                    writer.WriteStringValue(node.Text);
                    break;
            }

            return;
        }

        FhirJsonSerializer.Serialize(node, writer);
    }
}
