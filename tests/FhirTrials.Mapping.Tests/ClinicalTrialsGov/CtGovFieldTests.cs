using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>Specific values of real fixture records survive the import.</summary>
public sealed class CtGovFieldTests
{
    private static TrialRecord Import(string nctId) => Assert.Single(CtGovImporter.ImportFile(RepositoryPaths.CtGovFile(nctId)));

    [Fact]
    public void Import_NCT04714372_KeepsIdentificationStatusAndDates()
    {
        var record = Import("NCT04714372");

        Assert.Equal("2020LS114", record.OrgStudyId!.Id);
        var secondary = Assert.Single(record.SecondaryIds!);
        Assert.Equal(("MT2020-33", StudyIdType.Other, "University of Minnesota Masonic Cancer Center"), (secondary.Id, secondary.Type, secondary.Domain));
        Assert.Equal(("Masonic Cancer Center, University of Minnesota", AgencyClass.Other), (record.Organization!.Name, record.Organization.Class));
        Assert.Equal("FT538 in Combination With Daratumumab in AML Acute Myeloid Leukemia", record.BriefTitle);
        Assert.Equal(OverallStatus.Recruiting, record.Status!.OverallStatus);
        Assert.Equal("2023-08", record.Status.StatusVerifiedDate);
        Assert.False(record.Status.ExpandedAccess!.HasExpandedAccess);
        Assert.Equal(new TrialDate { Date = "2021-11-03", Type = DateType.Actual }, record.Dates!.Start);
        Assert.Equal(new TrialDate { Date = "2025-12-15", Type = DateType.Estimated }, record.Dates.PrimaryCompletion);
        Assert.Equal(new TrialDate { Date = "2021-01-14" }, record.Dates.FirstSubmitted);
        Assert.Equal(new TrialDate { Date = "2023-08-30", Type = DateType.Actual }, record.Dates.LastUpdatePosted);
        Assert.Equal(("2023-08-30", "2023-11-07"), (record.Provenance!.LastUpdate, record.Provenance.DataVersion));
        Assert.Equal("https://clinicaltrials.gov/study/NCT04714372", record.Provenance.SourceReference);
        Assert.True(record.Oversight!.HasDataMonitoringCommittee);
        Assert.False(record.HasResults);
    }

    [Fact]
    public void Import_NCT04714372_KeepsDesignArmsInterventionsAndMeshCodes()
    {
        var record = Import("NCT04714372");

        Assert.Equal([Phase.Phase1], record.Phases);
        Assert.Equal(StudyType.Interventional, record.StudyType);
        Assert.Equal(DesignAllocation.NonRandomized, record.Design!.Allocation);
        Assert.Equal(InterventionModel.Sequential, record.Design.InterventionModel);
        Assert.StartsWith("This study is performed in two stages", record.Design.InterventionModelDescription, StringComparison.Ordinal);
        Assert.Equal(Masking.None, record.Design.Masking!.Type);
        Assert.Equal(new Enrollment { Count = 50, Type = EnrollmentType.Estimated }, record.Enrollment);
        Assert.Equal(4, record.Arms!.Count);
        Assert.Equal("Dose Level 4: FT538 at 1.5 x10^9 cells/dose", record.Arms[3].Label);
        Assert.Equal(ArmGroupType.Experimental, record.Arms[3].Type);
        Assert.Contains("Drug: Fludarabine", record.Arms[0].InterventionNames!);

        var fludarabine = record.Interventions!.Single(i => i.Name == "Fludarabine");
        Assert.Equal(InterventionType.Drug, fludarabine.Type);
        Assert.Equal(["FLUDARA"], fludarabine.OtherNames);
        Assert.Equal(4, fludarabine.ArmGroupLabels!.Count);
        Assert.Equal(new Coding { System = CodeSystemUris.Mesh, Code = "C000024352", Display = "Fludarabine" }, Assert.Single(fludarabine.Codes!));
        var daratumumab = Assert.Single(record.InterventionCodes!);
        Assert.Equal(("C000556306", "Daratumumab"), (daratumumab.Code, daratumumab.Display));
        Assert.Null(record.Interventions!.Single(i => i.Name == "Daratumumab/rHuPH20").Codes);
    }

    [Fact]
    public void Import_NCT04714372_KeepsConditionsOutcomesEligibilityContactsAndSites()
    {
        var record = Import("NCT04714372");

        Assert.Equal(["Acute Myeloid Leukemia", "Myeloid Leukemia", "Monocytic Leukemia"], record.Conditions!.Where(c => c.Text is not null).Select(c => c.Text));
        Assert.Equal(["D000007938", "D000007951", "D000015470"], record.Conditions!.Where(c => c.Text is null).Select(c => Assert.Single(c.Codes!).Code));
        Assert.Equal("Number of participants experiencing Dose Limiting Toxicity (DLT) events", Assert.Single(record.Outcomes!.Primary!).Measure);
        Assert.Equal("42 days from the 1st FT538 infusion", record.Outcomes.Primary![0].TimeFrame);
        Assert.Equal(5, record.Outcomes.Secondary!.Count);
        Assert.Null(record.Outcomes.Other);
        Assert.Equal(new ParsedDuration { Text = "12 Years", Value = 12, Unit = "a" }, record.Eligibility!.MinimumAge);
        Assert.Null(record.Eligibility.MaximumAge);
        Assert.Equal([StandardAge.Child, StandardAge.Adult, StandardAge.OlderAdult], record.Eligibility.StdAges);
        Assert.Equal((Sex.All, false), (record.Eligibility.Sex, record.Eligibility.HealthyVolunteers));
        Assert.StartsWith("Disease specific Inclusion Criteria:", record.Eligibility.Criteria, StringComparison.Ordinal);

        Assert.Equal(
            new Contact { Name = "Cancer Center Clinical Trials Office", Role = ContactRole.Contact, Phone = "612 624 2620", Email = "ccinfo@umn.edu" },
            Assert.Single(record.CentralContacts!));
        Assert.Equal(
            new Official { Name = "Joseph Maakaron, MD", Affiliation = "Masonic Cancer Center, University of Minnesota", Role = OfficialRole.PrincipalInvestigator },
            Assert.Single(record.OverallOfficials!));
        var site = Assert.Single(record.Locations!);
        Assert.Equal(("Masonic Cancer Center, University of Minnesota", "Minneapolis", "Minnesota", "55455", "United States"), (site.Facility, site.City, site.State, site.Zip, site.Country));
        Assert.Equal(RecruitmentStatus.Recruiting, site.Status);
        Assert.Equal(new GeoPoint { Lat = 44.97997, Lon = -93.26384 }, site.GeoPoint);
        Assert.Equal(new Contact { Name = "Joseph Maakaron, MD", Role = ContactRole.Contact, Email = "maaka001@umn.edu" }, Assert.Single(site.Contacts!));
    }

    [Fact]
    public void Import_NCT00122499_AttachesMeshCodeToTheMatchingConditionText()
    {
        var record = Import("NCT00122499");

        var conditions = record.Conditions!;
        Assert.Equal(3, conditions.Count);
        Assert.Equal(("Prostate Cancer", null), (conditions[0].Text, conditions[0].Codes));
        Assert.Equal("Erectile Dysfunction", conditions[1].Text);
        Assert.Equal(new Coding { System = CodeSystemUris.Mesh, Code = "D000007172", Display = "Erectile Dysfunction" }, Assert.Single(conditions[1].Codes!));
        Assert.Equal((null, "D000011471"), (conditions[2].Text, Assert.Single(conditions[2].Codes!).Code));
    }
}
