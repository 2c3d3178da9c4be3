using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Tests.Text;

/// <summary>The per-token hash and the word tables the phrase tries and word lists look words up in.</summary>
public class WordTableTests
{
    [Fact]
    public void Of_StringsEqualIgnoringCase_HashAlike()
    {
        var failures = new List<string>();
        for (var c = 0; c < 0x10000; c++)
        {
            if (c is >= 0xD800 and < 0xE000)
            {
                continue;
            }

            var text = "x" + (char)c + "y";
            foreach (var other in new[] { text.ToUpperInvariant(), text.ToLowerInvariant() })
            {
                if (string.Equals(text, other, StringComparison.OrdinalIgnoreCase) && WordHash.Of(text) != WordHash.Of(other))
                {
                    failures.Add($"U+{c:X4}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("platelets")]
    [InlineData("Boxes")]
    [InlineData("µmol")]
    [InlineData("a")]
    public void RemoveLast_HashOfText_IsHashWithoutLastCharacter(string text) =>
        Assert.Equal(WordHash.Of(text.AsSpan(0, text.Length - 1)), WordHash.RemoveLast(WordHash.Of(text), text[^1]));

    [Fact]
    public void Tokenize_AnyText_EachTokenCarriesTheHashOfItsText()
    {
        var t = new TokenText("Patients' ECOG ≥ 2, 1.5×ULN; naïve O'Brien µmol/L (12,000/mm³) 女性");
        Assert.NotEmpty(t.Tokens);
        Assert.All(Enumerable.Range(0, t.Count), i => Assert.Equal(WordHash.Of(t.Span(i)), t.Tokens[i].Hash));
    }

    [Fact]
    public void IndexOf_WordInAnyCase_FindsItsNumber()
    {
        var table = new WordTable(["weeks", "Months", "µg", "ÉTAT"]);
        Assert.Equal(0, Find(table, "WEEKS"));
        Assert.Equal(1, Find(table, "months"));
        Assert.Equal(2, Find(table, "µG"));
        Assert.Equal(3, Find(table, "état"));
    }

    [Theory]
    [InlineData("week")]
    [InlineData("weeksx")]
    [InlineData("")]
    [InlineData("mg")]
    public void IndexOf_AbsentWord_ReturnsMinusOne(string word) =>
        Assert.Equal(-1, Find(new WordTable(["weeks", "µg"]), word));

    [Fact]
    public void Add_CaseVariantOfAWord_ReturnsTheExistingNumber()
    {
        var table = new WordTable(["Day"]);
        Assert.Equal(0, table.Add("DAY"));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Add_ManyWords_AllFoundAfterGrowing()
    {
        var words = Enumerable.Range(0, 5000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = new WordTable(words);
        var missing = words.Where((w, i) => Find(table, w.ToUpperInvariant()) != i).ToList();
        Assert.Empty(missing);
        Assert.Equal(-1, Find(table, "w5000"));
    }

    [Fact]
    public void Contains_TokenOfAText_LooksUpThatToken()
    {
        var t = new TokenText("Within 4 WEEKS of screening");
        var table = new WordTable(["weeks", "within"]);
        Assert.Equal([true, false, true, false, false], Enumerable.Range(0, t.Count).Select(i => table.Contains(t, i)));
        Assert.False(table.Contains(t, t.Count));
    }

    private static int Find(WordTable table, string word) => table.IndexOf(word, WordHash.Of(word));
}
