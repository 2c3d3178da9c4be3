using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Invariants;

/// <summary>
/// Compiles the FHIRPath expressions of invariants (<c>ElementDefinition.constraint.expression</c>).
/// The validator compiles each expression once per StructureDefinition and evaluates it many times;
/// implementations must be thread-safe.
/// </summary>
internal interface IInvariantEvaluator
{
    /// <summary>
    /// The compiled expression; null when it cannot be compiled (<paramref name="error"/> says why) or the
    /// evaluator does not support it (<paramref name="error"/> null: the invariant is not checked).
    /// </summary>
    IInvariantExpression? Compile(string expression, out string? error);
}

/// <summary>A compiled invariant expression.</summary>
internal interface IInvariantExpression
{
    /// <summary>
    /// True when the invariant holds at <paramref name="focus"/>; throws when evaluation fails.
    /// <paramref name="resource"/> overrides <c>%resource</c> (for invariants an element places on the resource it holds).
    /// </summary>
    bool IsSatisfied(ElementNode focus, Schema.ValidationScope scope, ElementNode? resource = null);
}
