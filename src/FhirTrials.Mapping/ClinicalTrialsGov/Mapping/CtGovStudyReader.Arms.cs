using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>Arms and interventions, and outcomes.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames ArmsNames = CtFieldNames.Of(typeof(ArmsField));
    private static readonly CtFieldNames ArmGroupNames = CtFieldNames.Of(typeof(ArmGroupField));
    private static readonly CtFieldNames InterventionNames = CtFieldNames.Of(typeof(InterventionField));
    private static readonly CtFieldNames OutcomesNames = CtFieldNames.Of(typeof(OutcomesField));
    private static readonly CtFieldNames OutcomeNames = CtFieldNames.Of(typeof(OutcomeField));

    private enum ArmsField { Interventions, ArmGroups }

    private enum ArmGroupField { Label, Type, Description, InterventionNames }

    private enum InterventionField { Type, Name, OtherNames, Description, ArmGroupLabels }

    private enum OutcomesField { PrimaryOutcomes, SecondaryOutcomes, OtherOutcomes }

    private enum OutcomeField { Measure, Description, TimeFrame }

    /// <summary>Interventions are mapped early (the MeSH codes attach to them), arm groups in record order.</summary>
    private (List<Intervention>? Interventions, List<ArmGroup>? Groups) ReadArms(ref Utf8JsonReader reader)
    {
        (List<Intervention>? Interventions, List<ArmGroup>? Groups) arms = default;
        var scope = Enter(ArmsNames);
        while (Next(ref reader, ref scope, out var field))
        {
            if (field == (int)ArmsField.Interventions)
            {
                _step = Step.Interventions;
                arms.Interventions = Objects(ref reader, ReadIntervention);
            }
            else
            {
                _step = Step.Arms;
                arms.Groups = Objects(ref reader, ReadArmGroup);
            }
        }

        return arms;
    }

    private static ArmGroup ReadArmGroup(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        string? label = null, description = null;
        ArmGroupType? type = null;
        List<string>? interventionNames = null;
        var scope = study.Enter(ArmGroupNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            switch ((ArmGroupField)field)
            {
                case ArmGroupField.Label: label = study.String(ref reader); break;
                case ArmGroupField.Type: type = study.Enum<ArmGroupType>(ref reader); break;
                case ArmGroupField.Description: description = study.String(ref reader); break;
                default: interventionNames = study.Strings(ref reader); break;
            }
        }

        return new ArmGroup
        {
            Label = study.Required(label, ref scope, (int)ArmGroupField.Label),
            Type = type,
            Description = description,
            InterventionNames = interventionNames,
        };
    }

    private static Intervention ReadIntervention(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        string? name = null, description = null;
        InterventionType? type = null;
        List<string>? otherNames = null, armGroupLabels = null;
        var scope = study.Enter(InterventionNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            switch ((InterventionField)field)
            {
                case InterventionField.Type: type = study.Enum<InterventionType>(ref reader); break;
                case InterventionField.Name: name = study.String(ref reader); break;
                case InterventionField.OtherNames: otherNames = study.Strings(ref reader); break;
                case InterventionField.Description: description = study.String(ref reader); break;
                default: armGroupLabels = study.Strings(ref reader); break;
            }
        }

        return new Intervention
        {
            Type = type,
            Name = study.Required(name, ref scope, (int)InterventionField.Name),
            OtherNames = otherNames,
            Description = description,
            ArmGroupLabels = armGroupLabels,
        };
    }

    private Outcomes ReadOutcomes(ref Utf8JsonReader reader)
    {
        var outcomes = new Outcomes();
        var scope = Enter(OutcomesNames);
        while (Next(ref reader, ref scope, out var field))
        {
            var list = Objects(ref reader, ReadOutcome);
            outcomes = (OutcomesField)field switch
            {
                OutcomesField.PrimaryOutcomes => outcomes with { Primary = list },
                OutcomesField.SecondaryOutcomes => outcomes with { Secondary = list },
                _ => outcomes with { Other = list },
            };
        }

        return outcomes;
    }

    private static Outcome ReadOutcome(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        var texts = study.Texts(ref reader, OutcomeNames, out var scope);
        return new Outcome
        {
            Measure = study.Required(texts[(int)OutcomeField.Measure], ref scope, (int)OutcomeField.Measure),
            Description = texts[(int)OutcomeField.Description],
            TimeFrame = texts[(int)OutcomeField.TimeFrame],
        };
    }
}
