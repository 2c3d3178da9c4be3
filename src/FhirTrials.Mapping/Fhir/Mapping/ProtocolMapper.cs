using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// The protocol → PlanDefinition (type clinical-protocol), following the HL7 Vulcan Schedule of
/// Activities patterns: anchor actions (baseline, end of treatment...) that other actions relate to; an
/// action per arm with an action per intervention it lists and, under that, an action per dose group
/// (definition = its ActivityDefinition, timing = its repeat schedule, relatedAction = its start
/// offset from an anchor); and a follow-up action (timing = the follow-up duration) with an action per
/// visit, each related to its anchor by an offset.
/// </summary>
internal static partial class ProtocolMapper
{
    public const string FollowUpActionId = "follow-up";

    /// <summary>Whether the record has anything for a PlanDefinition.</summary>
    public static bool HasProtocol(TrialRecord record) =>
        record.Arms is { Count: > 0 } || record.Interventions is { Count: > 0 } || record.FollowUp is { Count: > 0 } || record.FollowUpDuration is not null;

    /// <summary>Whether the follow-up duration is written as the follow-up action's timing (it has a value and unit).</summary>
    public static bool FollowUpDurationIsMapped(TrialRecord record) =>
        record.FollowUpDuration is { } duration && Elements.FromParsedDuration<Duration>(duration) is not null;

    public static void Map(TrialMappingContext context, ArmLinks links, IReadOnlyList<InterventionDefinitions> definitions)
    {
        var record = context.Record;
        var id = context.Keys.Protocol;
        var plan = new PlanDefinition
        {
            Id = id,
            Meta = Elements.Meta(Profiles.Protocol),
            Url = ResourceKeys.Canonical("PlanDefinition", id),
            Title = "Protocol of " + record.RegistryId + (record.BriefTitle is { } title ? ": " + title : ""),
            Type = new CodeableConcept { Coding = [Concepts.Coding(SystemUris.PlanDefinitionType, "clinical-protocol", "Clinical Protocol")] },
            Status = PublicationStatus.Active,
            Subject = record.Eligibility is null ? null : context.ReferenceTo("Group", context.Keys.Eligibility),
        };
        foreach (var definition in definitions)
        {
            plan.RelatedArtifact.Add(new RelatedArtifact { Type = RelatedArtifactType.ComposedOf, Resource = definition.Url });
        }

        var anchors = new AnchorActions(context);
        var placed = new HashSet<(int Intervention, int Regimen)>();
        AddArms(context, plan, links, definitions, anchors, placed);
        AddUnassignedDosing(context, plan, definitions, anchors, placed);
        AddFollowUp(context, plan, anchors);
        plan.Action.InsertRange(0, anchors.Actions);
        context.Bundle.Update(plan, context.Keys.FullUrl("PlanDefinition", id), BundleBuilder.UrlSearch(plan.Url));
    }

    private static void AddFollowUp(TrialMappingContext context, PlanDefinition plan, AnchorActions anchors)
    {
        var record = context.Record;
        if (record.FollowUp is not { Count: > 0 } && !FollowUpDurationIsMapped(record))
        {
            return;
        }

        var followUp = new PlanDefinition.ActionComponent
        {
            ElementId = FollowUpActionId,
            Title = "Follow-up",
            Timing = record.FollowUpDuration is { } duration ? Elements.FromParsedDuration<Duration>(duration) : null,
        };
        var number = 0;
        foreach (var visit in record.FollowUp ?? [])
        {
            number++;
            var action = new PlanDefinition.ActionComponent { ElementId = $"{FollowUpActionId}-{number}", Title = visit.Label };
            anchors.Schedule(action, visit.Offset);
            followUp.Action.Add(action);
        }

        plan.Action.Add(followUp);
    }
}
