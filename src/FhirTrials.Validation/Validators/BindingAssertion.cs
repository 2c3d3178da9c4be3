using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Terminology;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// A terminology binding: the code(s) of a <c>code</c>, Coding, CodeableConcept, Quantity or string
/// must come from the ValueSet, as strongly as the binding says (required: error, extensible:
/// warning, preferred: information, example: not checked).
/// </summary>
internal sealed class BindingAssertion : IAssertion
{
    private readonly BindingDef _binding;
    private readonly string _valueSet;
    private readonly string _path;
    private readonly TerminologyService _terminology;

    public BindingAssertion(BindingDef binding, string valueSet, string path, TerminologyService terminology)
    {
        _binding = binding;
        _valueSet = valueSet;
        _path = path;
        _terminology = terminology;
    }

    public void Validate(ElementNode node, ValidationScope scope)
    {
        var kind = CodedKind.Of(node.Type);
        if (kind == CodedKind.None)
        {
            return;
        }

        var vs = _terminology.GetValueSet(_valueSet);
        if (vs is null)
        {
            if (_binding.Strength == BindingStrength.Required)
            {
                scope.Warning(IssueType.NotFound, node, $"the value set {_valueSet} of the required binding on {_path} cannot be found, so the code was not checked", "binding-vs-not-found");
            }

            return;
        }

        switch (kind)
        {
            case CodedKind.Code:
            case CodedKind.String:
                if (node.Text is { } text && vs.Contains(null, text) == Membership.NotMember)
                {
                    Fail(node, scope, vs, $"the code '{text}'");
                }

                break;
            case CodedKind.Coding:
            case CodedKind.Quantity:
                CheckCoding(node, scope, vs);
                break;
            case CodedKind.CodeableConcept:
                CheckConcept(node, scope, vs);
                break;
        }
    }

    private void CheckCoding(ElementNode node, ValidationScope scope, ExpandedValueSet vs)
    {
        if (node.Child("code")?.Text is not { } code)
        {
            return;
        }

        var system = node.Child("system")?.Text;
        if (vs.Contains(system, code) == Membership.NotMember)
        {
            Fail(node, scope, vs, $"the code '{Describe(system, code)}'");
        }
    }

    private void CheckConcept(ElementNode node, ValidationScope scope, ExpandedValueSet vs)
    {
        var codings = 0;
        foreach (var coding in node.ChildrenNamed("coding"))
        {
            if (coding.Child("code")?.Text is not { } code)
            {
                continue;
            }

            codings++;
            if (vs.Contains(coding.Child("system")?.Text, code) != Membership.NotMember)
            {
                return;
            }
        }

        if (codings == 0)
        {
            if (_binding.Strength == BindingStrength.Required)
            {
                scope.Error(IssueType.CodeInvalid, node, $"no code provided, and a code from the value set {vs.Label} is required for {_path}", "binding-no-code");
            }

            return;
        }

        var first = node.ChildrenNamed("coding").Select(c => Describe(c.Child("system")?.Text, c.Child("code")?.Text ?? string.Empty));
        Fail(node, scope, vs, $"none of the codes ({string.Join(", ", first)})", plural: true);
    }

    private void Fail(ElementNode node, ValidationScope scope, ExpandedValueSet vs, string what, bool plural = false)
    {
        var isNot = plural ? "is" : "is not";
        switch (_binding.Strength)
        {
            case BindingStrength.Required:
                scope.Error(IssueType.CodeInvalid, node, $"{what} {isNot} in the value set {vs.Label}, which is required for {_path}", "binding-required");
                break;
            case BindingStrength.Extensible:
                scope.Warning(IssueType.CodeInvalid, node, $"{what} {isNot} in the value set {vs.Label}, which is extensible for {_path}: use a code from it when one fits", "binding-extensible");
                break;
            case BindingStrength.Preferred:
                scope.Information(IssueType.CodeInvalid, node, $"{what} {isNot} in the value set {vs.Label}, which is preferred for {_path}", "binding-preferred");
                break;
        }
    }

    private static string Describe(string? system, string code) => system is null ? code : $"{system}#{code}";
}

/// <summary>How a type carries codes.</summary>
internal enum CodedKind
{
    None,
    Code,
    Coding,
    CodeableConcept,
    Quantity,
    String,
}

internal static class CodedKindExtensions
{
    extension(CodedKind)
    {
        /// <summary>How instances of <paramref name="type"/> carry codes.</summary>
        public static CodedKind Of(Fhir.Introspection.FhirTypeInfo? type) => type?.Name switch
        {
            "code" => CodedKind.Code,
            "Coding" => CodedKind.Coding,
            "CodeableConcept" => CodedKind.CodeableConcept,
            "Quantity" or "Age" or "Count" or "Distance" or "Duration" or "SimpleQuantity" or "MoneyQuantity" => CodedKind.Quantity,
            "string" or "uri" or "url" or "canonical" => CodedKind.String,
            _ => CodedKind.None,
        };
    }
}
