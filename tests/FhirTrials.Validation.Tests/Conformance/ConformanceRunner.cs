using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.Packages;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Validation.Tests.Conformance;

/// <summary>Runs one conformance case: its supporting definitions (JSON, or XML converted to JSON) become a package searched before R4.</summary>
public static class ConformanceRunner
{
    public static ValidationResult Run(ConformanceCase testCase)
    {
        var validator = testCase.Definitions.Count == 0 && testCase.Options.IsDefault
            ? FhirValidator.Default
            : new FhirValidator(testCase.Options.Apply(new ValidatorSettings { Packages = testCase.Definitions.Count == 0 ? [] : [Package(testCase)] }));
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
        foreach (var definition in testCase.Definitions)
        {
            if (Read(definition) is { } json)
            {
                files[Path.ChangeExtension(definition.Replace('/', '_'), ".json")] = json;
            }
        }

        return FhirPackage.FromFiles(files, "validator-tests:" + testCase.Name);
    }

    private static string CanonicalOf(string source)
    {
        if (Read(source) is not { } json)
        {
            return "urn:unreadable-profile:" + source;
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("url", out var url) ? url.GetString()! : "urn:no-url:" + source;
    }

    /// <summary>A definition file as FHIR JSON (XML ones converted); null when it is missing or in another format.</summary>
    private static byte[]? Read(string definition)
    {
        var path = Path.Combine(ConformanceCase.Root, definition);
        if (!File.Exists(path))
        {
            return null;
        }

        return Path.GetExtension(definition) switch
        {
            ".json" => File.ReadAllBytes(path),
            ".xml" => FhirXmlConverter.ToJson(File.ReadAllBytes(path), definition),
            _ => null,
        };
    }
}
