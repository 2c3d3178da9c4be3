using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Criteria;

/// <summary>Reads Group.characteristic into <see cref="CriterionSpec"/>s: kind, code, value, exclude, criterion-source and time window.</summary>
internal static class CharacteristicReader
{
    public const string CriterionSourceUrl = "https://fhirtrials.org/fhir/StructureDefinition/criterion-source";
    public const string TimeWindowUrl = "https://fhirtrials.org/fhir/StructureDefinition/criterion-time-window";
    public const string AgeCode = "397669002";
    public const string GenderCode = "263495000";
    public const string BmiCode = "39156-5";

    public static IReadOnlyList<CriterionSpec> Read(Group group, MatchingKnowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(group);
        var specs = new List<CriterionSpec>(group.Characteristic.Count);
        for (var i = 0; i < group.Characteristic.Count; i++)
        {
            specs.Add(Read(i, group.Characteristic[i], knowledge));
        }

        return specs;
    }

    private static CriterionSpec Read(int index, Group.CharacteristicComponent characteristic, MatchingKnowledge knowledge)
    {
        var coding = characteristic.Code?.Coding.FirstOrDefault(c => c.System is not null && c.Code is not null);
        CodeKey? code = coding is null ? null : new CodeKey(coding.System!, coding.Code!);
        var source = characteristic.GetExtension(CriterionSourceUrl);
        var span = source?.GetExtension("span");
        return new CriterionSpec
        {
            Index = index,
            Kind = KindOf(code, characteristic.Value, knowledge),
            Code = code,
            CodeText = characteristic.Code?.Text ?? coding?.Display,
            CodeDisplay = coding?.Display,
            Value = characteristic.Value,
            Exclude = characteristic.Exclude ?? false,
            ItemId = Text(source, "itemId"),
            ItemText = Text(source, "itemText"),
            SpanStart = (span?.GetExtensionValue("start") as Integer)?.Value,
            SpanLength = (span?.GetExtensionValue("length") as Integer)?.Value,
            Window = Window(characteristic.GetExtension(TimeWindowUrl)),
        };
    }

    private static CharacteristicKind KindOf(CodeKey? code, DataType? value, MatchingKnowledge knowledge)
    {
        if (code is not { } key)
        {
            return value is CodeableConcept { Coding.Count: 0 } ? CharacteristicKind.FreeText : CharacteristicKind.Other;
        }

        var numeric = value is Fhir.Model.Quantity or Fhir.Model.Range;
        return (key.System, key.Code) switch
        {
            (CodeSystems.SnomedCt, AgeCode) => CharacteristicKind.Age,
            (CodeSystems.SnomedCt, GenderCode) => CharacteristicKind.Sex,
            (CodeSystems.Loinc, BmiCode) => CharacteristicKind.BodyMassIndex,
            (CodeSystems.FhirTrialsEligibility, "healthy-volunteers") => CharacteristicKind.HealthyVolunteers,
            (CodeSystems.FhirTrialsEligibility, "informed-consent") => CharacteristicKind.Consent,
            (CodeSystems.FhirTrialsEligibility, "trial-participation") => CharacteristicKind.StudyParticipation,
            (CodeSystems.FhirTrialsEligibility, "therapy-or-event") => CharacteristicKind.Therapy,
            (CodeSystems.FhirTrialsEligibility, "free-text") => CharacteristicKind.FreeText,
            _ when knowledge.Scores.Contains(key) => CharacteristicKind.Score,
            (CodeSystems.FhirTrialsEligibility, _) when numeric => CharacteristicKind.Score,
            _ when numeric => CharacteristicKind.Measurement,
            _ when value is FhirBoolean => CharacteristicKind.Condition,
            _ => CharacteristicKind.Other,
        };
    }

    private static string? Text(Extension? parent, string url) => (parent?.GetExtensionValue(url) as FhirString)?.Value;

    private static TimeWindowSpec? Window(Extension? extension)
    {
        if (extension?.GetExtensionValue("duration") is not Fhir.Model.Quantity { Value: { } value } duration
            || (extension.GetExtensionValue("relation") as Code)?.Value is not { } relationCode)
        {
            return null;
        }

        WindowRelation? relation = relationCode switch
        {
            "within" => WindowRelation.Within,
            "before" => WindowRelation.Before,
            "at-least" => WindowRelation.AtLeast,
            "at-most" => WindowRelation.AtMost,
            _ => null,
        };
        return relation is null
            ? null
            : new TimeWindowSpec(value, duration.Code ?? duration.Unit ?? "d", relation.Value, Text(extension, "text"));
    }
}
