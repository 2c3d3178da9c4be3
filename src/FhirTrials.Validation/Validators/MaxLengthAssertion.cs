using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary><c>maxLength</c>: a primitive's value may not be longer (in characters).</summary>
internal sealed class MaxLengthAssertion(int maxLength, string path) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Text is { } text && text.Length > maxLength)
        {
            scope.Error(IssueType.TooLong, node, $"the value is {text.Length} characters long, but {path} allows at most {maxLength}", "maxLength");
        }
    }
}
