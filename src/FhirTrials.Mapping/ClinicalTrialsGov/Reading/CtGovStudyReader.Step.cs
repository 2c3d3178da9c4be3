namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal sealed partial class CtGovStudyReader
{
    /// <summary>
    /// The order in which the parts of a study are checked and mapped, which decides the problem reported when
    /// a study has several: the sections and the modules the record needs first (including the NCT id and the
    /// MeSH codes), then each module's fields in record order. It matches the former tree-based importer.
    /// </summary>
    private enum Step
    {
        ProtocolSection,
        DerivedSection,
        IdentificationModule,
        NctId,
        StatusModule,
        SponsorsModule,
        DescriptionModule,
        ConditionsModule,
        DesignModule,
        ArmsModule,
        ContactsModule,
        ReferencesModule,
        ConditionMeshes,
        InterventionMeshes,
        Interventions,
        Identification,
        Status,
        Sponsors,
        Oversight,
        Description,
        Conditions,
        Design,
        Arms,
        Outcomes,
        Eligibility,
        Contacts,
        References,
        IpdSharing,
        HasResults,
        MiscInfo,
    }
}
