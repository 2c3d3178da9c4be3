using FhirTrials.Fhir.ElementModel;
using FhirTrials.Mapping.Tests.Fhir.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>The protocol PlanDefinition and the ActivityDefinitions of interventions and dose groups.</summary>
public sealed class ProtocolTests
{
    private static ElementNode Bundle(string nctId) => FhirTree.Bundle(MappingCorpus.Example(nctId));

    private static ElementNode Activity(ElementNode bundle, string id) => bundle.Resources("ActivityDefinition").Single(a => a.Value("id") == id);

    [Fact]
    public void NCT03765957_FourDoseGroups_AreFourActivityDefinitionsOfTheIntervention()
    {
        var bundle = Bundle("NCT03765957");
        var intervention = Activity(bundle, "nct03765957-intervention-1");
        string[] doseIds = ["nct03765957-arm-1-dose-a", "nct03765957-arm-1-dose-b", "nct03765957-arm-1-dose-c", "nct03765957-arm-1-dose-d"];

        Assert.Equal(("MedicationRequest", "Mesenchymal Stem Cells"), (intervention.Value("kind"), intervention.Value("title")));
        Assert.Empty(intervention.Select("dosage"));
        Assert.Equal(doseIds.Select(id => "https://fhirtrials.org/fhir/ActivityDefinition/" + id), intervention.Select("relatedArtifact").Where(r => r.Value("type") == "composed-of").Select(r => r.Value("resource")!));
        var doses = doseIds.Select(id => Activity(bundle, id)).ToList();
        Assert.All(doses, d => Assert.Equal(("derived-from", intervention.Value("url")), (d.Value("relatedArtifact.type"), d.Value("relatedArtifact.resource"))));
        Assert.Equal(["1.5", "2.0", "2.5", "3.0"], doses.Select(d => d.Value("dosage.doseAndRate.dose.value")!));
        Assert.All(doses, d => Assert.Equal(("http://unitsofmeasure.org", "10*6/kg"), (d.Value("dosage.doseAndRate.dose.system"), d.Value("dosage.doseAndRate.dose.code"))));
        Assert.All(doses, d => Assert.Equal(["http://snomed.info/sct|47625008"], d.Codes("dosage.route")));
        Assert.Equal([("4", "2", "wk"), ("4", "2", "wk"), ("2", "4", "wk"), ("2", "4", "wk")], doses.Select(d => (d.Value("dosage.timing.repeat.count"), d.Value("dosage.timing.repeat.period"), d.Value("dosage.timing.repeat.periodUnit"))));
    }

    [Fact]
    public void NCT03765957_Protocol_SchedulesDosesFromBaselineAndVisitsAfterTreatment()
    {
        var plan = Bundle("NCT03765957").Resource("PlanDefinition");

        Assert.Equal(["http://terminology.hl7.org/CodeSystem/plan-definition-type|clinical-protocol"], plan.Codes("type"));
        Assert.Equal(["baseline", "end-of-treatment", "arm-1", "follow-up"], plan.Values("action.id"));
        var doseActions = plan.Select("action").Single(a => a.Value("id") == "arm-1").Select("action.action").ToList();
        Assert.Equal(["Group A", "Group B", "Group C", "Group D"], doseActions.Select(a => a.Value("title")!));
        Assert.All(doseActions, a => Assert.Equal(("baseline", "after", "0", "d"), (a.Value("relatedAction.actionId"), a.Value("relatedAction.relationship"), a.Value("relatedAction.offset.value"), a.Value("relatedAction.offset.code"))));
        Assert.Equal(["4", "4", "2", "2"], doseActions.Select(a => a.Value("timing.repeat.count")!));
        var followUp = plan.Select("action").Single(a => a.Value("id") == "follow-up");
        Assert.Equal(("6", "mo", "months"), (followUp.Value("timing.value"), followUp.Value("timing.code"), followUp.Value("timing.unit")));
        Assert.Equal(["15 d", "30 d", "45 d", "2 mo", "3 mo", "6 mo"], followUp.Select("action").Select(v => $"{v.Value("relatedAction.offset.value")} {v.Value("relatedAction.offset.code")}"));
        Assert.All(followUp.Select("action"), v => Assert.Equal(("end-of-treatment", "after"), (v.Value("relatedAction.actionId"), v.Value("relatedAction.relationship"))));
    }

    [Fact]
    public void NCT04275024_TwiceDaily_IsAHalfDayPeriodWithItsWording()
    {
        var bundle = Bundle("NCT04275024");

        var calcipotriol = bundle.Resources("ActivityDefinition").Single(a => a.Value("title") == "calcipotriol ointment");

        Assert.Equal(("0.5", "d", "twice daily"), (calcipotriol.Value("dosage.timing.repeat.period"), calcipotriol.Value("dosage.timing.repeat.periodUnit"), calcipotriol.Value("dosage.timing.code.text")));
        Assert.Equal(["http://snomed.info/sct|6064005"], calcipotriol.Codes("dosage.route"));
    }

    [Fact]
    public void NCT04275024_DosingWithoutArms_IsUnderAnActionForTheIntervention()
    {
        var plan = Bundle("NCT04275024").Resource("PlanDefinition");

        Assert.Equal(["baseline", "intervention-1", "intervention-2", "intervention-3", "follow-up"], plan.Values("action.id"));
        Assert.Equal("Allogeneic hAT-MSCs", plan.Select("action").Single(a => a.Value("id") == "intervention-1").Value("title"));
        Assert.Equal(3, plan.Select("relatedArtifact").Count(r => r.Value("type") == "composed-of"));
    }
}
