namespace FhirTrials.Eligibility.Text;

/// <summary>Splits mapped text (see <see cref="ScanText"/>) into <see cref="Token"/>s.</summary>
internal static class Tokenizer
{
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(8, text.Length / 4));
        Tokenize(text, tokens);
        return [.. tokens];
    }

    public static void Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                    || (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, start, i - start));
            }
            else if (char.IsAsciiDigit(c))
            {
                i++;
                while (i < text.Length)
                {
                    if (char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                    else if ((text[i] == '.' || text[i] == ',') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(new Token(TokenKind.Number, start, i - start));
            }
            else
            {
                tokens.Add(new Token(TokenKind.Symbol, start, 1));
                i++;
            }
        }
    }
}
