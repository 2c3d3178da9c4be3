namespace FhirTrials.Validation.Invariants;

/// <summary>Used when no FHIRPath engine is available: only the natively implemented invariants are checked.</summary>
internal sealed class UnavailableInvariantEvaluator : IInvariantEvaluator
{
    public static UnavailableInvariantEvaluator Instance { get; } = new();

    public IInvariantExpression? Compile(string expression, out string? error)
    {
        error = null;
        return null;
    }
}
