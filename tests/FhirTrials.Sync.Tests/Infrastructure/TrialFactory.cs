using System.Text.Json.Nodes;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Testing;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// Trial records for tests: clones of the repository's example records with their own NCT ids, titles
/// and sponsors (a handful of sponsors, so trials share Organizations), made valid for the FhirTrials
/// profiles (the example records' <c>healthyVolunteers</c> code is not in the profiles' CodeSystem yet).
/// </summary>
public static class TrialFactory
{
    /// <summary>The example records that make valid trials once re-identified.</summary>
    public static readonly string[] Templates = ["NCT01741857", "NCT03765957"];

    private static readonly string[] Sponsors = ["Nanjing University", "Central South University", "Mayo Clinic", "Charité Berlin", "Karolinska Institutet"];

    private static readonly Dictionary<string, string> TemplateJson = Templates.ToDictionary(
        t => t, t => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "examples", "records", t + ".json")), StringComparer.Ordinal);

    public static string NctId(int index) => "NCT" + (90_000_000 + index).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The record JSON of trial <paramref name="index"/>, revision <paramref name="revision"/> (a new revision changes the title).</summary>
    public static string RecordJson(int index, int revision = 0, string? overallStatus = null)
    {
        var node = JsonNode.Parse(TemplateJson[Templates[index % Templates.Length]])!.AsObject();
        node["registryId"] = NctId(index);
        node["briefTitle"] = $"{node["briefTitle"]!.GetValue<string>()} (test trial {index}{(revision > 0 ? ", revision " + revision : string.Empty)})";
        node["leadSponsor"]!["name"] = Sponsors[index % Sponsors.Length];
        node["eligibility"]?.AsObject().Remove("healthyVolunteers");
        node.Remove("provenance");
        if (overallStatus is not null)
        {
            node["status"]!["overallStatus"] = overallStatus;
        }

        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public static TrialRecord Record(int index, int revision = 0) => TrialRecordReader.Parse(RecordJson(index, revision), NctId(index) + ".json");

    /// <summary>Writes trials <paramref name="from"/>..<paramref name="from"/>+<paramref name="count"/>-1 into <paramref name="folder"/> as <c>&lt;id&gt;.json</c>.</summary>
    public static void Write(string folder, int from, int count, int revision = 0)
    {
        Directory.CreateDirectory(folder);
        for (var i = from; i < from + count; i++)
        {
            File.WriteAllText(PathOf(folder, i), RecordJson(i, revision));
        }
    }

    public static string PathOf(string folder, int index) => Path.Combine(folder, NctId(index) + ".json");

    /// <summary>The bundle the mapper makes of trial <paramref name="index"/> (what the server must end up with).</summary>
    public static FhirTrials.Fhir.Model.Bundle Bundle(int index, int revision = 0) => TrialBundleMapper.Default.Map(Record(index, revision));

    /// <summary>
    /// A record that cannot be sent: its sponsor name is empty, which FHIR cannot carry (the mapper refuses
    /// it; a missing sponsor no longer makes an invalid trial since the mapper writes data-absent-reason).
    /// </summary>
    public static string InvalidRecordJson(int index)
    {
        var node = JsonNode.Parse(RecordJson(index))!.AsObject();
        node["leadSponsor"]!["name"] = string.Empty;
        return node.ToJsonString();
    }
}
