using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Maps a trial record to one transaction Bundle: ResearchStudy, PlanDefinition (protocol),
/// ActivityDefinitions (interventions, dose groups), Group (eligibility), Organizations (sponsor,
/// collaborators, affiliations), Locations (sites), Practitioners and PractitionerRoles (officials).
/// Ids, fullUrls and output bytes are deterministic. Thread-safe; see docs/mapping.md.
/// </summary>
public sealed class TrialBundleMapper
{
    private readonly MappingTables _tables;

    public TrialBundleMapper(MappingTables? tables = null) => _tables = tables ?? MappingTables.Default;

    /// <summary>A mapper with the default tables.</summary>
    public static TrialBundleMapper Default { get; } = new();

    /// <summary>The transaction Bundle of <paramref name="record"/>; throws <see cref="TrialMappingException"/> naming the field that cannot be mapped.</summary>
    public Bundle Map(TrialRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordChecks.NoEmptyStrings(record);
        var context = new TrialMappingContext(record, _tables, MappingTerminology.Default);
        var hasProtocol = ProtocolMapper.HasProtocol(record);
        ResearchStudyMapper.Map(context, hasProtocol);
        if (hasProtocol)
        {
            var links = new ArmLinks(record, _tables);
            var definitions = InterventionMapper.Map(context);
            ProtocolMapper.Map(context, links, definitions);
        }

        if (record.Eligibility is { } eligibility)
        {
            EligibilityGroupMapper.Map(context, eligibility);
        }

        return context.Bundle.Build();
    }

    /// <summary>The Bundle of <paramref name="record"/> as FHIR JSON (UTF-8).</summary>
    public byte[] MapToJson(TrialRecord record, bool indented = false) => PooledJson.Serialize(Map(record), indented, newline: false);
}
