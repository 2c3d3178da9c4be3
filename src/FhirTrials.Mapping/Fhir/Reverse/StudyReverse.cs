using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

/// <summary>ResearchStudy (and the resources it points to) → trial record: the FHIR elements; registry-fields are merged afterwards.</summary>
internal static partial class StudyReverse
{
    public static TrialRecord Build(ReverseContext context)
    {
        var study = context.Study;
        context.Keep<TrialRecord>(study);
        var (interventions, interventionCodes) = Interventions(context);
        var record = new TrialRecord
        {
            RecordVersion = TrialRecord.CurrentVersion,
            RegistryId = RegistryId(study),
            RegistryIdAliases = NullIfEmpty(study.Identifier.Where(i => i.System == SystemUris.NctId && i.Use == IdentifierUse.Old).Select(i => i.Value!)),
            OrgStudyId = StudyIdentifiers(context, "orgStudyId").FirstOrDefault(),
            SecondaryIds = NullIfEmpty(StudyIdentifiers(context, "secondaryIds")),
            BriefTitle = study.Title,
            OfficialTitle = Label(context, "officialTitle"),
            Acronym = Label(context, "acronym"),
            Status = Status(context),
            Dates = Dates(context),
            LeadSponsor = Organizations(context, "leadSponsor").FirstOrDefault(),
            Collaborators = NullIfEmpty(Organizations(context, "collaborators")),
            BriefSummary = (study.GetExtensionValue(ExtensionUrls.DescriptionSummary) as Markdown)?.Value,
            DetailedDescription = study.Description,
            Conditions = NullIfEmpty(study.Condition.Select(c => new CodedText { Text = c.Text, Codes = Concepts.ToRecordCodes(c) })),
            Keywords = NullIfEmpty(study.Keyword.Select(k => k.Text).OfType<string>()),
            StudyType = study.Category.Select(c => Concepts.ToTable(context.Tables.StudyType, c)).FirstOrDefault(t => t is not null),
            Phases = Phases(context),
            Design = Design(context),
            Enrollment = Enrollment(study),
            Arms = Arms(context),
            Interventions = interventions,
            InterventionCodes = interventionCodes,
            FollowUp = FollowUp(context),
            FollowUpDuration = FollowUpDuration(context),
            Outcomes = Outcomes(context),
            Eligibility = Eligibility(context),
            CentralContacts = CentralContacts(context),
            OverallOfficials = Officials(context),
            Locations = Locations(context),
            References = References(context),
            SeeAlsoLinks = SeeAlsoLinks(context),
        };
        return record;
    }

    private static string RegistryId(ResearchStudy study) =>
        study.Identifier.FirstOrDefault(i => i.System == SystemUris.NctId && i.Use != IdentifierUse.Old)?.Value
        ?? throw new TrialReverseMappingException($"ResearchStudy/{study.Id}: no identifier with system {SystemUris.NctId}");

    private static IReadOnlyList<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count > 0 ? list : null;
    }

    /// <summary>The values of the R5 complex extensions with <paramref name="url"/>, as (sub-extension name → value) lookups.</summary>
    private static IEnumerable<Extension> Complex(IExtendable element, string url) => element.GetExtensions(url);

    private static DataType? Part(Extension complex, string name) => complex.GetExtensionValue(name);
}
