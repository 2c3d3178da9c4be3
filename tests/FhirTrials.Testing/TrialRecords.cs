using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirTrials.Testing;

/// <summary>
/// Trial record files for tests and benchmarks: clones of the repository's example records with their own
/// NCT ids, titles and sponsors (a handful of sponsors, so trials share Organizations), made valid for the
/// FhirTrials profiles (the example records' <c>healthyVolunteers</c> code is not in the profiles' CodeSystem yet).
/// </summary>
public static class TrialRecords
{
    /// <summary>The example records that make valid trials once re-identified.</summary>
    public static readonly string[] Templates = ["NCT01741857", "NCT03765957"];

    private static readonly string[] Sponsors = ["Nanjing University", "Central South University", "Mayo Clinic", "Charité Berlin", "Karolinska Institutet"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Dictionary<string, string> TemplateJson = Templates.ToDictionary(
        t => t, t => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "examples", "records", t + ".json")), StringComparer.Ordinal);

    public static string NctId(int index) => "NCT" + (90_000_000 + index).ToString("D8", CultureInfo.InvariantCulture);

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

        return node.ToJsonString(Indented);
    }

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
}
