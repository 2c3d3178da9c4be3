using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.FhirPath;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// A SearchParameter's expression must make sense on its base types (checked by the FHIRPath engine's
/// static checker), and one derived from another keeps its type and stays within its bases.
/// </summary>
internal sealed class SearchParameterRules : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        var bases = node.ChildrenNamed("base").Select(b => b.Text).OfType<string>().ToList();
        if (node.Child("expression") is { Text: { } expression } expressionNode && bases.Count > 0)
        {
            try
            {
                if (FhirPathCompiler.Default.Check(expression, bases, new FhirPathCheckOptions { Strict = true }) is [var problem, ..])
                {
                    scope.Error(IssueType.Invalid, expressionNode, $"error in the search expression '{expression}' at {problem}", "sp-expression");
                }
            }
            catch (FhirPathException ex)
            {
                scope.Error(IssueType.Invalid, expressionNode, $"error in the search expression '{expression}': {ex.Message}", "sp-expression");
            }
        }

        if (node.Child("derivedFrom")?.Text is not { } derivedFrom || scope.Services.Resolver.ResolveNode(derivedFrom) is not { Type.Name: "SearchParameter" } parent)
        {
            return;
        }

        var type = node.Child("type")?.Text;
        var parentType = parent.Child("type")?.Text;
        if (type is not null && parentType is not null && !string.Equals(type, parentType, StringComparison.Ordinal))
        {
            scope.Error(IssueType.BusinessRule, node, $"the type {type} differs from the type {parentType} of the SearchParameter it is derived from ({derivedFrom})", "sp-derived-type");
        }

        var parentBases = parent.ChildrenNamed("base").Select(b => b.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var b in bases.Where(b => !parentBases.Contains(b) && !parentBases.Contains("Resource")))
        {
            scope.Error(IssueType.BusinessRule, node, $"the resource type {b} is not a base of the SearchParameter this is derived from ({derivedFrom})", "sp-derived-base");
        }
    }
}

/// <summary>A CapabilityStatement's search parameters have the type of the SearchParameter they point to.</summary>
internal sealed class CapabilityStatementRules : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        foreach (var rest in node.ChildrenNamed("rest"))
        {
            foreach (var searchParam in rest.ChildrenNamed("resource").SelectMany(r => r.ChildrenNamed("searchParam")).Concat(rest.ChildrenNamed("searchParam")))
            {
                if (searchParam.Child("definition")?.Text is { } definition && searchParam.Child("type")?.Text is { } type
                    && scope.Services.Resolver.ResolveNode(definition) is { Type.Name: "SearchParameter" } parameter
                    && parameter.Child("type")?.Text is { } definedType && !string.Equals(type, definedType, StringComparison.Ordinal))
                {
                    scope.Error(IssueType.Invalid, searchParam, $"type mismatch: the SearchParameter {definition} is of type {definedType}, but the type here is {type}", "cs-searchparam-type");
                }
            }
        }
    }
}
