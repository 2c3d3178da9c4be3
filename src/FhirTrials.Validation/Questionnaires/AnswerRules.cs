using System.Globalization;
using System.Text.RegularExpressions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.References;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Terminology;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Questionnaires;

/// <summary>
/// One answer against its item: the value type the item type calls for, then by type the answer
/// options (and exclusive options), the answer value set, min/max values and quantities (UCUM-aware),
/// decimal places, lengths and regex, unit options and unit value sets, attachment MIME types and
/// sizes, and the resource types a reference may point to.
/// </summary>
internal sealed partial class AnswerRules(QuestionnaireItem item, ValidationScope scope)
{
    private const string Ucum = "http://unitsofmeasure.org";

    public void Validate(ElementNode answer, IReadOnlyList<ElementNode> siblings)
    {
        if (answer.Child("value") is not { Type: { } type } value)
        {
            return;
        }

        if (AnswerTypes.For(item.Type) is { } allowed && !allowed.Contains(type.Name, StringComparer.Ordinal))
        {
            scope.Error(IssueType.Structure, value, $"the answer must be of type {allowed[0]} for a '{item.Type}' item, not {type.Name}", "qr-answer-type");
            return;
        }

        CheckOptions(answer, value, siblings);
        CheckValueSet(value);
        switch (type.Name)
        {
            case "integer" or "decimal" or "date" or "dateTime" or "time":
                CheckLimits(value);
                break;
            case "string":
                CheckString(value);
                break;
            case "Quantity":
                CheckQuantity(value);
                break;
            case "Attachment":
                CheckAttachment(answer, value);
                break;
            case "Reference":
                CheckReference(value);
                break;
        }
    }

    private void CheckOptions(ElementNode answer, ElementNode value, IReadOnlyList<ElementNode> siblings)
    {
        var options = item.AnswerOptions.ToList();
        if (options.Count == 0)
        {
            return;
        }

        var match = options.FirstOrDefault(o => o.Child("value") is { } v && SameValue(value, v));
        if (match is null)
        {
            if (!(item.Type == "open-choice" && value.Type!.Name == "string"))
            {
                scope.Error(IssueType.CodeInvalid, value, $"the answer {Describe(value)} is not one of the permitted answer options", "qr-answer-option");
            }

            return;
        }

        var exclusive = match.ChildrenNamed("extension").Any(e => e.Child("url")?.Text == QuestionnaireItem.Core + "questionnaire-optionExclusive" && e.Child("value")?.Text == "true");
        if (exclusive && siblings.Count > 1)
        {
            scope.Error(IssueType.Structure, answer, $"the answer {Describe(value)} is an exclusive option: nothing else may be selected with it", "qr-option-exclusive");
        }
    }

    private void CheckValueSet(ElementNode value)
    {
        if (item.AnswerValueSet is not { } url || value.Type!.Name is not ("Coding" or "string"))
        {
            return;
        }

        if (scope.Services.Terminology.GetValueSet(url) is not { } vs)
        {
            scope.Warning(IssueType.NotFound, value, $"the answer value set {url} cannot be found, so the answer was not checked", "qr-valueset-not-found");
            return;
        }

        var (system, code) = value.Type.Name == "Coding" ? (value.Child("system")?.Text, value.Child("code")?.Text) : (null, value.Text);
        if (code is not null && vs.Contains(system, code) == Membership.NotMember && !(item.Type == "open-choice" && value.Type.Name == "string"))
        {
            scope.Error(IssueType.CodeInvalid, value, $"the answer {Describe(value)} is not in the answer value set {vs.Label}", "qr-answer-valueset");
        }
    }

    private void CheckLimits(ElementNode value)
    {
        if (item.Extension(QuestionnaireItem.Core + "minValue") is { } min && ValueComparer.Compare(value, min) is < 0)
        {
            scope.Error(IssueType.Value, value, $"the value {value.Text} is less than the allowed minimum of {min.Text}", "qr-min-value");
        }

        if (item.Extension(QuestionnaireItem.Core + "maxValue") is { } max && ValueComparer.Compare(value, max) is > 0)
        {
            scope.Error(IssueType.Value, value, $"the value {value.Text} is greater than the allowed maximum of {max.Text}", "qr-max-value");
        }

        if (value.Type!.Name == "decimal" && item.IntegerExtension(QuestionnaireItem.Core + "maxDecimalPlaces") is { } places
            && value.Text is { } text && text.Contains('.', StringComparison.Ordinal) && text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 > places)
        {
            scope.Error(IssueType.Value, value, $"the value {text} has too many decimal places (at most {places})", "qr-decimal-places");
        }
    }

    private void CheckString(ElementNode value)
    {
        var text = value.Text ?? string.Empty;
        if (item.IntegerExtension(QuestionnaireItem.Core + "minLength") is { } min && text.Length < min)
        {
            scope.Error(IssueType.Value, value, $"the answer '{text}' is shorter than the required minimum length of {min}", "qr-min-length");
        }

        if (item.MaxLength is { } max && text.Length > max)
        {
            scope.Error(IssueType.TooLong, value, $"the answer '{text}' is longer than the allowed maximum length of {max}", "qr-max-length");
        }

        if (item.Extension(QuestionnaireItem.Core + "regex")?.Text is { } regex && !Matches(text, regex))
        {
            scope.Error(IssueType.Value, value, $"the answer '{text}' does not match the expected format (regex '{regex}')", "qr-regex");
        }
    }

    private static bool Matches(string text, string regex)
    {
        try
        {
            return Regex.IsMatch(text, regex, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static bool SameValue(ElementNode value, ElementNode option)
    {
        if (!string.Equals(value.Type?.Name, option.Type?.Name, StringComparison.Ordinal))
        {
            return false;
        }

        return value.Type!.Name == "Coding"
            ? string.Equals(value.Child("code")?.Text, option.Child("code")?.Text, StringComparison.Ordinal)
              && (option.Child("system") is null || string.Equals(value.Child("system")?.Text, option.Child("system")?.Text, StringComparison.Ordinal))
            : value.Type.Name == "Reference"
                ? string.Equals(value.Child("reference")?.Text, option.Child("reference")?.Text, StringComparison.Ordinal)
                : string.Equals(value.Text, option.Text, StringComparison.Ordinal);
    }

    private static string Describe(ElementNode value) => value.Type?.Name == "Coding"
        ? $"{value.Child("system")?.Text}#{value.Child("code")?.Text}"
        : $"'{value.Text ?? ValueMatcher.Describe(value)}'";

    private static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static bool IsKnownResourceType(string name) => ModelInfo.GetType(name) is { IsResource: true, IsAbstract: false };

    private static string? ReferenceType(string reference) => ReferenceResolver.TypeFromUrl(reference) ?? Segment(reference);

    private static string? Segment(string reference)
    {
        var parts = reference.Split('/');
        return parts.Length >= 2 ? parts[^2] : null;
    }
}
