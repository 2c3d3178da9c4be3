using System.Globalization;
using FhirTrials.FhirPath;

namespace FhirTrials.Server.Indexing;

public sealed partial class SearchIndexer
{
    private const string CurrencySystem = "urn:iso:std:iso:4217";

    private static void AddDate(List<DateEntry> dates, string param, FhirPathItem item)
    {
        if (item.Node is not { } node || node.Text is not null)
        {
            AddDateText(dates, param, TextOf(item));
            return;
        }

        switch (node.Type?.Name)
        {
            case "Period":
                var hasStart = DateRange.TryParse(ChildText(node, "start"), out var startLow, out _);
                var hasEnd = DateRange.TryParse(ChildText(node, "end"), out _, out var endHigh);
                if (hasStart || hasEnd)
                {
                    dates.Add(new DateEntry(param, hasStart ? startLow : long.MinValue, hasEnd ? endHigh : long.MaxValue));
                }

                break;
            case "Timing":
                foreach (var when in node.ChildrenNamed("event"))
                {
                    AddDateText(dates, param, when.Text);
                }

                if (node.Child("repeat")?.Child("bounds") is { Type.Name: "Period" } bounds)
                {
                    AddDate(dates, param, FhirPathItem.FromNode(bounds));
                }

                break;
            default:
                break;
        }
    }

    private static void AddDateText(List<DateEntry> dates, string param, string? text)
    {
        if (DateRange.TryParse(text, out var low, out var high))
        {
            dates.Add(new DateEntry(param, low, high));
        }
    }

    private static void AddNumber(List<NumberEntry> numbers, string param, FhirPathItem item)
    {
        if (item.Node is { Type.Name: "Range" } range)
        {
            var low = Number(range.Child("low")?.Child("value")?.Text);
            var high = Number(range.Child("high")?.Child("value")?.Text);
            if (low is not null || high is not null)
            {
                numbers.Add(new NumberEntry(param, low, high));
            }

            return;
        }

        if (Number(TextOf(item)) is { } value)
        {
            numbers.Add(new NumberEntry(param, value, value));
        }
    }

    private static void AddQuantity(List<QuantityEntry> quantities, string param, FhirPathItem item)
    {
        if (item.QuantityValue is { } systemQuantity)
        {
            var value = (double)systemQuantity.Value;
            quantities.Add(new QuantityEntry(param, systemQuantity.UnitIsKeyword ? null : "http://unitsofmeasure.org", systemQuantity.Unit, systemQuantity.Unit, value, value));
            return;
        }

        if (item.Node is not { } node)
        {
            return;
        }

        switch (node.Type?.Name)
        {
            case "Range":
                var lowNode = node.Child("low");
                var highNode = node.Child("high");
                var unitNode = lowNode ?? highNode;
                var low = Number(lowNode?.Child("value")?.Text);
                var high = Number(highNode?.Child("value")?.Text);
                if ((low is not null || high is not null) && unitNode is not null)
                {
                    quantities.Add(new QuantityEntry(param, ChildText(unitNode, "system"), ChildText(unitNode, "code"), ChildText(unitNode, "unit"), low, high));
                }

                break;
            case "Money":
                if (Number(ChildText(node, "value")) is { } amount)
                {
                    quantities.Add(new QuantityEntry(param, CurrencySystem, ChildText(node, "currency"), null, amount, amount));
                }

                break;
            default:
                if (Number(ChildText(node, "value") ?? node.Text) is { } quantity)
                {
                    quantities.Add(new QuantityEntry(param, ChildText(node, "system"), ChildText(node, "code"), ChildText(node, "unit"), quantity, quantity));
                }

                break;
        }
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
