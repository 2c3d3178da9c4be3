using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using Reference = FhirTrials.Fhir.Model.Reference;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    private static void Identification(TrialMappingContext context, ResearchStudy study)
    {
        var record = context.Record;
        study.Identifier.Add(new Identifier { Use = IdentifierUse.Official, System = SystemUris.NctId, Value = record.RegistryId });
        foreach (var alias in record.RegistryIdAliases ?? [])
        {
            study.Identifier.Add(new Identifier { Use = IdentifierUse.Old, System = SystemUris.NctId, Value = alias });
        }

        if (record.OrgStudyId is { } orgStudyId)
        {
            study.Identifier.Add(StudyIdentifier(context, orgStudyId, "orgStudyId"));
        }

        foreach (var secondary in record.SecondaryIds ?? [])
        {
            study.Identifier.Add(StudyIdentifier(context, secondary, "secondaryIds"));
        }

        study.Title = record.BriefTitle;
        AddLabel(context, study, "briefTitle", record.BriefTitle);
        AddLabel(context, study, "officialTitle", record.OfficialTitle);
        AddLabel(context, study, "acronym", record.Acronym);
    }

    /// <summary>
    /// An org study id or secondary id: type = the FhirTrials identifier kind plus the CT.gov
    /// SecondaryIdType; the issuing domain as assigner display; the link kept in registry-fields.
    /// </summary>
    private static Identifier StudyIdentifier(TrialMappingContext context, StudyIdentifier source, string kind)
    {
        var type = new CodeableConcept();
        type.Coding.Add(context.Terminology.IdentifierType.Coding(kind));
        if (source.Type is { } idType)
        {
            type.Coding.Add(Concepts.Coding(SystemUris.CtGovEnumeration("SecondaryIdType"), Records.Json.EnumWire<StudyIdType>.ToWire(idType), null));
        }

        var identifier = new Identifier
        {
            Use = IdentifierUse.Secondary,
            Type = type,
            Value = source.Id,
            Assigner = source.Domain is { } domain ? new Reference { Display = domain } : null,
        };
        RegistryFields.Add(identifier, source, IdentifierMapped);
        return identifier;
    }

    private static readonly HashSet<string> IdentifierMapped = new(StringComparer.Ordinal) { "id", "type", "domain" };

    private static void AddLabel(TrialMappingContext context, ResearchStudy study, string property, string? value)
    {
        if (value is null)
        {
            return;
        }

        var label = study.AddExtension(ExtensionUrls.Label);
        label.AddExtension("type", new CodeableConcept { Coding = [context.Terminology.TitleType.Coding(property)] });
        label.AddExtension("value", new FhirString(value));
    }
}
