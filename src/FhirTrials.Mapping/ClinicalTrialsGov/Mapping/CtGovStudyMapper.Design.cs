using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal static partial class CtGovStudyMapper
{
    private static StudyDesign? Design(CtNode design, MappingTables tables)
    {
        var info = design.Object("designInfo");
        var masking = info?.Object("maskingInfo");
        var result = new StudyDesign
        {
            Allocation = info?.Enum<DesignAllocation>("allocation"),
            InterventionModel = info?.Enum<InterventionModel>("interventionModel"),
            InterventionModelDescription = info?.String("interventionModelDescription"),
            PrimaryPurpose = info?.Enum<PrimaryPurpose>("primaryPurpose"),
            ObservationalModel = info?.Enum<ObservationalModel>("observationalModel"),
            TimePerspective = info?.Enum<TimePerspective>("timePerspective"),
            Masking = masking is { } m
                ? new MaskingInfo
                {
                    Type = m.Enum<Masking>("masking"),
                    Description = m.String("maskingDescription"),
                    WhoMasked = m.Enums<WhoMasked>("whoMasked"),
                }
                : null,
            TargetDuration = design.String("targetDuration") is { } duration ? DurationParser.Parse(duration, tables.TimeUnits) : null,
            BioSpec = design.Object("bioSpec") is { } bioSpec
                ? new BioSpec { Retention = bioSpec.Enum<BioSpecRetention>("retention"), Description = bioSpec.String("description") }
                : null,
            PatientRegistry = design.Bool("patientRegistry"),
            ExpandedAccessTypes = design.Object("expandedAccessTypes") is { } types
                ? new ExpandedAccessTypes
                {
                    Individual = types.Bool("individual"),
                    Intermediate = types.Bool("intermediate"),
                    Treatment = types.Bool("treatment"),
                }
                : null,
        };
        return result == new StudyDesign() ? null : result;
    }

    private static Enrollment Enrollment(CtNode enrollment) => new()
    {
        Count = enrollment.Int("count"),
        Type = enrollment.Enum<EnrollmentType>("type"),
    };
}
