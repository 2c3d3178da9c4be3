namespace FhirTrials.Eligibility.Matching.Knowledge;

/// <summary>What a qualitative result says.</summary>
internal enum ResultReading
{
    None,
    Positive,
    Negative,
    Indeterminate,
}

/// <summary>Result codes and words (results.json).</summary>
internal sealed class ResultCodes(
    IReadOnlySet<CodeKey> positive,
    IReadOnlySet<CodeKey> negative,
    IReadOnlySet<CodeKey> indeterminate,
    IReadOnlySet<string> positiveWords,
    IReadOnlySet<string> negativeWords)
{
    public ResultReading Read(CodeKey code) =>
        positive.Contains(code) ? ResultReading.Positive
        : negative.Contains(code) ? ResultReading.Negative
        : indeterminate.Contains(code) ? ResultReading.Indeterminate
        : ResultReading.None;

    public ResultReading ReadWord(string text)
    {
        var word = text.Trim();
        return positiveWords.Contains(word) ? ResultReading.Positive
            : negativeWords.Contains(word) ? ResultReading.Negative
            : ResultReading.None;
    }
}
