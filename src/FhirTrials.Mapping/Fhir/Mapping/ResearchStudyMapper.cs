using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Trial record → ResearchStudy (with the Organizations, Practitioners and Locations it points to).</summary>
internal static partial class ResearchStudyMapper
{
    /// <summary>Record properties mapped to FHIR elements; the rest stays in the registry-fields extension.</summary>
    private static readonly HashSet<string> Mapped = new(StringComparer.Ordinal)
    {
        "recordVersion", "registryId", "registryIdAliases", "orgStudyId", "secondaryIds", "briefTitle", "officialTitle", "acronym",
        "dates", "leadSponsor", "collaborators", "briefSummary", "detailedDescription", "conditions", "keywords", "studyType",
        "arms", "interventions", "interventionCodes", "followUp", "outcomes", "eligibility", "centralContacts",
        "overallOfficials", "locations", "references", "seeAlsoLinks",
    };

    public static ResearchStudy Map(TrialMappingContext context, bool hasProtocol)
    {
        var record = context.Record;
        var study = new ResearchStudy { Id = context.Keys.Study, Meta = Elements.Meta(Profiles.ResearchStudy) };
        Identification(context, study);
        Status(context, study);
        Design(context, study);
        Description(context, study);
        Parties(context, study);
        ArmsAndOutcomes(context, study);
        Sites(context, study);
        References(context, study);
        if (hasProtocol)
        {
            study.Protocol.Add(context.ReferenceTo("PlanDefinition", context.Keys.Protocol));
        }

        if (record.Eligibility is not null)
        {
            study.Enrollment.Add(context.ReferenceTo("Group", context.Keys.Eligibility));
        }

        RegistryFields.Add(study, Residual(context), Mapped);
        context.Bundle.Update(study, context.Keys.FullUrl("ResearchStudy", study.Id), BundleBuilder.IdentifierSearch(SystemUris.NctId, record.RegistryId));
        return study;
    }

    /// <summary>The record with the parts FHIR elements hold exactly set to null.</summary>
    private static TrialRecord Residual(TrialMappingContext context)
    {
        var record = context.Record;
        return record with
        {
            Status = record.Status is { } status ? status with { WhyStopped = null } : null,
            Phases = PhaseIsMapped(context) ? null : record.Phases,
            Design = record.Design is { } design ? DesignResidual(design) : null,
            Enrollment = EnrollmentIsMapped(record.Enrollment) ? null : record.Enrollment,
            FollowUpDuration = ProtocolMapper.FollowUpDurationIsMapped(record) ? null : record.FollowUpDuration,
        };
    }
}
