namespace FhirTrials.Eligibility.Text;

/// <summary>
/// A case-insensitive hash of token text, computed once per token by the <see cref="Tokenizer"/>. Strings equal under
/// <see cref="StringComparison.OrdinalIgnoreCase"/> hash alike: ASCII letters fold to lower case and every non-ASCII
/// character hashes as one value (no non-ASCII character folds onto an ASCII one). The hash is a polynomial with an
/// odd multiplier, so the hash without the last character follows from the hash with it (plural fallbacks).
/// </summary>
internal static class WordHash
{
    private const uint Multiplier = 0x01000193;

    /// <summary>The inverse of <see cref="Multiplier"/> modulo 2^32.</summary>
    private const uint Inverse = 0x359C449B;

    private const uint NonAscii = 0x80;

    public static int Of(ReadOnlySpan<char> text)
    {
        var hash = 0u;
        foreach (var c in text)
        {
            hash = unchecked((hash * Multiplier) + Fold(c));
        }

        return (int)hash;
    }

    /// <summary>The hash of <c>text + c</c> from the hash of <c>text</c>.</summary>
    public static int Append(int hash, char c) => unchecked((int)(((uint)hash * Multiplier) + Fold(c)));

    /// <summary>The hash of <c>text</c> from the hash of <c>text + last</c>.</summary>
    public static int RemoveLast(int hash, char last) => unchecked((int)(((uint)hash - Fold(last)) * Inverse));

    private static uint Fold(char c) => c < 0x80 ? (uint)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : NonAscii;
}
