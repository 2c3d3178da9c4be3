using FhirTrials.Server.Indexing;

namespace FhirTrials.Server.Tests.Indexing;

public sealed class StringNormalizerTests
{
    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("HÔPITAL Saint-Louis", "hopital saint-louis")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æsir Œuvre", "aesir oeuvre")]
    [InlineData("Østergaard Łódź", "ostergaard lodz")]
    [InlineData("Nguyễn Văn", "nguyen van")]
    [InlineData("  two   spaces\tand\ttabs ", "two spaces and tabs")]
    [InlineData("e\u0301cole", "ecole")]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("日本語", "日本語")]
    public void Normalize_FoldsCaseAccentsAndSpace(string input, string expected) =>
        Assert.Equal(expected, StringNormalizer.Normalize(input));
}
