namespace FhirTrials.Fhir.Serialization;

/// <summary>The JSON number grammar (RFC 8259), which FHIR's integer and decimal lexical forms follow.</summary>
public static class JsonNumber
{
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else if (char.IsAsciiDigit(text[i]))
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        else
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool SkipDigits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }
}
