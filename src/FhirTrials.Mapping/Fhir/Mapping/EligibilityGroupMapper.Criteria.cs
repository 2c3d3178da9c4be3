using FhirTrials.Eligibility.Model;
using FhirTrials.Fhir.Model;
using FhirRange = FhirTrials.Fhir.Model.Range;

namespace FhirTrials.Mapping.Fhir;

internal static partial class EligibilityGroupMapper
{
    /// <summary>
    /// Every item of the parsed criteria, in document order: one characteristic per structured criterion,
    /// or — when the item yields none — one text characteristic keeping the item, so nothing is lost.
    /// </summary>
    private static void AddCriteria(TrialMappingContext context, Group group, ParsedCriteria parsed)
    {
        foreach (var item in parsed.Items)
        {
            var structured = item.Criteria.Where(c => !c.IsTextOnly).ToList();
            if (structured.Count == 0)
            {
                var textOnly = item.Criteria.FirstOrDefault();
                var characteristic = new Group.CharacteristicComponent
                {
                    Code = Code(textOnly?.Code ?? FreeTextCode, qualifier: null),
                    Value = new CodeableConcept { Text = item.Text },
                    Exclude = textOnly?.Exclude ?? item.Section == CriteriaSection.Exclusion,
                };
                characteristic.Extension.Add(Source(item, textOnly?.Source, negated: textOnly?.Negated ?? false));
                group.Characteristic.Add(characteristic);
                continue;
            }

            foreach (var criterion in structured)
            {
                group.Characteristic.Add(FromCriterion(context, item, criterion));
            }
        }
    }

    private static readonly FhirTrials.Eligibility.Model.Coding FreeTextCode =
        new(SystemUris.Eligibility, "free-text", "Criterion kept as text");

    private static Group.CharacteristicComponent FromCriterion(TrialMappingContext context, CriteriaItem item, StructuredCriterion criterion)
    {
        var characteristic = new Group.CharacteristicComponent
        {
            Code = Code(criterion.Code ?? FreeTextCode, criterion.Qualifier),
            Value = Value(context, criterion),
            Exclude = criterion.Exclude,
        };
        characteristic.Extension.Add(Source(item, criterion.Source, criterion.Negated));
        if (criterion.TimeWindow is { } window)
        {
            var extension = characteristic.AddExtension(ExtensionUrls.CriterionTimeWindow);
            extension.AddExtension("duration", Elements.Ucum<Duration>(window.Value, window.Unit));
            extension.AddExtension("relation", new Code(context.Terminology.TimeWindowRelation.Entry(window.Direction.ToString()).Code));
            if (window.Subject.Length > 0)
            {
                extension.AddExtension("subject", new FhirString(window.Subject));
            }

            if (window.Text.Length > 0)
            {
                extension.AddExtension("text", new FhirString(window.Text));
            }
        }

        return characteristic;
    }

    /// <summary>The criterion's code; its text is the qualifier (the therapy or event named) or the code's display.</summary>
    private static CodeableConcept Code(FhirTrials.Eligibility.Model.Coding code, string? qualifier) => new()
    {
        Coding = [Concepts.Coding(code.System, code.Code, code.Display)],
        Text = qualifier ?? code.Display,
    };

    /// <summary>A threshold as valueQuantity (with comparator) or valueRange; a coded value as valueCodeableConcept; else valueBoolean true.</summary>
    private static DataType Value(TrialMappingContext context, StructuredCriterion criterion)
    {
        if (criterion.Comparator == Comparator.Range)
        {
            return new FhirRange
            {
                Low = criterion.Low is { } low ? Quantity(context, criterion, low) : null,
                High = criterion.High is { } high ? Quantity(context, criterion, high) : null,
            };
        }

        if (criterion.Value is { } value)
        {
            var quantity = Quantity(context, criterion, value);
            if (criterion.Comparator is { } comparator && EnumLiterals.TryParse<QuantityComparator>(comparator.ToSymbol(), out var fhirComparator))
            {
                quantity.Comparator = fhirComparator;
            }

            return quantity;
        }

        if (criterion.ValueCode is { } valueCode)
        {
            return new CodeableConcept { Coding = [Concepts.Coding(valueCode.System, valueCode.Code, valueCode.Display)], Text = valueCode.Display };
        }

        return new FhirBoolean(true);
    }

    /// <summary>A value in its UCUM unit, as a multiple of a normal limit (FhirTrials code, unit "× ULN"), or unitless.</summary>
    private static Quantity Quantity(TrialMappingContext context, StructuredCriterion criterion, decimal value)
    {
        if (criterion.NormalLimit != NormalLimit.None)
        {
            var limit = context.Terminology.Eligibility.Entry(criterion.NormalLimit.ToString());
            return new Quantity { Value = value, Unit = limit.Unit, System = SystemUris.Eligibility, Code = limit.Code };
        }

        return criterion.Unit is { } unit ? Elements.Ucum<Quantity>(value, unit) : new Quantity { Value = value };
    }

    /// <summary>criterion-source: item id, the item text as written, the span read (start, length) and heading / negation when present.</summary>
    private static Extension Source(CriteriaItem item, SourceSpan? span, bool negated)
    {
        var source = new Extension { Url = ExtensionUrls.CriterionSource };
        source.AddExtension("itemId", new FhirString(item.Id));
        source.AddExtension("itemText", new FhirString(item.Text));
        if (span is not null)
        {
            var spanExtension = source.AddExtension("span");
            spanExtension.AddExtension("start", new Integer(span.Start));
            spanExtension.AddExtension("length", new Integer(span.Length));
        }

        if (item.Heading is { Length: > 0 } heading)
        {
            source.AddExtension("heading", new FhirString(heading));
        }

        if (negated)
        {
            source.AddExtension("negated", new FhirBoolean(true));
        }

        return source;
    }
}
