namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// FHIR resources that cannot be turned back into a trial record (no ResearchStudy, a reference that
/// does not resolve, an extension of the wrong shape); the message is one line naming the element.
/// </summary>
public sealed class TrialReverseMappingException : Exception
{
    public TrialReverseMappingException()
    {
    }

    public TrialReverseMappingException(string message)
        : base(message)
    {
    }

    public TrialReverseMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
