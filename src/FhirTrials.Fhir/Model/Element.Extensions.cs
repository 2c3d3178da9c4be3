namespace FhirTrials.Fhir.Model;

public abstract partial class Element : IExtendable
{
    /// <summary>True when the element has at least one extension (without creating the list).</summary>
    public bool HasExtensions => _extension is { Count: > 0 };
}
