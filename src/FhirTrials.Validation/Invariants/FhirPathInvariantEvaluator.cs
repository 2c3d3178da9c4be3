using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Invariants;

/// <summary>Invariants through the FHIRPath engine: compiled once (the compiler caches by text), evaluated per node.</summary>
internal sealed class FhirPathInvariantEvaluator : IInvariantEvaluator
{
    public static FhirPathInvariantEvaluator Instance { get; } = new();

    public IInvariantExpression? Compile(string expression, out string? error)
    {
        try
        {
            error = null;
            return new Compiled(FhirPathCompiler.Default.Compile(expression));
        }
        catch (FhirPathSyntaxException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// An invariant fails only when its expression gives false: a single Boolean is its value; an
    /// empty result (nothing to test, e.g. ref-1 on a Reference without <c>reference</c>) and any
    /// other result pass.
    /// </summary>
    private sealed class Compiled(CompiledExpression expression) : IInvariantExpression
    {
        public bool IsSatisfied(ElementNode focus, ValidationScope scope, ElementNode? resource = null)
        {
            var context = resource is null ? scope.EvaluationContext : new EvaluationContext
            {
                Resource = resource,
                Resolver = scope.Services.Resolver,
                Conformance = scope.EvaluationContext.Conformance,
            };
            var result = expression.Evaluate(focus, context);
            if (result.Count != 1)
            {
                return true;
            }

            var item = result[0];
            return item.Kind == FhirPathItemKind.Boolean ? item.BooleanValue
                : item.Node is { Type.Name: "boolean" } node ? string.Equals(node.Text, "true", StringComparison.Ordinal)
                : true;
        }
    }
}
