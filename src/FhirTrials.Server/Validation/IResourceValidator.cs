using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Server.Validation;

/// <summary>
/// Checks a resource before it is stored. <see cref="ValidationResult.Malformed"/> input (not JSON, not
/// a resource) is rejected with 400; an invalid resource with 422 and the outcome. Profiles named in
/// <c>meta.profile</c> are for the implementation to honour. Implementations must be thread-safe.
/// </summary>
public interface IResourceValidator
{
    ValidationResult Validate(ReadOnlyMemory<byte> json, string sourceName);
}

/// <summary>The parsed resource (when it could be read), whether it is valid, whether it was unreadable, and the outcome.</summary>
public sealed record ValidationResult(ElementNode? Resource, bool IsValid, bool Malformed, OperationOutcome Outcome);
