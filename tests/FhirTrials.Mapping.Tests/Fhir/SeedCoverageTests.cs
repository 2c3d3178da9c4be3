using System.Globalization;
using System.Text.RegularExpressions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tables;
using FhirTrials.Mapping.Tests.Fhir.Support;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>
/// Every field a seed trial page shows is in the mapped FHIR of that trial. The expectations come from
/// the page; the assertions walk the Bundle's element tree (never the record).
/// </summary>
public sealed partial class SeedCoverageTests
{
    public static TheoryData<string, string> TrialPages => new()
    {
        { "NCT03765957", "000_895fd2f75f6c1343.txt" },
        { "NCT01741857", "003_eefd50168bb4295f.txt" },
        { "NCT03798028", "004_c9769ddf4b32a431.txt" },
    };

    private static MappingTables Tables => MappingTables.Default;

    private static (SeedPage Page, ElementNode Bundle, ElementNode Study) Load(string nctId, string seed)
    {
        var bundle = FhirTree.Bundle(MappingCorpus.Example(nctId));
        return (new SeedPage(Path.Combine(RepositoryPaths.Seeds, seed)), bundle, bundle.Resource("ResearchStudy"));
    }

    /// <summary>The CT.gov value of <typeparamref name="TEnum"/> whose table display is <paramref name="display"/>.</summary>
    private static TEnum ByDisplay<TEnum>(MappingTable<TEnum> table, string display)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Single(v => string.Equals(table.Map(v).SourceDisplay, display, StringComparison.OrdinalIgnoreCase));

    private static string Words(string text) => Whitespace().Replace(text, " ").Trim();

    [Theory]
    [MemberData(nameof(TrialPages))]
    public void Bundle_HasTheSummaryFieldsOfThePage(string nctId, string seed)
    {
        var (page, bundle, study) = Load(nctId, seed);

        Assert.Equal(page.Title, study.Value("title"));
        Assert.Equal(page.Sponsor, bundle.Resolve(study.Child("sponsor"))!.Value("name"));
        var statusAndPhases = page["Status and phase"].Concat(page["Status"]).ToList();
        var status = ByDisplay(Tables.OverallStatus, statusAndPhases[0] + " status");
        Assert.Equal(Tables.OverallStatus.Map(status).Code, study.Value("status"));
        Assert.Contains(EnumWire<OverallStatus>.ToWire(status), study.Extensions(ExtensionUrls.RegistryFields).Single().Extensions("status").Single().Values("extension.value"));
        var phases = statusAndPhases.Skip(1).Select(PhaseSource).ToList();
        Assert.Equal(phases.Count == 0 ? [] : [Tables.Phase.Data.Rows.Single(r => r.Source == string.Join('+', phases.Order(StringComparer.Ordinal))).Code!], study.Values("phase.coding.code"));
        Assert.Equal(page["Conditions"], study.Values("condition.text"));
        var activities = bundle.Resources("ActivityDefinition").ToList();
        Assert.All(page["Treatments"], treatment => Assert.Contains(activities, a => $"{a.Value("code.text")}: {a.Value("title")}" == treatment));
        Assert.Equal([page.Single("Study type")], study.Values("category.text"));
        var sponsorParty = study.Extensions(ExtensionUrls.AssociatedParty).First();
        Assert.Equal(page.Single("Funder types").ToUpperInvariant(), sponsorParty.Part("classifier")!.Value("coding.code"));
        Assert.Equal(page["Identifiers"], study.Values("identifier.value"));
        Assert.Equal(Words(string.Join(" ", page["About"])), Words(study.Extensions(ExtensionUrls.DescriptionSummary).Single().Value("value")!));
        Assert.Equal(Words(string.Join(" ", page["Full description"])), Words(study.Value("description") ?? ""));
    }

