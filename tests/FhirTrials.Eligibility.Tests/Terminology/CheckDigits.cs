namespace FhirTrials.Eligibility.Tests.Terminology;

/// <summary>Check digits of LOINC codes (mod 10) and SNOMED CT identifiers (Verhoeff), to catch mistyped codes.</summary>
internal static class CheckDigits
{
    private static readonly int[,] VerhoeffD =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly int[,] VerhoeffP =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    /// <summary>LOINC "nnnn-c": c is the mod-10 check digit of nnnn.</summary>
    public static bool IsValidLoinc(string code)
    {
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash < 1 || dash != code.Length - 2 || !code[..dash].All(char.IsAsciiDigit) || !char.IsAsciiDigit(code[^1]))
        {
            return false;
        }

        var sum = 0;
        var body = code[..dash];
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                sum += (digit / 10) + (digit % 10);
            }
            else
            {
                sum += digit;
            }
        }

        return (10 - (sum % 10)) % 10 == code[^1] - '0';
    }

    /// <summary>A SNOMED CT concept id: 6-18 digits, partition "00" (concept), valid Verhoeff check digit.</summary>
    public static bool IsValidSnomedConceptId(string id)
    {
        if (id.Length is < 6 or > 18 || !id.All(char.IsAsciiDigit) || id[^3..^1] != "00" && id[^3..^1] != "10")
        {
            return false;
        }

        var c = 0;
        for (var i = 0; i < id.Length; i++)
        {
            c = VerhoeffD[c, VerhoeffP[i % 8, id[id.Length - 1 - i] - '0']];
        }

        return c == 0;
    }
}
