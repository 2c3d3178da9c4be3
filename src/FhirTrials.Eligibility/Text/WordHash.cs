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
    public static int Append(int hash, char c) => AppendFolded(hash, Fold(c));

    /// <summary><see cref="Append"/> for a character already folded (see <see cref="FoldAsciiWordChar"/>).</summary>
    public static int AppendFolded(int hash, uint folded) => unchecked((int)(((uint)hash * Multiplier) + folded));

    /// <summary>The hash of <c>text</c> from the hash of <c>text + last</c>.</summary>
    public static int RemoveLast(int hash, char last) => unchecked((int)(((uint)hash - Fold(last)) * Inverse));

    /// <summary>
    /// The folded form of an ASCII letter or digit, 0 for any other ASCII character (lets the tokenizer test and fold
    /// word characters with one table read).
    /// </summary>
    public static uint FoldAsciiWordChar(char c) => c < 0x80 ? AsciiWordChars[c] : 0u;

    private static uint Fold(char c) => c < 0x80 ? (uint)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : NonAscii;

    /// <summary>Folded ASCII letters and digits, 0 for other ASCII characters.</summary>
    private static ReadOnlySpan<byte> AsciiWordChars =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5',
        (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j',
        (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o', (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t',
        (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j',
        (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o', (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t',
        (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
    ];
}
