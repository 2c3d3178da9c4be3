using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    private static void Design(TrialMappingContext context, ResearchStudy study)
    {
        var record = context.Record;
        var tables = context.Tables;
        if (record.StudyType is { } studyType)
        {
            study.Category.Add(Concepts.FromTable(tables.StudyType, studyType));
        }

        if (PhaseIsMapped(context) && tables.Phase.Map(record.Phases!) is { } phase)
        {
            study.Phase = new CodeableConcept { Coding = [Concepts.Coding(phase.System!, phase.Code!, phase.Display)], Text = phase.SourceDisplay };
        }

        if (record.Design is { } design)
        {
            if (design.PrimaryPurpose is { } purpose)
            {
                study.PrimaryPurposeType = Concepts.FromTable(tables.PrimaryPurpose, purpose);
            }

            AddStudyDesign(study, tables.Allocation, design.Allocation);
            AddStudyDesign(study, tables.InterventionModel, design.InterventionModel);
            AddStudyDesign(study, tables.Masking, design.Masking?.Type);
            foreach (var role in design.Masking?.WhoMasked ?? [])
            {
                AddStudyDesign(study, tables.WhoMasked, role);
            }

            AddStudyDesign(study, tables.ObservationalModel, design.ObservationalModel);
            AddStudyDesign(study, tables.TimePerspective, design.TimePerspective);
        }

        if (EnrollmentIsMapped(record.Enrollment))
        {
            var enrollment = record.Enrollment!;
            var url = enrollment.Type == EnrollmentType.Actual ? ExtensionUrls.RecruitmentActualNumber : ExtensionUrls.RecruitmentTargetNumber;
            study.AddExtension(url, new UnsignedInt(enrollment.Count));
        }
    }

    private static void AddStudyDesign<TEnum>(ResearchStudy study, MappingTable<TEnum> table, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } present)
        {
            study.AddExtension(ExtensionUrls.StudyDesign, Concepts.FromTable(table, present));
        }
    }

    /// <summary>A phase list goes to ResearchStudy.phase when the table has it and it is written in CT.gov order.</summary>
    private static bool PhaseIsMapped(TrialMappingContext context) =>
        context.Record.Phases is { Count: > 0 } phases
        && context.Tables.Phase.Map(phases) is not null
        && string.Equals(PhaseTable.Key(phases), string.Join('+', phases.Select(Records.Json.EnumWire<Phase>.ToWire)), StringComparison.Ordinal);

    /// <summary>Enrollment goes to the R5 recruitment numbers when it has a count, a type and the count is not negative.</summary>
    private static bool EnrollmentIsMapped(Enrollment? enrollment) =>
        enrollment is { Count: >= 0, Type: not null };

    /// <summary>The design without the attributes written as phase, primaryPurposeType and studyDesign.</summary>
    private static StudyDesign DesignResidual(StudyDesign design) => design with
    {
        Allocation = null,
        InterventionModel = null,
        PrimaryPurpose = null,
        ObservationalModel = null,
        TimePerspective = null,
        Masking = design.Masking is { } masking ? masking with { Type = null, WhoMasked = null } : null,
    };
}
