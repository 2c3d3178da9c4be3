using FhirTrials.Eligibility;
using FhirTrials.Eligibility.Model;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using Quantity = FhirTrials.Fhir.Model.Quantity;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Eligibility → Group (type person, actual false): the criteria text as written (R5 Group.description),
/// the age range, a restricted sex, healthy volunteers, and one characteristic per structured criterion
/// or text-only item of the parsed criteria (docs/eligibility-encoding.md).
/// </summary>
internal static partial class EligibilityGroupMapper
{
    private const string AgeCode = "397669002";
    private const string GenderCode = "263495000";

    public static void Map(TrialMappingContext context, Records.Eligibility eligibility)
    {
        var group = new Group
        {
            Id = context.Keys.Eligibility,
            Meta = Elements.Meta(Profiles.Eligibility),
            Type = GroupType.Person,
            Actual = false,
            Name = "Eligibility criteria of " + context.Record.RegistryId,
        };
        if (eligibility.Criteria is { } criteria)
        {
            group.AddExtension(ExtensionUrls.GroupDescription, new Markdown(criteria));
        }

        var minimum = eligibility.MinimumAge is { } min ? Elements.FromParsedDuration<Quantity>(min) : null;
        var maximum = eligibility.MaximumAge is { } max ? Elements.FromParsedDuration<Quantity>(max) : null;
        if (minimum is not null || maximum is not null)
        {
            group.Characteristic.Add(Characteristic(Concepts.Coding(SystemUris.Snomed, AgeCode, "Age"), new FhirTrials.Fhir.Model.Range { Low = minimum, High = maximum }));
        }

        var sexIsMapped = eligibility.Sex is { } sex && context.Tables.Sex.Map(sex).IsMapped;
        if (sexIsMapped)
        {
            group.Characteristic.Add(Characteristic(
                Concepts.Coding(SystemUris.Snomed, GenderCode, "Gender"), Concepts.FromTable(context.Tables.Sex, eligibility.Sex!.Value)));
        }

        if (eligibility.HealthyVolunteers is { } healthy)
        {
            group.Characteristic.Add(Characteristic(context.Terminology.Eligibility.Coding("healthyVolunteers"), new FhirBoolean(healthy)));
        }

        if (eligibility.Criteria is { } text)
        {
            var parsed = EligibilityCriteriaParser.Parse(text, new EligibilityContext(
                eligibility.MinimumAge?.Text, eligibility.MaximumAge?.Text, eligibility.Sex is { } s ? EnumWire<Sex>.ToWire(s) : null));
            AddCriteria(context, group, parsed);
        }

        RegistryFields.Add(group, eligibility with
        {
            Criteria = null,
            HealthyVolunteers = null,
            Sex = sexIsMapped ? null : eligibility.Sex,
            MinimumAge = minimum is null ? eligibility.MinimumAge : null,
            MaximumAge = maximum is null ? eligibility.MaximumAge : null,
        });
        context.AddKeyed(group, group.Identifier);
    }

    private static Group.CharacteristicComponent Characteristic(FhirTrials.Fhir.Model.Coding code, DataType value, bool exclude = false) => new()
    {
        Code = new CodeableConcept { Coding = [code], Text = code.Display },
        Value = value,
        Exclude = exclude,
    };
}