    [Theory]
    [MemberData(nameof(TrialPages))]
    public void Bundle_HasTheEligibilityOfThePage(string nctId, string seed)
    {
        var (page, bundle, study) = Load(nctId, seed);
        var group = bundle.Resolve(study.Child("enrollment"))!;
        Assert.Equal("Group", group.Type?.Name);
        var recordLevel = group.Select("characteristic").Where(c => !c.Extensions(ExtensionUrls.CriterionSource).Any()).ToList();

        var enrollment = EnrollmentLine().Match(page.Single("Enrollment"));
        var url = enrollment.Groups["type"].Value == "actual" ? ExtensionUrls.RecruitmentActualNumber : ExtensionUrls.RecruitmentTargetNumber;
        Assert.Equal(enrollment.Groups["count"].Value, study.Extensions(url).Single().Value("value"));

        var ages = AgesLine().Match(page.Single("Ages"));
        var age = Assert.Single(recordLevel, c => c.Codes("code").Contains("http://snomed.info/sct|397669002"));
        Assert.Equal((ages.Groups["min"].Value, "a", ages.Groups["max"].Value, "a"), (age.Value("value.low.value"), age.Value("value.low.code"), age.Value("value.high.value"), age.Value("value.high.code")));

        var gender = recordLevel.Where(c => c.Codes("code").Contains("http://snomed.info/sct|263495000")).ToList();
        var sex = ByDisplay(Tables.Sex, page.Single("Sex"));
        Assert.Equal(Tables.Sex.Map(sex).Code is { } code ? [code] : Array.Empty<string>(), gender.Select(g => g.Value("value.coding.code")));
        var healthy = Assert.Single(recordLevel, c => c.Codes("code").Contains($"{SystemUris.Eligibility}|healthy-volunteers"));
        Assert.Equal(page.Single("Volunteers") == "Healthy Volunteers" ? "true" : "false", healthy.Value("value"));

        var criteria = group.Select("characteristic").Where(c => c.Extensions(ExtensionUrls.CriterionSource).Any()).ToList();
        foreach (var (header, section) in new[] { ("Inclusion criteria", "inclusion/"), ("Exclusion criteria", "exclusion/") })
        {
            var itemTexts = criteria
                .Select(c => c.Extensions(ExtensionUrls.CriterionSource).Single())
                .Where(s => s.Part("itemId")!.Text!.StartsWith(section, StringComparison.Ordinal))
                .Select(s => Words(s.Part("itemText")!.Text!))
                .ToList();
            Assert.All(page.Criteria(header), item => Assert.Contains(itemTexts, text => text.Contains(Words(item), StringComparison.Ordinal)));
        }

        Assert.All(
            criteria.Where(c => c.Codes("code").Contains($"{SystemUris.Eligibility}|free-text")),
            c => Assert.Equal(c.Extensions(ExtensionUrls.CriterionSource).Single().Part("itemId")!.Text!.StartsWith("exclusion/", StringComparison.Ordinal) ? "true" : "false", c.Value("exclude")));
    }

    [Theory]
    [MemberData(nameof(TrialPages))]
    public void Bundle_HasTheDesignArmsAndContactsOfThePage(string nctId, string seed)
    {
        var (page, bundle, study) = Load(nctId, seed);
        var designs = study.Extensions(ExtensionUrls.StudyDesign).Select(d => d.Value("value.text")).ToList();

        Assert.Equal(page.Single("Primary purpose"), study.Value("primaryPurposeType.text"));
        Assert.Contains(page.Single("Allocation"), designs);
        Assert.Contains(page.Single("Interventional model"), designs);
        var masking = Tables.Masking.Map(ByPrefix(Tables.Masking, page["Masking"][0])).SourceDisplay;
        Assert.Contains(masking, designs);

        var (participants, groups, arms) = page.Design();
        var plan = bundle.Resolve(study.Child("protocol"))!;
        var armActions = plan.Select("action").Where(a => a.Value("id")!.StartsWith("arm-", StringComparison.Ordinal)).ToList();
        Assert.Equal(participants.ToString(CultureInfo.InvariantCulture), study.Select("extension").Single(e => e.Value("url") == ExtensionUrls.RecruitmentTargetNumber || e.Value("url") == ExtensionUrls.RecruitmentActualNumber).Value("value"));
        Assert.Equal(groups, study.Select("arm").Count());
        foreach (var (seedArm, index) in arms.Select((a, i) => (a, i)))
        {
            var arm = study.Select("arm").ElementAt(index);
            Assert.Equal((seedArm.Label, seedArm.Type, seedArm.Description), (arm.Value("name"), arm.Value("type.text"), arm.Value("description")));
            Assert.Equal(seedArm.Label, armActions[index].Value("title"));
            Assert.Equal(seedArm.Treatment is null ? [] : [seedArm.Treatment], armActions[index].Values("action.title"));
            AssertDosesAndSchedule(bundle, plan, armActions[index], seedArm.Description);
        }

        var contacts = page["Central trial contact"].SelectMany(l => l.Split("; ")).ToList();
        Assert.Equal(contacts, study.Values("contact.name"));
    }

