using FhirTrials.Validation.Invariants;

namespace FhirTrials.Validation;

public sealed partial class FhirValidator
{
    /// <summary>The invariant engine: the FHIRPath engine (the ubiquitous invariants run natively regardless).</summary>
    private static partial IInvariantEvaluator DefaultInvariants() => FhirPathInvariantEvaluator.Instance;
}
