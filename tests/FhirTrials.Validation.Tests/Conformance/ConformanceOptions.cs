using System.Text.Json;

namespace FhirTrials.Validation.Tests.Conformance;

/// <summary>
/// The validator options a manifest entry sets, mapped to <see cref="ValidatorSettings"/>: <c>examples</c>
/// (example URLs allowed, default true), <c>security-checks</c>, <c>noHtmlInMarkdown</c> and
/// <c>allow-comments</c>. Options we have no setting for are left to the disagreements file.
/// </summary>
public sealed record ConformanceOptions(bool AllowExamples = true, bool SecurityChecks = false, bool NoHtmlInMarkdown = false, bool AllowComments = false)
{
    public bool IsDefault => this == new ConformanceOptions();

    public static ConformanceOptions From(JsonElement entry) => new(
        Flag(entry, "examples") ?? true,
        Flag(entry, "security-checks") ?? false,
        Flag(entry, "noHtmlInMarkdown") ?? false,
        Flag(entry, "allow-comments") ?? false);

    public ValidatorSettings Apply(ValidatorSettings settings) => settings with
    {
        AllowExampleUrls = AllowExamples,
        SecurityChecks = SecurityChecks,
        NoHtmlInMarkdown = NoHtmlInMarkdown,
        AllowJsonComments = AllowComments,
    };

    private static bool? Flag(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
