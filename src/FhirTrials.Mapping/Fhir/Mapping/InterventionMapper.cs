using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

/// <summary>The canonical URLs of an intervention's ActivityDefinition and of the one each of its dose regimens uses.</summary>
internal sealed record InterventionDefinitions(string Url, IReadOnlyList<string> RegimenUrls, IReadOnlyList<Dosage> Dosages);

/// <summary>
/// Interventions → ActivityDefinitions: one per intervention (kind and code from the intervention-type
/// table, the name as title, codes as product or topic); its dosage when it has one regimen; one
/// ActivityDefinition per dose group when it has several (composed-of / derived-from link them).
/// </summary>
internal static partial class InterventionMapper
{
    /// <summary>Intervention properties held by ActivityDefinition elements; other names and arm labels stay in registry-fields.</summary>
    private static readonly HashSet<string> Mapped = new(StringComparer.Ordinal) { "type", "name", "description", "codes", "dosing" };

    public static IReadOnlyList<InterventionDefinitions> Map(TrialMappingContext context)
    {
        var result = new List<InterventionDefinitions>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var interventions = context.Record.Interventions ?? [];
        for (var index = 0; index < interventions.Count; index++)
        {
            var intervention = interventions[index];
            var number = index + 1;
            var activity = Base(context, intervention, context.Keys.Intervention(number));
            Add(context, activity);
            var regimens = intervention.Dosing ?? [];
            var regimenUrls = new List<string>();
            var dosages = regimens.Select(Dosage).ToList();
            if (regimens.Count == 1)
            {
                activity.Dosage.Add(dosages[0]);
                regimenUrls.Add(activity.Url!);
            }
            else
            {
                for (var k = 0; k < regimens.Count; k++)
                {
                    var regimen = regimens[k];
                    var id = DoseGroupId(context, index, k, regimen, usedIds);
                    var dose = Base(context, intervention, id);
                    dose.Title = intervention.Name + ": " + (regimen.Label ?? $"dose group {k + 1}");
                    dose.Dosage.Add(dosages[k]);
                    dose.RelatedArtifact.Add(new RelatedArtifact { Type = RelatedArtifactType.DerivedFrom, Resource = activity.Url });
                    activity.RelatedArtifact.Add(new RelatedArtifact { Type = RelatedArtifactType.ComposedOf, Resource = dose.Url });
                    regimenUrls.Add(dose.Url!);
                    Add(context, dose);
                }
            }

            RegistryFields.Add(activity, intervention, Mapped);
            result.Add(new InterventionDefinitions(activity.Url!, regimenUrls, dosages));
        }

        return result;
    }

    private static ActivityDefinition Base(TrialMappingContext context, Intervention intervention, string id)
    {
        var activity = new ActivityDefinition
        {
            Id = id,
            Meta = Elements.Meta(Profiles.Activity),
            Url = ResourceKeys.Canonical("ActivityDefinition", id),
            Status = PublicationStatus.Active,
            Title = intervention.Name,
            Description = intervention.Description,
        };
        if (intervention.Type is { } type)
        {
            var row = context.Tables.InterventionType.Map(type);
            activity.KindElement = new Code<RequestResourceType> { LexicalValue = row.Kind };
            activity.Code = Concepts.FromTable(context.Tables.InterventionType, type);
        }

        if (intervention.Codes is { Count: > 0 } codes)
        {
            if (activity.Kind is RequestResourceType.MedicationRequest or RequestResourceType.DeviceRequest)
            {
                activity.Product = Concepts.FromCodes(codes, intervention.Name);
            }
            else
            {
                activity.Topic.AddRange(codes.Select(code => Concepts.FromCodes([code], text: null)));
            }
        }

        return activity;
    }

    private static string DoseGroupId(TrialMappingContext context, int index, int k, DoseRegimen regimen, HashSet<string> used)
    {
        var arms = context.Record.Arms ?? [];
        var armIndex = regimen.ArmGroupLabel is { } label ? arms.ToList().FindIndex(a => string.Equals(a.Label, label, StringComparison.Ordinal)) : -1;
        var id = context.Keys.DoseGroup(index + 1, k + 1, armIndex >= 0 ? armIndex + 1 : null, regimen.Label);
        if (!used.Add(id))
        {
            id = context.Keys.DoseGroup(index + 1, k + 1, armNumber: null, label: null);
            used.Add(id);
        }

        return id;
    }

    private static void Add(TrialMappingContext context, ActivityDefinition activity) =>
        context.Bundle.Update(activity, context.Keys.FullUrl("ActivityDefinition", activity.Id!), BundleBuilder.UrlSearch(activity.Url!));
}
