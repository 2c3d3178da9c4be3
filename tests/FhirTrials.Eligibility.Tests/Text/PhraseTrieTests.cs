using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Tests.Text;

/// <summary>Longest-match lookup of token phrases, with the plural and hyphen rules.</summary>
public class PhraseTrieTests
{
    [Theory]
    [InlineData("Platelet counts of 100", "count", 2)]
    [InlineData("PLATELETS below", "platelet", 1)]
    [InlineData("platelet boxes", "box", 2)]
    [InlineData("platelet-count", "count", 3)]
    [InlineData("plat count", null, 0)]
    public void Match_Phrase_LongestEntryAndEnd(string text, string? expected, int expectedEnd)
    {
        var trie = new PhraseTrie<string>();
        trie.Add("platelet", "platelet");
        trie.Add("platelet count", "count");
        trie.Add("platelet box", "box");
        trie.Freeze();

        var entries = trie.Match(new TokenText(text), 0, out var end);

        Assert.Equal(expected, entries?[0].Value);
        Assert.Equal(expectedEnd, end);
    }

    [Theory]
    [InlineData("ULN", true)]
    [InlineData("uln", false)]
    public void Match_CaseSensitiveEntry_NeedsExactCase(string text, bool found)
    {
        var trie = new PhraseTrie<bool>();
        trie.Add("ULN", true, caseSensitive: true);
        trie.Freeze();

        Assert.Equal(found, trie.Match(new TokenText(text), 0, out _) is not null);
    }
}
