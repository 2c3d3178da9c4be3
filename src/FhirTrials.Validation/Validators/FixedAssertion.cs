using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary><c>fixed[x]</c>: the value must be exactly the profile's.</summary>
internal sealed class FixedAssertion(ElementNode fixedValue, string path) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (ValueMatcher.EqualsFixed(node, fixedValue))
        {
            return;
        }

        var message = fixedValue.Children.Count == 0 && node.Children.Count == 0
            ? $"value is {ValueMatcher.Describe(node)}, but {path} is fixed to {ValueMatcher.Describe(fixedValue)}"
            : $"{path} is fixed to {ValueMatcher.Describe(fixedValue)}, but the value is {ValueMatcher.Describe(node)}";
        scope.Error(IssueType.Value, node, message, "fixed");
    }
}

/// <summary><c>pattern[x]</c>: the value must contain everything the profile's pattern has.</summary>
internal sealed class PatternAssertion(ElementNode pattern, string path) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (!ValueMatcher.MatchesPattern(node, pattern))
        {
            scope.Error(IssueType.Value, node, $"the value {ValueMatcher.Describe(node)} does not match the pattern {ValueMatcher.Describe(pattern)} required for {path}", "pattern");
        }
    }
}
