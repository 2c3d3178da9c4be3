using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// <c>fixed[x]</c>: the value must be exactly the profile's: the same primitive value, every element
/// of the fixed value present and equal, and no element the fixed value lacks (each difference is
/// reported where it is).
/// </summary>
internal sealed class FixedAssertion(ElementNode fixedValue, string path) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope) => Compare(node, fixedValue, scope);

    private void Compare(ElementNode instance, ElementNode expected, ValidationScope scope)
    {
        if (!string.Equals(instance.Text, expected.Text, StringComparison.Ordinal))
        {
            scope.Error(IssueType.Value, instance, expected.Text is null
                ? $"the value {ValueMatcher.Describe(instance)} is not allowed: the value fixed for {path} has none"
                : $"the value is {(instance.Text is null ? "missing" : $"'{instance.Text}'")}, but {path} is fixed to '{expected.Text}'", "fixed");
        }

        foreach (var e in expected.Children)
        {
            if (ValueMatcher.Nth(instance, e.Name, e.Index) is { } match)
            {
                Compare(match, e, scope);
            }
            else
            {
                scope.Error(IssueType.Value, instance, $"the element '{e.Name}' is missing: the value fixed for {path} has {ValueMatcher.Describe(e)}", "fixed");
            }
        }

        foreach (var c in instance.Children)
        {
            if (expected.Child(c.Name) is null && !(c.Name is "id" or "extension"))
            {
                scope.Error(IssueType.Value, c, $"the element '{c.Name}' is present, but the value fixed for {path} does not have it", "fixed");
            }
        }
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
