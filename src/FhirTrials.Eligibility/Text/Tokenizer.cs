namespace FhirTrials.Eligibility.Text;

/// <summary>Splits mapped text (see <see cref="ScanText"/>) into <see cref="Token"/>s, hashing each once.</summary>
internal static class Tokenizer
{
    /// <summary>Writes the tokens of <paramref name="text"/> to <paramref name="buffer"/> (grown as needed); returns their number.</summary>
    public static int Tokenize(string text, ref Token[] buffer)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(8, buffer.Length * 2));
            }

            buffer[count++] = char.IsLetter(c) ? ReadWord(text, ref i)
                : char.IsAsciiDigit(c) ? ReadNumber(text, ref i)
                : new Token(TokenKind.Symbol, i, 1, WordHash.Append(0, text[i++]));
        }

        return count;
    }

    private static Token ReadWord(string text, ref int i)
    {
        var start = i;
        var hash = WordHash.Append(0, text[i++]);
        while (i < text.Length)
        {
            var c = text[i];
            var folded = WordHash.FoldAsciiWordChar(c);
            if (folded != 0)
            {
                hash = WordHash.AppendFolded(hash, folded);
            }
            else if (c >= 0x80 ? char.IsLetterOrDigit(c) : c == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                hash = WordHash.Append(hash, c);
            }
            else
            {
                break;
            }

            i++;
        }

        return new Token(TokenKind.Word, start, i - start, hash);
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        var hash = WordHash.Append(0, text[i++]);
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                hash = WordHash.Append(hash, text[i++]);
            }
            else if ((text[i] == '.' || text[i] == ',') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                hash = WordHash.Append(WordHash.Append(hash, text[i]), text[i + 1]);
                i += 2;
            }
            else
            {
                break;
            }
        }

        return new Token(TokenKind.Number, start, i - start, hash);
    }
}
