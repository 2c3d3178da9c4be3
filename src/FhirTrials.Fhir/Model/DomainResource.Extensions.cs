namespace FhirTrials.Fhir.Model;

public abstract partial class DomainResource : IExtendable
{
}
