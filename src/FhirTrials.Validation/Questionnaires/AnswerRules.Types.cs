using System.Globalization;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Terminology;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Questionnaires;

internal sealed partial class AnswerRules
{
    private void CheckQuantity(ElementNode value)
    {
        var unitOptions = item.ExtensionValues(QuestionnaireItem.Core + "questionnaire-unitOption").ToList();
        if (unitOptions.Count > 0 && !unitOptions.Any(o => SameUnit(value, o)))
        {
            scope.Error(IssueType.CodeInvalid, value, $"the unit of {QuantityText(value)} is not one of the allowed units ({string.Join(", ", unitOptions.Select(o => $"{o.Child("system")?.Text}#{o.Child("code")?.Text}"))})", "qr-unit-option");
        }

        if (item.Extension(QuestionnaireItem.Core + "questionnaire-unitValueSet")?.Text is { } url && scope.Services.Terminology.GetValueSet(url) is { } vs)
        {
            var code = value.Child("code")?.Text;
            if (code is null || vs.Contains(value.Child("system")?.Text, code) == Membership.NotMember)
            {
                scope.Error(IssueType.CodeInvalid, value, $"the unit of {QuantityText(value)} is not in the unit value set {vs.Label}", "qr-unit-valueset");
            }
        }

        CompareQuantity(value, item.Extension(QuestionnaireItem.Sdc + "sdc-questionnaire-minQuantity"), "minimum", c => c < 0);
        CompareQuantity(value, item.Extension(QuestionnaireItem.Sdc + "sdc-questionnaire-maxQuantity"), "maximum", c => c > 0);
    }

    private void CompareQuantity(ElementNode value, ElementNode? limit, string which, Func<int, bool> violates)
    {
        if (limit is null)
        {
            return;
        }

        if (value.Child("code") is null || limit.Child("code") is null)
        {
            scope.Error(IssueType.Value, value, $"{QuantityText(value)} cannot be compared with the allowed {which} of {QuantityText(limit)}: no coded (UCUM) units are given", "qr-quantity-uncoded");
            return;
        }

        switch (ValueComparer.Compare(value, limit))
        {
            case null:
                scope.Error(IssueType.Value, value, $"{QuantityText(value)} cannot be compared with the allowed {which} of {QuantityText(limit)}: the units are not compatible", "qr-quantity-incompatible");
                break;
            case var c when violates(c.Value):
                scope.Error(IssueType.Value, value, $"{QuantityText(value)} is {(which == "minimum" ? "less" : "greater")} than the allowed {which} of {QuantityText(limit)}", "qr-quantity-limit");
                break;
        }
    }

    private static bool SameUnit(ElementNode quantity, ElementNode option) =>
        string.Equals(quantity.Child("code")?.Text, option.Child("code")?.Text, StringComparison.Ordinal)
        && string.Equals(quantity.Child("system")?.Text, option.Child("system")?.Text, StringComparison.Ordinal);

    private static string QuantityText(ElementNode q) =>
        $"{q.Child("value")?.Text} {q.Child("unit")?.Text ?? q.Child("code")?.Text}".Trim() + (q.Child("code")?.Text is { } code ? $" ({q.Child("system")?.Text ?? Ucum}#{code})" : string.Empty);

    private void CheckAttachment(ElementNode answer, ElementNode value)
    {
        var mimeTypes = item.ExtensionValues(QuestionnaireItem.Core + "mimeType").Select(m => m.Text).OfType<string>().ToList();
        if (mimeTypes.Count > 0 && value.Child("contentType")?.Text is { } contentType && !mimeTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            scope.Error(IssueType.Value, answer, $"the MIME type {contentType} is not allowed for this answer (allowed: {string.Join(", ", mimeTypes)})", "qr-mime-type");
        }

        if (item.Extension(QuestionnaireItem.Core + "maxSize")?.Text is { } maxText
            && decimal.TryParse(maxText, NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            && decimal.TryParse(value.Child("size")?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > max)
        {
            scope.Error(IssueType.TooLong, answer, $"the attachment is too large: {Number(size)} bytes, at most {Number(max)} allowed", "qr-max-size");
        }
    }

    private void CheckReference(ElementNode value)
    {
        if (value.Child("reference")?.Text is not { } reference || reference.StartsWith('#'))
        {
            return;
        }

        if (reference.Any(char.IsWhiteSpace))
        {
            scope.Error(IssueType.Value, value, $"'{reference}' is not a valid reference", "qr-reference-invalid");
        }

        var type = ReferenceType(reference);
        if (type is not null && !IsKnownResourceType(type))
        {
            scope.Error(IssueType.Value, value, $"'{type}' in the reference {reference} is not a resource type", "qr-reference-type");
            return;
        }

        var allowed = item.ExtensionValues(QuestionnaireItem.Core + "questionnaire-referenceResource").Select(v => v.Text).OfType<string>().ToList();
        if (type is not null && allowed.Count > 0 && !allowed.Contains(type, StringComparer.Ordinal))
        {
            scope.Error(IssueType.Structure, value, $"the reference {reference} points to a {type}, but this answer allows only {string.Join(", ", allowed)}", "qr-reference-allowed");
        }
    }
}
