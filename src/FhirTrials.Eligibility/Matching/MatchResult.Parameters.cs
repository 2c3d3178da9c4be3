using System.Globalization;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching;

public sealed partial class MatchResult
{
    /// <summary>
    /// The result as a FHIR Parameters resource (shape in docs/matching.md): <c>outcome</c>, <c>evaluationDate</c>,
    /// <c>group</c>, <c>patient</c>, <c>message</c>s and one <c>criterion</c> per characteristic with its parts.
    /// </summary>
    public Parameters ToParameters()
    {
        var parameters = new Parameters();
        parameters.Parameter.Add(Part("outcome", new Code(Wire.Code(Outcome))));
        parameters.Parameter.Add(Part("evaluationDate", new Date(EvaluationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        if (Group is not null)
        {
            parameters.Parameter.Add(Part("group", new Reference { ReferenceValue = Group }));
        }

        if (Patient is not null)
        {
            parameters.Parameter.Add(Part("patient", new Reference { ReferenceValue = Patient }));
        }

        parameters.Parameter.AddRange(Messages.Select(m => Part("message", new FhirString(m))));
        parameters.Parameter.AddRange(Criteria.Select(Criterion));
        return parameters;
    }

    private static Parameters.ParameterComponent Criterion(CriterionResult result)
    {
        var criterion = new Parameters.ParameterComponent { Name = "criterion" };
        if (result.ItemId is not null)
        {
            criterion.Part.Add(Part("itemId", new FhirString(result.ItemId)));
        }

        criterion.Part.Add(Part("characteristic", new Integer(result.Index)));
        criterion.Part.Add(Part("text", new FhirString(result.Text)));
        criterion.Part.Add(Part("description", new FhirString(result.Description)));
        criterion.Part.Add(Part("kind", new Code(Wire.Code(result.Kind))));
        criterion.Part.Add(Part("exclude", new FhirBoolean(result.Exclude)));
        criterion.Part.Add(Part("outcome", new Code(Wire.Code(result.Outcome))));
        if (result.Reason != UnknownReason.None)
        {
            criterion.Part.Add(Part("reason", new Code(Wire.Code(result.Reason))));
        }

        if (result.AlternativesOf is not null)
        {
            criterion.Part.Add(Part("alternativesOf", new FhirString(result.AlternativesOf)));
        }

        criterion.Part.AddRange(result.Evidence.Select(Evidence));
        criterion.Part.AddRange(result.Messages.Select(m => Part("note", new FhirString(m))));
        return criterion;
    }

    private static Parameters.ParameterComponent Evidence(MatchEvidence evidence)
    {
        var part = new Parameters.ParameterComponent { Name = "evidence" };
        if (evidence.Reference is not null)
        {
            part.Part.Add(Part("reference", new Reference { ReferenceValue = evidence.Reference }));
        }

        if (evidence.FullUrl is not null)
        {
            part.Part.Add(Part("fullUrl", new FhirUri(evidence.FullUrl)));
        }

        part.Part.Add(Part("summary", new FhirString(evidence.Summary)));
        AddIf(part, "element", evidence.Element);
        AddIf(part, "value", evidence.Value);
        if (evidence.Compared is { } compared)
        {
            part.Part.Add(Part("compared", Quantity(compared)));
        }

        AddIf(part, "conversion", evidence.Conversion);
        if (evidence.RangeLow is not null || evidence.RangeHigh is not null)
        {
            var range = new Fhir.Model.Range
            {
                Low = evidence.RangeLow is { } low ? Quantity(low) : null,
                High = evidence.RangeHigh is { } high ? Quantity(high) : null,
            };
            part.Part.Add(Part("referenceRange", range));
        }

        AddIf(part, "date", evidence.Date);
        return part;
    }

    private static Fhir.Model.Quantity Quantity(EvidenceQuantity quantity)
    {
        var result = new Fhir.Model.Quantity { Value = quantity.Value, Unit = quantity.Unit, System = quantity.System, Code = quantity.Code };
        if (quantity.Comparator is { } comparator && EnumLiterals.TryParse<QuantityComparator>(comparator, out var parsed))
        {
            result.Comparator = parsed;
        }

        return result;
    }

    private static void AddIf(Parameters.ParameterComponent parent, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parent.Part.Add(Part(name, new FhirString(value)));
        }
    }

    private static Parameters.ParameterComponent Part(string name, DataType value) => new() { Name = name, Value = value };
}
