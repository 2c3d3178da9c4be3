namespace FhirTrials.Eligibility.Extraction;

/// <summary>Why tokens must not produce criteria, or produce them only in part.</summary>
[Flags]
internal enum ZoneFlags : byte
{
    None = 0,

    /// <summary>"except for ...", "other than ...", "unless ...": carve-outs.</summary>
    Exception = 1,

    /// <summary>"for patients with ...", "if ...", "(subjects aged 13 to 17 only)": who a rule applies to.</summary>
    Population = 2,

    /// <summary>"suggestive of ...", "suspected ...": not a statement of the condition.</summary>
    Hedge = 4,

    /// <summary>"planning to ...", "during the study": future events.</summary>
    Future = 8,

    /// <summary>"family history of ...".</summary>
    Family = 16,

    /// <summary>The flags that silence every extractor.</summary>
    Silencing = Exception | Population | Hedge | Family,
}
