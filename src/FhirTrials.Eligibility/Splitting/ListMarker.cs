namespace FhirTrials.Eligibility.Splitting;

/// <summary>Kinds of list markers.</summary>
internal enum MarkerKind
{
    Bullet,
    Number,
    Letter,
    Roman,
    Circled,

    /// <summary>A number glued to the text without punctuation ("1moderate ... 218 to 65 years").</summary>
    Glued,
}

/// <summary>A list marker at the start of a line: "*", "-", "•", "1.", "1)", "(1)", "7 .", "a.", "ii)", "①".</summary>
internal readonly record struct ListMarker(MarkerKind Kind, int Value, string Raw)
{
    private const string Bullets = "*-•·+▪◦●○‣⁃■□➢►✓–—";

    /// <summary>Each bullet character as a string, so a bullet marker costs no allocation.</summary>
    private static readonly string[] BulletStrings = [.. Bullets.Select(c => c.ToString())];

    /// <summary>Reads the marker at the start of <paramref name="line"/> (already trimmed); rest is the text after it.</summary>
    public static bool TryParse(string line, out ListMarker marker, out string rest)
    {
        marker = default;
        rest = line;
        if (line.Length == 0)
        {
            return false;
        }

        int length;
        if ((length = NumberMarker(line, out var number)) > 0)
        {
            marker = new ListMarker(MarkerKind.Number, number, RawText(line, length));
        }
        else if ((length = RomanOrLetterMarker(line, out var kind, out var value)) > 0)
        {
            marker = new ListMarker(kind, value, RawText(line, length));
        }
        else if ((length = BulletMarker(line)) > 0)
        {
            marker = new ListMarker(MarkerKind.Bullet, 0, RawText(line, length));
        }
        else if (line[0] is >= '\u2460' and <= '\u2473')
        {
            length = SkipSpaces(line, 1);
            marker = new ListMarker(MarkerKind.Circled, line[0] - '\u2460' + 1, line[..1]);
        }
        else if (line.Length > 1 && line[0] == '1' && char.IsAsciiLetter(line[1]))
        {
            length = 1;
            marker = new ListMarker(MarkerKind.Glued, 1, "1");
        }
        else
        {
            return false;
        }

        rest = line[length..].Trim();
        return rest.Length > 0 || marker.Kind != MarkerKind.Glued;
    }

    /// <summary>The marker as written: the first <paramref name="length"/> characters of <paramref name="line"/>, trimmed.</summary>
    private static string RawText(string line, int length)
    {
        var raw = line.AsSpan(0, length).Trim();
        var bullet = raw.Length == 1 ? Bullets.IndexOf(raw[0], StringComparison.Ordinal) : -1;
        return bullet >= 0 ? BulletStrings[bullet] : raw.ToString();
    }

    /// <summary>"1.", "12)", "(3)", "7 .", "2、": length including following spaces, or 0.</summary>
    private static int NumberMarker(string line, out int value)
    {
        value = 0;
        var i = line[0] == '(' ? 1 : 0;
        var digits = i;
        while (i < line.Length && i - digits < 3 && char.IsAsciiDigit(line[i]))
        {
            value = (value * 10) + (line[i] - '0');
            i++;
        }

        if (i == digits || i - digits > 2)
        {
            return 0;
        }

        if (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i >= line.Length || line[i] is not ('.' or ')' or '\u3001' or '\uFF0E' or '\uFF09'))
        {
            return 0;
        }

        i++;
        return i < line.Length && char.IsAsciiDigit(line[i]) ? 0 : SkipSpaces(line, i);
    }

    /// <summary>"ii)", "iv." (Roman, two letters or more) or "a.", "(b)", "A)" (letter); a letter needs a space or a capital after.</summary>
    private static int RomanOrLetterMarker(string line, out MarkerKind kind, out int value)
    {
        kind = MarkerKind.Letter;
        value = 0;
        var start = line[0] == '(' ? 1 : 0;
        var i = start;
        while (i < line.Length && i - start < 5 && char.IsAsciiLetter(line[i]))
        {
            i++;
        }

        var letters = i - start;
        if (letters == 0 || i >= line.Length || line[i] is not ('.' or ')'))
        {
            return 0;
        }

        var after = i + 1;
        var spaced = after < line.Length && char.IsWhiteSpace(line[after]);
        if (letters > 1)
        {
            kind = MarkerKind.Roman;
            return spaced && IsRoman(line.AsSpan(start, letters)) && Quantities.NumberParser.TryParseRoman(line.AsSpan(start, letters), out value)
                ? SkipSpaces(line, after)
                : 0;
        }

        value = char.ToLowerInvariant(line[start]) - 'a' + 1;
        return spaced || (after < line.Length && char.IsUpper(line[after])) ? SkipSpaces(line, after) : 0;
    }

    private static bool IsRoman(ReadOnlySpan<char> letters)
    {
        var lower = char.IsLower(letters[0]);
        foreach (var c in letters)
        {
            if ("ivxIVX".IndexOf(c) < 0 || char.IsLower(c) != lower)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"*", "-", "•", "* *": length including following spaces, or 0 (also for "**bold**").</summary>
    private static int BulletMarker(string line)
    {
        if (line.StartsWith("**", StringComparison.Ordinal))
        {
            return 0;
        }

        var i = 0;
        while (i < line.Length && Bullets.Contains(line[i], StringComparison.Ordinal))
        {
            i++;
        }

        if (i == 0)
        {
            return 0;
        }

        var end = SkipSpaces(line, i);
        return end < line.Length ? end : 0;
    }

    private static int SkipSpaces(string line, int i)
    {
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }
}
