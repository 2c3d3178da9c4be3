using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The protocol section: which module goes where, and the record built from the parts.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames ProtocolNames = CtFieldNames.Of(typeof(ProtocolModule));

    private enum ProtocolModule
    {
        IdentificationModule,
        StatusModule,
        SponsorCollaboratorsModule,
        OversightModule,
        DescriptionModule,
        ConditionsModule,
        DesignModule,
        ArmsInterventionsModule,
        OutcomesModule,
        EligibilityModule,
        ContactsLocationsModule,
        ReferencesModule,
        IpdSharingStatementModule,
    }

    private ProtocolParts ReadProtocol(ref Utf8JsonReader reader)
    {
        var parts = new ProtocolParts();
        var scope = Enter(ProtocolNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((ProtocolModule)field)
            {
                case ProtocolModule.IdentificationModule:
                    _nctId = null;
                    parts.Identification = Section(ref reader, Step.IdentificationModule) ? ReadIdentification(ref reader) : null;
                    break;
                case ProtocolModule.StatusModule:
                    parts.Status = Module(ref reader, Step.StatusModule, Step.Status) ? ReadStatus(ref reader) : null;
                    break;
                case ProtocolModule.SponsorCollaboratorsModule:
                    parts.Sponsors = Module(ref reader, Step.SponsorsModule, Step.Sponsors) ? ReadSponsors(ref reader) : null;
                    break;
                case ProtocolModule.OversightModule:
                    parts.Oversight = Section(ref reader, Step.Oversight) ? ReadOversight(ref reader) : null;
                    break;
                case ProtocolModule.DescriptionModule:
                    parts.Description = Module(ref reader, Step.DescriptionModule, Step.Description) ? ReadDescription(ref reader) : null;
                    break;
                case ProtocolModule.ConditionsModule:
                    parts.Conditions = Module(ref reader, Step.ConditionsModule, Step.Conditions) ? ReadConditions(ref reader) : null;
                    break;
                case ProtocolModule.DesignModule:
                    parts.Design = Module(ref reader, Step.DesignModule, Step.Design) ? ReadDesign(ref reader) : null;
                    break;
                case ProtocolModule.ArmsInterventionsModule:
                    parts.Arms = Section(ref reader, Step.ArmsModule) ? ReadArms(ref reader) : null;
                    break;
                case ProtocolModule.OutcomesModule:
                    parts.Outcomes = Section(ref reader, Step.Outcomes) ? ReadOutcomes(ref reader) : null;
                    break;
                case ProtocolModule.EligibilityModule:
                    parts.Eligibility = Section(ref reader, Step.Eligibility) ? ReadEligibility(ref reader) : null;
                    break;
                case ProtocolModule.ContactsLocationsModule:
                    parts.Contacts = Module(ref reader, Step.ContactsModule, Step.Contacts) ? ReadContacts(ref reader) : null;
                    break;
                case ProtocolModule.ReferencesModule:
                    parts.References = Module(ref reader, Step.ReferencesModule, Step.References) ? ReadReferences(ref reader) : null;
                    break;
                default:
                    parts.IpdSharing = Section(ref reader, Step.IpdSharing) ? ReadIpdSharing(ref reader) : null;
                    break;
            }
        }

        if (parts.Identification is null)
        {
            Missing(ref scope, (int)ProtocolModule.IdentificationModule, Step.IdentificationModule, "required module is missing");
        }

        return parts;
    }

    /// <summary>The parts of the protocol section, each null when its module is absent.</summary>
    private sealed class ProtocolParts
    {
        public TrialRecord? Identification { get; set; }

        public (TrialStatus Status, TrialDates? Dates)? Status { get; set; }

        public (OrganizationRef? Lead, List<OrganizationRef>? Collaborators, ResponsibleParty? Party)? Sponsors { get; set; }

        public Oversight? Oversight { get; set; }

        public (string? Summary, string? Detailed)? Description { get; set; }

        public (List<string>? Conditions, List<string>? Keywords)? Conditions { get; set; }

        public (StudyType? Type, List<Phase>? Phases, StudyDesign? Design, Enrollment? Enrollment)? Design { get; set; }

        public (List<Intervention>? Interventions, List<ArmGroup>? Groups)? Arms { get; set; }

        public Outcomes? Outcomes { get; set; }

        public Records.Eligibility? Eligibility { get; set; }

        public (List<Contact>? Central, List<Official>? Officials, List<Location>? Locations)? Contacts { get; set; }

        public (List<Reference>? References, List<SeeAlsoLink>? Links, List<AvailableIpd>? Ipds)? References { get; set; }

        public IpdSharingStatement? IpdSharing { get; set; }
    }
}
