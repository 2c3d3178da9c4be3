using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.Validation.Tests.Conformance;

/// <summary>Runs one conformance case: its supporting definitions become a package searched before R4.</summary>
public static class ConformanceRunner
{
    public static ValidationResult Run(ConformanceCase testCase)
    {
        var validator = testCase.Definitions.Count == 0 ? FhirValidator.Default : new FhirValidator(new ValidatorSettings { Packages = [Package(testCase)] });
        var input = File.ReadAllBytes(Path.Combine(ConformanceCase.Root, testCase.File));
        var profiles = testCase.Profile is { } source ? [CanonicalOf(source)] : (IEnumerable<string>?)null;
        return validator.ValidateJson(input, testCase.File, profiles);
    }

    private static FhirPackage Package(ConformanceCase testCase)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["package.json"] = Encoding.UTF8.GetBytes($$"""{"name":"validator-tests.{{testCase.Name.Replace(' ', '-')}}","version":"0.0.0","fhirVersions":["4.0.1"]}"""),
        };
        foreach (var definition in testCase.Definitions.Where(d => d.EndsWith(".json", StringComparison.Ordinal)))
        {
            var path = Path.Combine(ConformanceCase.Root, definition);
            if (File.Exists(path))
            {
                files[definition.Replace('/', '_')] = File.ReadAllBytes(path);
            }
        }

        return FhirPackage.FromFiles(files, "validator-tests:" + testCase.Name);
    }

    private static string CanonicalOf(string source)
    {
        var path = Path.Combine(ConformanceCase.Root, source);
        if (!source.EndsWith(".json", StringComparison.Ordinal) || !File.Exists(path))
        {
            return "urn:unreadable-profile:" + source;
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.TryGetProperty("url", out var url) ? url.GetString()! : "urn:no-url:" + source;
    }
}
