using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Schema;

/// <summary>
/// One compiled rule of an element (cardinality, type, fixed value, binding, invariant…). Assertions
/// are immutable and thread-safe; they report into the run's <see cref="ValidationScope"/>.
/// </summary>
internal interface IAssertion
{
    void Validate(ElementNode node, ValidationScope scope);
}
