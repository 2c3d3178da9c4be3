using System.Text;

namespace FhirTrials.Validation.Tests.Engine;

/// <summary>The policy settings: example URLs, HTML in markdown and strings, JSON comments.</summary>
public sealed class ValidatorSettingsTests
{
    private const string Communication = """
        {"resourceType":"Communication","status":"completed","note":[{"text":"see <resource type>\\<id>"}],
         "payload":[{"contentString":"Standard <script>x</script>"},{"contentAttachment":{"url":"http://repository.example.org/doc"}}]}
        """;

    [Fact]
    public void ValidateJson_DefaultSettings_MarkdownHtmlIsAWarningOnly()
    {
        var result = Validate(new ValidatorSettings());

        Assert.Equal(0, result.ErrorCount);
        Assert.Single(result.Issues, i => i.RuleId == "markdown-html" && !i.IsError);
    }

    [Fact]
    public void ValidateJson_ExamplesOff_ExampleUrlIsAnError()
    {
        var result = Validate(new ValidatorSettings { AllowExampleUrls = false });

        Assert.Single(result.Issues, i => i.IsError);
        Assert.Equal("url-example", result.Issues.Single(i => i.IsError).RuleId);
    }

    [Fact]
    public void ValidateJson_NoHtmlInMarkdownAndSecurityChecks_BothAreErrors()
    {
        var result = Validate(new ValidatorSettings { NoHtmlInMarkdown = true, SecurityChecks = true });

        Assert.Equal(["markdown-html", "string-html"], result.Issues.Where(i => i.IsError).Select(i => i.RuleId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValidateJson_CommentsAllowed_OnlyWhenSet()
    {
        var json = Encoding.UTF8.GetBytes("{\"resourceType\":\"Basic\", /* c */ \"code\":{\"text\":\"x\"}}");

        Assert.Equal(1, new FhirValidator().ValidateJson(json, "b.json").ErrorCount);
        Assert.Equal(0, new FhirValidator(new ValidatorSettings { AllowJsonComments = true }).ValidateJson(json, "b.json").ErrorCount);
    }

    private static ValidationResult Validate(ValidatorSettings settings) =>
        new FhirValidator(settings).ValidateJson(Encoding.UTF8.GetBytes(Communication), "c.json");
}
