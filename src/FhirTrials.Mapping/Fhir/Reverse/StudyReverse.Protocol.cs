using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

internal static partial class StudyReverse
{
    /// <summary>Arms from ResearchStudy.arm; their intervention lists from the protocol's arm actions (same order).</summary>
    private static IReadOnlyList<ArmGroup>? Arms(ReverseContext context)
    {
        var armActions = context.Protocol?.Action.Where(a => a.ElementId?.StartsWith("arm-", StringComparison.Ordinal) == true).ToList() ?? [];
        var arms = context.Study.Arm.Select((arm, index) => new ArmGroup
        {
            Label = arm.Name ?? throw new TrialReverseMappingException($"ResearchStudy/{context.Study.Id}: arm {index + 1} has no name"),
            Type = Concepts.ToTable(context.Tables.ArmGroupType, arm.Type),
            Description = arm.Description,
            InterventionNames = index < armActions.Count ? NullIfEmpty(armActions[index].Action.Select(a => a.Title).OfType<string>()) : null,
        });
        return NullIfEmpty(arms);
    }

    /// <summary>
    /// Interventions from the ActivityDefinitions the protocol is composed of (in order); without a
    /// protocol, from the focus names. Focus entries without text are the study-level intervention codes.
    /// </summary>
    private static (IReadOnlyList<Intervention>? Interventions, IReadOnlyList<Records.Coding>? Codes) Interventions(ReverseContext context)
    {
        var codes = NullIfEmpty(context.Study.Focus.Where(f => f.Text is null).SelectMany(f => Concepts.ToRecordCodes(f) ?? []));
        if (context.Protocol is not { } protocol)
        {
            return (NullIfEmpty(context.Study.Focus.Where(f => f.Text is not null).Select(f => new Intervention { Name = f.Text!, Codes = Concepts.ToRecordCodes(f) })), codes);
        }

        var interventions = new List<Intervention>();
        foreach (var artifact in protocol.RelatedArtifact.Where(r => r.Type == RelatedArtifactType.ComposedOf))
        {
            var activity = context.Resources.ResolveCanonical<ActivityDefinition>(artifact.Resource)
                ?? throw new TrialReverseMappingException($"PlanDefinition/{protocol.Id}: ActivityDefinition {artifact.Resource} is not among the resources");
            var index = interventions.Count;
            interventions.Add(Intervention(context, activity, index));
            context.Keep<Intervention>(activity, "interventions", index);
        }

        return (NullIfEmpty(interventions), codes);
    }

    private static Intervention Intervention(ReverseContext context, ActivityDefinition activity, int index)
    {
        var regimens = new List<DoseRegimen>();
        var doseActivities = activity.RelatedArtifact.Where(r => r.Type == RelatedArtifactType.ComposedOf)
            .Select(r => context.Resources.ResolveCanonical<ActivityDefinition>(r.Resource)
                ?? throw new TrialReverseMappingException($"ActivityDefinition/{activity.Id}: dose group {r.Resource} is not among the resources"))
            .ToList();
        var dosages = activity.Dosage.Count > 0 ? activity.Dosage : [.. doseActivities.SelectMany(d => d.Dosage.Take(1))];
        foreach (var dosage in dosages)
        {
            regimens.Add(Regimen(dosage));
            context.Keep<DoseRegimen>(dosage, "interventions", index, "dosing", regimens.Count - 1);
        }

        var codes = activity.Product is CodeableConcept product ? Concepts.ToRecordCodes(product) : NullIfEmpty(activity.Topic.SelectMany(t => Concepts.ToRecordCodes(t) ?? []));
        return new Intervention
        {
            Type = Concepts.ToTable(context.Tables.InterventionType, activity.Code),
            Name = activity.Title ?? throw new TrialReverseMappingException($"ActivityDefinition/{activity.Id}: no title"),
            Description = activity.Description,
            Codes = codes,
            Dosing = NullIfEmpty(regimens),
        };
    }

    private static DoseRegimen Regimen(Dosage dosage)
    {
        var dose = dosage.DoseAndRate.Select(d => d.Dose).FirstOrDefault();
        var repeat = dosage.Timing?.Repeat;
        return new DoseRegimen
        {
            Text = dosage.Text,
            Route = dosage.Route is { } route ? new CodedText { Text = route.Text, Codes = Concepts.ToRecordCodes(route) } : null,
            Dose = dose is FhirTrials.Fhir.Model.Quantity quantity ? DoseQuantity(quantity) : null,
            DoseRange = dose is FhirTrials.Fhir.Model.Range range
                ? new QuantityRange { Low = range.Low is { } low ? DoseQuantity(low) : null, High = range.High is { } high ? DoseQuantity(high) : null }
                : null,
            NumberOfAdministrations = repeat?.Count,
            Interval = repeat is { Period: { } period, PeriodUnitElement.LexicalValue: { } unit }
                ? new Records.Quantity { Value = period, Unit = unit, UnitDisplay = dosage.Timing!.Code?.Text }
                : null,
        };
    }

    private static Records.Quantity DoseQuantity(FhirTrials.Fhir.Model.Quantity quantity) => new()
    {
        Value = quantity.Value ?? throw new TrialReverseMappingException("a dose quantity has no value"),
        Unit = quantity.Code ?? throw new TrialReverseMappingException("a dose quantity has no UCUM code"),
        UnitDisplay = quantity.Unit,
    };

    /// <summary>Follow-up visits: the children of the protocol's follow-up action, each offset from its anchor.</summary>
    private static IReadOnlyList<FollowUpVisit>? FollowUp(ReverseContext context)
    {
        var followUp = FollowUpAction(context);
        return followUp is null ? null : NullIfEmpty(followUp.Action.Select(visit => new FollowUpVisit { Label = visit.Title, Offset = Offset(context, visit) }));
    }

    private static ParsedDuration? FollowUpDuration(ReverseContext context) =>
        FollowUpAction(context)?.Timing is Duration duration ? Elements.ToParsedDuration(duration) : null;

    private static PlanDefinition.ActionComponent? FollowUpAction(ReverseContext context) =>
        context.Protocol?.Action.FirstOrDefault(a => a.ElementId == ProtocolMapper.FollowUpActionId);

    private static TimeOffset Offset(ReverseContext context, PlanDefinition.ActionComponent action)
    {
        if (action.RelatedAction.FirstOrDefault() is { Offset: Duration offset } related)
        {
            var anchorAction = context.Protocol!.Action.FirstOrDefault(a => a.ElementId == related.ActionId);
            var key = anchorAction?.Code.Select(c => context.Terminology.TimingAnchor.Key(c)).FirstOrDefault(k => k is not null);
            var value = offset.Value ?? 0;
            return new TimeOffset
            {
                Value = related.Relationship is ActionRelationshipType.Before or ActionRelationshipType.BeforeStart or ActionRelationshipType.BeforeEnd ? -value : value,
                Unit = offset.Code ?? throw new TrialReverseMappingException($"action {action.ElementId}: offset without UCUM code"),
                RelativeTo = key is not null && EnumWire<TimingAnchor>.TryParse(key, out var anchor) ? anchor : null,
            };
        }

        return action.Timing is Duration { Value: { } timingValue, Code: { } timingUnit }
            ? new TimeOffset { Value = timingValue, Unit = timingUnit }
            : throw new TrialReverseMappingException($"action {action.ElementId}: a visit without an offset");
    }
}
