using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// The anchor actions of a protocol (one per <see cref="TimingAnchor"/> used, id = its FhirTrials code,
/// e.g. <c>end-of-treatment</c>) and the scheduling of other actions against them: an offset from an
/// anchor is a relatedAction (after, or before for a negative offset) with offsetDuration in UCUM; an
/// offset without anchor is the action's timingDuration.
/// </summary>
internal sealed class AnchorActions
{
    private readonly TrialMappingContext _context;
    private readonly SortedDictionary<TimingAnchor, PlanDefinition.ActionComponent> _actions = [];

    public AnchorActions(TrialMappingContext context) => _context = context;

    /// <summary>The anchor actions used, in the order of the enumeration.</summary>
    public IEnumerable<PlanDefinition.ActionComponent> Actions => _actions.Values;

    public void Schedule(PlanDefinition.ActionComponent action, TimeOffset offset)
    {
        if (offset.RelativeTo is not { } anchor)
        {
            action.Timing ??= Elements.Ucum<Duration>(offset.Value, offset.Unit);
            return;
        }

        action.RelatedAction.Add(new PlanDefinition.RelatedActionComponent
        {
            ActionId = Anchor(anchor).ElementId,
            Relationship = offset.Value < 0 ? ActionRelationshipType.Before : ActionRelationshipType.After,
            Offset = Elements.Ucum<Duration>(Math.Abs(offset.Value), offset.Unit),
        });
    }

    private PlanDefinition.ActionComponent Anchor(TimingAnchor anchor)
    {
        if (!_actions.TryGetValue(anchor, out var action))
        {
            var coding = _context.Terminology.TimingAnchor.Coding(EnumWire<TimingAnchor>.ToWire(anchor));
            action = new PlanDefinition.ActionComponent { ElementId = coding.Code, Title = coding.Display };
            action.Code.Add(new CodeableConcept { Coding = [coding] });
            _actions[anchor] = action;
        }

        return action;
    }
}
