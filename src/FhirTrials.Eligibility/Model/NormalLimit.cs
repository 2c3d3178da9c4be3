namespace FhirTrials.Eligibility.Model;

/// <summary>Whether a value is a multiple of a normal reference limit instead of an absolute quantity.</summary>
public enum NormalLimit
{
    None,

    /// <summary>Multiple of the upper limit of normal (ULN).</summary>
    Upper,

    /// <summary>Multiple of the lower limit of normal (LLN).</summary>
    Lower,
}
