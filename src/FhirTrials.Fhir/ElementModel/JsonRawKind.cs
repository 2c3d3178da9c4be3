namespace FhirTrials.Fhir.ElementModel;

/// <summary>The JSON token a primitive value was read from, so it is written back the same way.</summary>
public enum JsonRawKind : byte
{
    /// <summary>Not read from JSON (built in code): the FHIR type decides.</summary>
    None,
    String,
    Number,
    True,
    False,
}
