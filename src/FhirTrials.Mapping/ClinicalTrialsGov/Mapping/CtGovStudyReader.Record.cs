using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The record put together from the parts of a study that had no problem.</summary>
internal sealed partial class CtGovStudyReader
{
    private static TrialRecord Build(ProtocolParts protocol, DerivedParts derived, bool? hasResults)
    {
        var identification = protocol.Identification!;
        var attached = MeshAttachment.ToInterventions(protocol.Arms?.Interventions, derived.InterventionMeshes);
        return identification with
        {
            Status = protocol.Status?.Status,
            Dates = protocol.Status?.Dates,
            LeadSponsor = protocol.Sponsors?.Lead,
            Collaborators = protocol.Sponsors?.Collaborators,
            ResponsibleParty = protocol.Sponsors?.Party,
            Oversight = protocol.Oversight,
            BriefSummary = protocol.Description?.Summary,
            DetailedDescription = protocol.Description?.Detailed,
            Conditions = MeshAttachment.ToConditions(protocol.Conditions?.Conditions, derived.ConditionMeshes),
            Keywords = protocol.Conditions?.Keywords,
            StudyType = protocol.Design?.Type,
            Phases = protocol.Design?.Phases,
            Design = protocol.Design?.Design,
            Enrollment = protocol.Design?.Enrollment,
            Arms = protocol.Arms?.Groups,
            Interventions = attached.Interventions,
            InterventionCodes = attached.Unattached,
            Outcomes = protocol.Outcomes,
            Eligibility = protocol.Eligibility,
            CentralContacts = protocol.Contacts?.Central,
            OverallOfficials = protocol.Contacts?.Officials,
            Locations = protocol.Contacts?.Locations,
            References = protocol.References?.References,
            SeeAlsoLinks = protocol.References?.Links,
            AvailableIpds = protocol.References?.Ipds,
            IpdSharing = protocol.IpdSharing,
            HasResults = hasResults,
            Provenance = new Provenance
            {
                Source = SourceName,
                SourceReference = $"https://clinicaltrials.gov/study/{identification.RegistryId}",
                LastUpdate = protocol.Status?.Dates?.LastUpdatePosted?.Date,
                DataVersion = derived.VersionHolder,
            },
        };
    }
}
