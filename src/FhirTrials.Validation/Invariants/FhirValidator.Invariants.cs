using FhirTrials.Validation.Invariants;

namespace FhirTrials.Validation;

public sealed partial class FhirValidator
{
    /// <summary>The invariant engine: FHIRPath once available, else the native invariants only.</summary>
    private static partial IInvariantEvaluator DefaultInvariants() => UnavailableInvariantEvaluator.Instance;
}
