using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

internal static partial class StudyReverse
{
    private static IReadOnlyList<Phase>? Phases(ReverseContext context) =>
        context.Study.Phase?.Coding
            .Select(c => c.System is { } system && c.Code is { } code ? context.Tables.Phase.Reverse(system, code) : null)
            .FirstOrDefault(p => p is not null);

    /// <summary>Primary purpose and the R5 studyDesign concepts, each recognised by the CT.gov system of its table.</summary>
    private static StudyDesign? Design(ReverseContext context)
    {
        var study = context.Study;
        var tables = context.Tables;
        var designs = study.GetExtensions(ExtensionUrls.StudyDesign).Select(e => e.Value).OfType<CodeableConcept>().ToList();
        var masking = Attribute(designs, tables.Masking);
        var whoMasked = designs.Select(d => Has(d, tables.WhoMasked) ? Concepts.ToTable(tables.WhoMasked, d) : null).OfType<WhoMasked>().ToList();
        var design = new StudyDesign
        {
            PrimaryPurpose = Concepts.ToTable(tables.PrimaryPurpose, study.PrimaryPurposeType),
            Allocation = Attribute(designs, tables.Allocation),
            InterventionModel = Attribute(designs, tables.InterventionModel),
            ObservationalModel = Attribute(designs, tables.ObservationalModel),
            TimePerspective = Attribute(designs, tables.TimePerspective),
            Masking = masking is null && whoMasked.Count == 0 ? null : new MaskingInfo { Type = masking, WhoMasked = whoMasked.Count > 0 ? whoMasked : null },
        };
        return design == new StudyDesign() ? null : design;
    }

    private static TEnum? Attribute<TEnum>(List<CodeableConcept> designs, MappingTable<TEnum> table)
        where TEnum : struct, Enum =>
        designs.Where(d => Has(d, table)).Select(d => Concepts.ToTable(table, d)).FirstOrDefault(v => v is not null);

    private static bool Has<TEnum>(CodeableConcept concept, MappingTable<TEnum> table)
        where TEnum : struct, Enum => concept.Coding.Any(c => c.System == table.Data.SourceSystem);

    private static Enrollment? Enrollment(ResearchStudy study)
    {
        if (study.GetExtensionValue(ExtensionUrls.RecruitmentActualNumber) is UnsignedInt { Value: { } actual })
        {
            return new Enrollment { Count = actual, Type = EnrollmentType.Actual };
        }

        return study.GetExtensionValue(ExtensionUrls.RecruitmentTargetNumber) is UnsignedInt { Value: { } target }
            ? new Enrollment { Count = target, Type = EnrollmentType.Estimated }
            : null;
    }
}
