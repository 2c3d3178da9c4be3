using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ProtocolMapper
{
    /// <summary>
    /// An action per arm (title = label); under it an action per listed intervention (title = the
    /// "Type: Name" entry as written, definition = the intervention's ActivityDefinition when it
    /// resolves); under that the dose-group actions of that intervention for this arm.
    /// </summary>
    private static void AddArms(
        TrialMappingContext context, PlanDefinition plan, ArmLinks links, IReadOnlyList<InterventionDefinitions> definitions,
        AnchorActions anchors, HashSet<(int, int)> placed)
    {
        var arms = context.Record.Arms ?? [];
        var interventions = context.Record.Interventions ?? [];
        for (var a = 0; a < arms.Count; a++)
        {
            var arm = arms[a];
            var armAction = new PlanDefinition.ActionComponent { ElementId = $"arm-{a + 1}", Title = arm.Label, Description = arm.Description };
            var names = arm.InterventionNames ?? [];
            for (var j = 0; j < names.Count; j++)
            {
                var action = new PlanDefinition.ActionComponent { ElementId = $"arm-{a + 1}-intervention-{j + 1}", Title = names[j] };
                if (links.Resolved[a][j] is { } index)
                {
                    action.Definition = new Canonical(definitions[index].Url);
                    var regimens = interventions[index].Dosing ?? [];
                    for (var k = 0; k < regimens.Count; k++)
                    {
                        if (string.Equals(regimens[k].ArmGroupLabel, arm.Label, StringComparison.Ordinal) && placed.Add((index, k)))
                        {
                            action.Action.Add(DoseAction($"{action.ElementId}-dose-{k + 1}", regimens[k], k, definitions[index], anchors));
                        }
                    }
                }

                armAction.Action.Add(action);
            }

            plan.Action.Add(armAction);
        }
    }

    /// <summary>Dose groups not placed under an arm: under an action for their intervention.</summary>
    private static void AddUnassignedDosing(
        TrialMappingContext context, PlanDefinition plan, IReadOnlyList<InterventionDefinitions> definitions, AnchorActions anchors, HashSet<(int, int)> placed)
    {
        var interventions = context.Record.Interventions ?? [];
        for (var i = 0; i < interventions.Count; i++)
        {
            var regimens = interventions[i].Dosing ?? [];
            var action = new PlanDefinition.ActionComponent
            {
                ElementId = $"intervention-{i + 1}",
                Title = interventions[i].Name,
                Definition = new Canonical(definitions[i].Url),
            };
            for (var k = 0; k < regimens.Count; k++)
            {
                if (!placed.Contains((i, k)))
                {
                    action.Action.Add(DoseAction($"{action.ElementId}-dose-{k + 1}", regimens[k], k, definitions[i], anchors));
                }
            }

            if (action.Action.Count > 0)
            {
                plan.Action.Add(action);
            }
        }
    }

    private static PlanDefinition.ActionComponent DoseAction(string id, DoseRegimen regimen, int k, InterventionDefinitions definitions, AnchorActions anchors)
    {
        var action = new PlanDefinition.ActionComponent
        {
            ElementId = id,
            Title = regimen.Label ?? $"Dose group {k + 1}",
            Description = regimen.Text,
            Definition = new Canonical(definitions.RegimenUrls[k]),
            Timing = InterventionMapper.ScheduleOf(definitions.Dosages[k]),
        };
        if (regimen.Start is { } start)
        {
            anchors.Schedule(action, start);
        }

        return action;
    }
}
