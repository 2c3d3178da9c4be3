using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>Fields that only some kinds of study carry: unknown status, observational design, IPD sharing, partial records.</summary>
public sealed class CtGovStudyVariantsTests
{
    private static TrialRecord Import(string nctId) => Assert.Single(CtGovImporter.ImportFile(RepositoryPaths.CtGovFile(nctId)));

    [Fact]
    public void Import_NCT02240823_KeepsUnknownStatusPartialDatesSponsorsAndReferences()
    {
        var record = Import("NCT02240823");

        Assert.Equal((OverallStatus.Unknown, OverallStatus.ActiveNotRecruiting), (record.Status!.OverallStatus, record.Status.LastKnownStatus));
        Assert.Equal(new TrialDate { Date = "2014-04" }, record.Dates!.Start);
        Assert.Equal(new TrialDate { Date = "2016-09", Type = DateType.Estimated }, record.Dates.Completion);
        Assert.Equal(new OrganizationRef { Name = "Martha Haahr M.D", Class = AgencyClass.Other }, record.LeadSponsor);
        Assert.Equal(new OrganizationRef { Name = "Odense University Hospital", Class = AgencyClass.Other }, Assert.Single(record.Collaborators!));
        Assert.Equal(ResponsiblePartyType.SponsorInvestigator, record.ResponsibleParty!.Type);
        Assert.Equal(("Martha Haahr M.D", "Medical doctor", "Odense University Hospital"), (record.ResponsibleParty.InvestigatorFullName, record.ResponsibleParty.InvestigatorTitle, record.ResponsibleParty.InvestigatorAffiliation));
        Assert.Equal(["Erectile Function", "Mesenchymal Stromal Cells", "Stem Cell"], record.Keywords);
        var reference = record.References![0];
        Assert.Equal(("27077129", ReferenceType.Derived), (reference.Pmid, reference.Type));
        Assert.StartsWith("Haahr MK, Jensen CH", reference.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NCT03648918_KeepsObservationalDesign()
    {
        var record = Import("NCT03648918");

        Assert.Equal(StudyType.Observational, record.StudyType);
        Assert.Null(record.Phases);
        Assert.Equal((ObservationalModel.FamilyBased, TimePerspective.Prospective), (record.Design!.ObservationalModel, record.Design.TimePerspective));
        Assert.True(record.Design.PatientRegistry);
        Assert.Equal(new ParsedDuration { Text = "10 Years", Value = 10, Unit = "a" }, record.Design.TargetDuration);
        Assert.Equal(BioSpecRetention.SamplesWithDna, record.Design.BioSpec!.Retention);
        Assert.StartsWith("The investigators will be collecting blood samples", record.Design.BioSpec.Description, StringComparison.Ordinal);
        Assert.Equal(SamplingMethod.NonProbabilitySample, record.Eligibility!.SamplingMethod);
        Assert.StartsWith("Patients with T1D seen at clinics", record.Eligibility.StudyPopulation, StringComparison.Ordinal);
        Assert.True(record.Eligibility.HealthyVolunteers);
    }

    [Fact]
    public void Import_NCT03701581_KeepsWhyStoppedAndGenderBasedEligibility()
    {
        var record = Import("NCT03701581");

        Assert.Equal(OverallStatus.Suspended, record.Status!.OverallStatus);
        Assert.StartsWith("The project was initiated at the University of Rochester", record.Status.WhyStopped, StringComparison.Ordinal);
        Assert.Equal((Sex.Male, true), (record.Eligibility!.Sex, record.Eligibility.GenderBased));
        Assert.Equal("Restricted to male subjects due to the inclusion criteria of prostate cancer.", record.Eligibility.GenderDescription);
        Assert.Equal((45m, 75m), (record.Eligibility.MinimumAge!.Value, record.Eligibility.MaximumAge!.Value));
    }

    [Fact]
    public void Import_NCT02397473_KeepsIpdSharingAndLinks()
    {
        var record = Import("NCT02397473");

        Assert.Equal(IpdSharing.Yes, record.IpdSharing!.Sharing);
        Assert.Equal([IpdSharingInfoType.StudyProtocol, IpdSharingInfoType.Sap, IpdSharingInfoType.Csr], record.IpdSharing.InfoTypes);
        Assert.Equal("https://vivli.org/", record.IpdSharing.Url);
        Assert.StartsWith("A research proposal must be approved", record.IpdSharing.AccessCriteria, StringComparison.Ordinal);
        Assert.Equal("https://www.lillytrialguide.com/en-US/studies/episodic-cluster-headache/CGAL", Assert.Single(record.SeeAlsoLinks!).Url);
    }

    [Fact]
    public void Import_NCT00841061_ParsesAgeInDays()
    {
        var record = Import("NCT00841061");

        Assert.Equal(new ParsedDuration { Text = "28 Days", Value = 28, Unit = "d" }, record.Eligibility!.MinimumAge);
    }

    [Fact]
    public void Import_PartialRecords_KeepWhatIsPresentAndLeaveTheRestAbsent()
    {
        var minimal = Import("NCT41300001");
        Assert.Equal(Sex.Female, minimal.Eligibility!.Sex);
        Assert.Equal(new Contact { Name = "Central", Email = "central@example.test" }, Assert.Single(minimal.CentralContacts!));
        Assert.Null(minimal.BriefTitle);
        Assert.Null(minimal.Status);
        Assert.Null(minimal.Dates);
        Assert.Null(minimal.Design);
        Assert.Null(minimal.Conditions);
        Assert.Null(minimal.Provenance!.LastUpdate);

        var partial = Import("NCT07119606");
        Assert.Equal(new ParsedDuration { Text = "3 Months", Value = 3, Unit = "mo" }, partial.Eligibility!.MinimumAge);
        Assert.Equal(new TrialDate { Date = "2025-09-01" }, partial.Dates!.Start);
        Assert.Equal(new Enrollment { Count = 650 }, partial.Enrollment);
        Assert.Equal([Phase.NotApplicable], partial.Phases);
        Assert.Null(partial.Design);
    }
}
