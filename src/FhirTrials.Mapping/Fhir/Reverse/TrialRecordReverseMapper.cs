using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// FHIR → trial record: the reverse of <see cref="TrialBundleMapper"/>, from a transaction Bundle or from
/// the resources of a study pulled from a server. Mapping a record and reversing it gives the record
/// back (docs/mapping.md lists what FHIR written by others can lack). Thread-safe.
/// </summary>
public sealed class TrialRecordReverseMapper
{
    private readonly MappingTables _tables;

    public TrialRecordReverseMapper(MappingTables? tables = null) => _tables = tables ?? MappingTables.Default;

    public static TrialRecordReverseMapper Default { get; } = new();

    /// <summary>The record of the single ResearchStudy in <paramref name="bundle"/>.</summary>
    public TrialRecord Reverse(Bundle bundle)
    {
        var records = ReverseAll(bundle);
        return records.Count == 1
            ? records[0]
            : throw new TrialReverseMappingException($"the bundle holds {records.Count} ResearchStudy resources; expected exactly one");
    }

    /// <summary>The record of every ResearchStudy in <paramref name="bundle"/>, in entry order.</summary>
    public IReadOnlyList<TrialRecord> ReverseAll(Bundle bundle)
    {
        var resources = ResourceSet.FromBundle(bundle);
        return [.. resources.Resources.OfType<ResearchStudy>().Select(study => Reverse(study, resources))];
    }

    /// <summary>The record of <paramref name="study"/>, resolving its references among <paramref name="resources"/>.</summary>
    public TrialRecord Reverse(ResearchStudy study, ResourceSet resources)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(resources);
        var context = new ReverseContext(study, resources, _tables, MappingTerminology.Default);
        var record = StudyReverse.Build(context);
        var json = JsonSerializer.SerializeToNode(record, TrialRecordJsonContext.Default.TrialRecord)!.AsObject();
        foreach (var (path, patch) in context.Patches)
        {
            JsonMerge.Into(JsonMerge.At(json, path), patch);
        }

        var source = $"ResearchStudy/{study.Id}";
        try
        {
            return TrialRecordReader.Parse(json.ToJsonString(TrialRecordJsonContext.Default.Options), source);
        }
        catch (TrialRecordFormatException exception)
        {
            throw new TrialReverseMappingException($"{source}: the registry fields do not form a valid record: {exception.Message}", exception);
        }
    }
}
