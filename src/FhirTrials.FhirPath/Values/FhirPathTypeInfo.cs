namespace FhirTrials.FhirPath;

/// <summary>A type as <c>type()</c> reports it: <c>System.Integer</c>, <c>FHIR.Patient</c>.</summary>
public sealed record FhirPathTypeInfo(string Namespace, string Name)
{
    public override string ToString() => Namespace + "." + Name;
}