    /// <summary>Doses ("1.5x10E6/kg", "1×10\^6 cells/kg"), schedules ("every 2 weeks, 4 times", "single-dose") and visits the arm text states.</summary>
    private static void AssertDosesAndSchedule(ElementNode bundle, ElementNode plan, ElementNode armAction, string description)
    {
        var doseActions = armAction.Select("action.action").ToList();
        var dosages = doseActions
            .Select(a => bundle.Select("entry.resource").Single(r => r.Value("url") == a.Value("definition")))
            .Select(activity => activity.Select("dosage").Single())
            .ToList();
        var statedDoses = DoseInText().Matches(description).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(statedDoses.Order(), dosages.Select(d => decimal.Parse(d.Value("doseAndRate.dose.value")!, CultureInfo.InvariantCulture)).Order());
        Assert.All(dosages, d => Assert.Equal("10*6/kg", d.Value("doseAndRate.dose.code")));
        var statedSchedules = ScheduleInText().Matches(description).Select(m => ((string?)m.Groups["period"].Value, (string?)"wk", (string?)m.Groups["count"].Value)).Distinct().ToList();
        var schedules = dosages.Select(d => (d.Value("timing.repeat.period"), d.Value("timing.repeat.periodUnit"), d.Value("timing.repeat.count"))).Distinct().ToList();
        if (description.Contains("single-dose", StringComparison.Ordinal))
        {
            Assert.Equal([(null, null, "1")], schedules);
        }
        else
        {
            Assert.Equal(statedSchedules.Order(), schedules.Order());
        }

        if (VisitsInText().Match(description) is { Success: true } visits)
        {
            var labels = visits.Groups[1].Value.Split([", ", " and "], StringSplitOptions.None);
            var followUp = plan.Select("action").Single(a => a.Value("id") == "follow-up");
            Assert.Equal(labels, followUp.Values("action.title"));
            Assert.All(followUp.Select("action"), v => Assert.Equal("end-of-treatment", v.Value("relatedAction.actionId")));
        }
    }

    private static TEnum ByPrefix<TEnum>(MappingTable<TEnum> table, string text)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Single(v => text.StartsWith(table.Map(v).SourceDisplay.Split(' ')[0], StringComparison.OrdinalIgnoreCase));

    private static string PhaseSource(string display) =>
        Tables.Phase.Data.Rows.Single(r => string.Equals(r.SourceDisplay, display, StringComparison.OrdinalIgnoreCase)).Source;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<count>\d+) (?<type>estimated|actual) patients$")]
    private static partial Regex EnrollmentLine();

    [GeneratedRegex(@"^(?<min>\d+) to (?<max>\d+) years old$")]
    private static partial Regex AgesLine();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(?:x10E6/kg|×10\\\^6 cells/kg)")]
    private static partial Regex DoseInText();

    [GeneratedRegex(@"every (?<period>\d+) weeks, (?<count>\d+) times")]
    private static partial Regex ScheduleInText();

    [GeneratedRegex(@"followed up for evaluation on (.+?) after treatment")]
    private static partial Regex VisitsInText();
}
