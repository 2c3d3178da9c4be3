using System.Text.Json;
using FhirTrials.Testing;

namespace FhirTrials.Validation.Tests.Conformance;

/// <summary>
/// One run of the HL7 validator test cases (FHIR/fhir-test-cases, tests/fixtures/validator-tests):
/// an input validated against its base definitions, or against a profile, with the number of errors
/// the HL7 (Java) validator reports. <see cref="Excluded"/> says why a run is left out of the figures.
/// </summary>
public sealed record ConformanceCase(string Name, string File, string? Module, IReadOnlyList<string> Definitions, string? Profile, int ExpectedErrors, string ExpectedOutcome, string? Excluded)
{
    /// <summary>The validator options the manifest sets for this case (examples, security-checks…).</summary>
    public ConformanceOptions Options { get; init; } = new();

    public static string Root => TestPaths.Fixture("validator-tests");

    public override string ToString() => Profile is null ? Name : $"{Name} [profile]";

    /// <summary>
    /// Every R4 JSON case without packages (manifest-r4-json-nopackages.json), base and profile runs.
    /// Excluded: cases of the terminology modules (tx, tx-advanced), cases whose expected outcome was
    /// produced with a terminology server (an issue carries operationoutcome-issue-server), and cases
    /// without an expected outcome file.
    /// </summary>
    public static IReadOnlyList<ConformanceCase> Load()
    {
        using var manifest = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Root, "manifest-r4-json-nopackages.json")));
        using var index = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Root, "index-r4.json")));
        var expected = index.RootElement.EnumerateArray().ToList();
        var entries = manifest.RootElement.GetProperty("test-cases").EnumerateArray().ToList();
        var cases = new List<ConformanceCase>();
        for (var i = 0; i < entries.Count; i++)
        {
            // index-r4.json digests the manifest entry by entry, in the same order (names repeat).
            var entry = entries[i];
            var name = entry.GetProperty("name").GetString()!;
            var file = entry.GetProperty("file").GetString()!;
            var module = entry.TryGetProperty("module", out var m) ? m.GetString() : null;
            var definitions = Strings(entry, "supporting").Concat(Strings(entry, "profiles")).ToList();
            var digest = expected[i];
            var options = ConformanceOptions.From(entry);
            cases.Add(Create(name, file, module, definitions, null, digest.TryGetProperty("javaExpected", out var java) ? java : null, entry.TryGetProperty("java", out var inline) ? inline.GetRawText() : null) with { Options = options });
            if (entry.TryGetProperty("profile", out var profile) && profile.TryGetProperty("source", out var source))
            {
                var profileDefinitions = definitions.Append(source.GetString()!).Concat(Strings(profile, "supporting")).Distinct(StringComparer.Ordinal).ToList();
                var profileExpected = digest.TryGetProperty("profile", out var p) && p.TryGetProperty("javaExpected", out var pj) ? pj : (JsonElement?)null;
                cases.Add(Create(name, file, module, profileDefinitions, source.GetString(), profileExpected, profile.TryGetProperty("java", out var pInline) ? pInline.GetRawText() : null) with { Options = options });
            }
        }

        return cases;
    }

    private static ConformanceCase Create(string name, string file, string? module, List<string> definitions, string? profile, JsonElement? java, string? inlineOutcome)
    {
        string? excluded = null;
        var errors = 0;
        var outcome = string.Empty;
        if (java is not { ValueKind: JsonValueKind.Object } j || !j.TryGetProperty("errors", out var e))
        {
            excluded = "no expected outcome from the HL7 validator";
        }
        else
        {
            errors = e.GetInt32();
            outcome = j.GetProperty("outcomeFile").GetString()!;
            if (module is "tx" or "tx-advanced")
            {
                excluded = "terminology module (needs a terminology server)";
            }
            else if ((outcome == "inline" ? inlineOutcome ?? string.Empty : System.IO.File.ReadAllText(Path.Combine(Root, outcome))).Contains("operationoutcome-issue-server", StringComparison.Ordinal))
            {
                excluded = "the expected outcome was produced with a terminology server";
            }
        }

        return new ConformanceCase(name, file, module, definitions, profile, errors, outcome, excluded);
    }

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString()!).Where(v => v is not null)
            : [];
}
