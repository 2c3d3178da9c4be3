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
        study.Category.Add(record.StudyType is { } studyType
            ? Concepts.FromTable(tables.StudyType, studyType)
            : new CodeableConcept { Coding = [Elements.Absent(new FhirTrials.Fhir.Model.Coding { System = tables.StudyType.Data.SourceSystem })] });
        study.Phase = Phase(context);
        study.PrimaryPurposeType = record.Design?.PrimaryPurpose is { } purpose
            ? Concepts.FromTable(tables.PrimaryPurpose, purpose)
            : Elements.Absent(new CodeableConcept());

        if (record.Design is { } design)
        {
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

    /// <summary>
    /// The phase code of the table (<c>phase-1-phase-2</c>…); no phases → <c>n-a</c> alone (R4's code for
    /// "not applicable", which the profile requires), while CT.gov's explicit NA also carries the CT.gov
    /// coding so the two come back apart; a combination the table lacks → data-absent-reason.
    /// </summary>
    private static CodeableConcept Phase(TrialMappingContext context)
    {
        var table = context.Tables.Phase;
        if (context.Record.Phases is not { Count: > 0 } phases)
        {
            var notApplicable = table.Map([Records.Phase.NotApplicable])!;
            return new CodeableConcept { Coding = [Concepts.Coding(notApplicable.System!, notApplicable.Code!, notApplicable.Display)] };
        }

        if (table.Map(phases) is not { } row)
        {
            return Elements.Absent(new CodeableConcept());
        }

        var concept = new CodeableConcept { Coding = [Concepts.Coding(row.System!, row.Code!, row.Display)], Text = row.SourceDisplay };
        if (phases is [Records.Phase.NotApplicable])
        {
            concept.Coding.Add(Concepts.Coding(table.Data.SourceSystem, Records.Json.EnumWire<Phase>.ToWire(Records.Phase.NotApplicable), row.SourceDisplay));
        }

        return concept;
    }

    /// <summary>The phase list comes back from ResearchStudy.phase: the table has it and it is written in CT.gov order.</summary>
    private static bool PhaseIsMapped(TrialMappingContext context) =>
        context.Record.Phases is { Count: > 0 } phases
        && PhaseTable.IsInKeyOrder(phases)
        && context.Tables.Phase.Map(phases) is not null;

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
