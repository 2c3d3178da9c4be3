using System.Text.Json;
using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Tests.Support;

/// <summary>The eligibility fields of a ClinicalTrials.gov v2 record from tests/fixtures.</summary>
internal sealed record CtgovRecord(string NctId, string Criteria, EligibilityContext Context)
{
    public static CtgovRecord Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var protocol = document.RootElement.GetProperty("protocolSection");
        var id = protocol.GetProperty("identificationModule").GetProperty("nctId").GetString()!;
        var module = protocol.GetProperty("eligibilityModule");
        return new CtgovRecord(
            id,
            module.TryGetProperty("eligibilityCriteria", out var criteria) ? criteria.GetString() ?? "" : "",
            new EligibilityContext(Text(module, "minimumAge"), Text(module, "maximumAge"), Text(module, "sex")));
    }

    public static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.CtgovV2, "*.json").OrderBy(f => f, StringComparer.Ordinal);

    private static string? Text(JsonElement module, string name) =>
        module.TryGetProperty(name, out var value) ? value.GetString() : null;
}
