using FhirTrials.Validation.Invariants;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Builders;

/// <summary>
/// <c>constraint</c>: each invariant with a FHIRPath expression, compiled once (natively for the
/// ubiquitous ones). Expressions the engine cannot compile are recorded as issues of the profile.
/// </summary>
internal sealed class InvariantBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        foreach (var constraint in context.Definition.Constraints)
        {
            if (string.IsNullOrWhiteSpace(constraint.Expression))
            {
                continue;
            }

            var text = InvariantErrata.Apply(constraint.Key, constraint.Expression);
            var expression = NativeInvariants.Find(text) ?? context.Services.Invariants.Compile(text, out var error) switch
            {
                { } compiled => compiled,
                null when error is not null => Fail(context, constraint.Key, error),
                _ => null,
            };
            if (expression is not null)
            {
                assertions.Add(new InvariantAssertion(constraint, expression, onContainingElement: !context.IsRoot));
            }
        }
    }

    private static IInvariantExpression? Fail(BuildContext context, string key, string error)
    {
        context.Compiler.Issue($"{context.Definition.Id}: the invariant {key} cannot be compiled: {error}");
        return null;
    }
}
