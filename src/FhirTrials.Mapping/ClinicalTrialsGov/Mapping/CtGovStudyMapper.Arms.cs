using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal static partial class CtGovStudyMapper
{
    private static ArmGroup ArmGroup(CtNode arm) => new()
    {
        Label = arm.RequiredString("label"),
        Type = arm.Enum<ArmGroupType>("type"),
        Description = arm.String("description"),
        InterventionNames = arm.Strings("interventionNames"),
    };

    private static Intervention Intervention(CtNode intervention) => new()
    {
        Type = intervention.Enum<InterventionType>("type"),
        Name = intervention.RequiredString("name"),
        OtherNames = intervention.Strings("otherNames"),
        Description = intervention.String("description"),
        ArmGroupLabels = intervention.Strings("armGroupLabels"),
    };

    private static Outcomes Outcomes(CtNode outcomes) => new()
    {
        Primary = outcomes.Objects("primaryOutcomes", Outcome),
        Secondary = outcomes.Objects("secondaryOutcomes", Outcome),
        Other = outcomes.Objects("otherOutcomes", Outcome),
    };

    private static Outcome Outcome(CtNode outcome) => new()
    {
        Measure = outcome.RequiredString("measure"),
        Description = outcome.String("description"),
        TimeFrame = outcome.String("timeFrame"),
    };
}
