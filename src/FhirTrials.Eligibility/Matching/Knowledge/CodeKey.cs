namespace FhirTrials.Eligibility.Matching.Knowledge;

/// <summary>A code in its system, written <c>system|code</c> as in FHIR token search.</summary>
internal readonly record struct CodeKey(string System, string Code)
{
    public static CodeKey Parse(string token, string file)
    {
        var bar = token.LastIndexOf('|');
        if (bar <= 0 || bar == token.Length - 1)
        {
            throw new InvalidDataException($"Matching data file '{file}': '{token}' is not 'system|code'.");
        }

        return new CodeKey(token[..bar], token[(bar + 1)..]);
    }

    public override string ToString() => System + "|" + Code;
}
