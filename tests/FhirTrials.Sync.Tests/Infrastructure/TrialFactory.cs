using System.Text.Json.Nodes;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Testing;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// Trial records for the sync tests (<see cref="TrialRecords"/>: clones of the example records with their
/// own NCT ids, titles and sponsors), the records and bundles they parse and map to, and a record that
/// cannot be sent.
/// </summary>
public static class TrialFactory
{
    public static string NctId(int index) => TrialRecords.NctId(index);

    /// <inheritdoc cref="TrialRecords.RecordJson"/>
    public static string RecordJson(int index, int revision = 0, string? overallStatus = null) => TrialRecords.RecordJson(index, revision, overallStatus);

    /// <inheritdoc cref="TrialRecords.Write"/>
    public static void Write(string folder, int from, int count, int revision = 0) => TrialRecords.Write(folder, from, count, revision);

    public static string PathOf(string folder, int index) => TrialRecords.PathOf(folder, index);

    public static TrialRecord Record(int index, int revision = 0) => TrialRecordReader.Parse(RecordJson(index, revision), NctId(index) + ".json");

    /// <summary>The bundle the mapper makes of trial <paramref name="index"/> (what the server must end up with).</summary>
    public static FhirTrials.Fhir.Model.Bundle Bundle(int index, int revision = 0) => TrialBundleMapper.Default.Map(Record(index, revision));

    /// <summary>
    /// A record the profiles reject: its registry id is not NCT + 8 digits (<see cref="MalformedNctId"/>),
    /// which breaks ResearchStudy constraint ft-rs-2. (A record without a sponsor no longer does: the mapper
    /// fills the required ResearchStudy.sponsor with a data-absent-reason, as the profiles allow.)
    /// </summary>
    public static string InvalidRecordJson(int index)
    {
        var node = JsonNode.Parse(RecordJson(index))!.AsObject();
        node["registryId"] = MalformedNctId(index);
        return node.ToJsonString();
    }

    /// <summary>The registry id of <see cref="InvalidRecordJson"/>: NCT and 7 digits.</summary>
    public static string MalformedNctId(int index) => "NCT" + (9_000_000 + index).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
