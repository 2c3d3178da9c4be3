using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The design module: study type, phases, design details and enrollment.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames DesignNames = CtFieldNames.Of(typeof(DesignField));
    private static readonly CtFieldNames DesignInfoNames = CtFieldNames.Of(typeof(DesignInfoField));
    private static readonly CtFieldNames MaskingNames = CtFieldNames.Of(typeof(MaskingField));
    private static readonly CtFieldNames BioSpecNames = CtFieldNames.Of(typeof(BioSpecField));
    private static readonly CtFieldNames AccessTypeNames = CtFieldNames.Of(typeof(AccessTypeField));
    private static readonly CtFieldNames EnrollmentNames = CtFieldNames.Of(typeof(EnrollmentField));

    private enum DesignField { StudyType, Phases, DesignInfo, TargetDuration, BioSpec, PatientRegistry, ExpandedAccessTypes, EnrollmentInfo }

    /// <summary>Whether <c>maskingInfo</c> is an object is checked first; its fields after the others (<see cref="MaskingContent"/>).</summary>
    private enum DesignInfoField { MaskingInfo, Allocation, InterventionModel, InterventionModelDescription, PrimaryPurpose, ObservationalModel, TimePerspective }

    private enum MaskingField { Masking, MaskingDescription, WhoMasked }

    private enum BioSpecField { Retention, Description }

    private enum AccessTypeField { Individual, Intermediate, Treatment }

    private enum EnrollmentField { Count, Type }

    private const int MaskingContent = (int)DesignInfoField.TimePerspective + 1;

    private (StudyType? Type, List<Phase>? Phases, StudyDesign? Design, Enrollment? Enrollment) ReadDesign(ref Utf8JsonReader reader)
    {
        (StudyType? Type, List<Phase>? Phases, StudyDesign? Design, Enrollment? Enrollment) parts = default;
        StudyDesign? info = null;
        ParsedDuration? targetDuration = null;
        BioSpec? bioSpec = null;
        bool? patientRegistry = null;
        ExpandedAccessTypes? accessTypes = null;
        var scope = Enter(DesignNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((DesignField)field)
            {
                case DesignField.StudyType: parts.Type = Enum<StudyType>(ref reader); break;
                case DesignField.Phases: parts.Phases = Enums<Phase>(ref reader); break;
                case DesignField.DesignInfo: info = IsObject(ref reader) ? ReadDesignInfo(ref reader) : null; break;
                case DesignField.TargetDuration: targetDuration = String(ref reader) is { } text ? DurationParser.Parse(text, _tables.TimeUnits) : null; break;
                case DesignField.BioSpec: bioSpec = IsObject(ref reader) ? ReadBioSpec(ref reader) : null; break;
                case DesignField.PatientRegistry: patientRegistry = Bool(ref reader); break;
                case DesignField.ExpandedAccessTypes: accessTypes = IsObject(ref reader) ? ReadAccessTypes(ref reader) : null; break;
                default: parts.Enrollment = IsObject(ref reader) ? ReadEnrollment(ref reader) : null; break;
            }
        }

        var design = (info ?? new StudyDesign()) with
        {
            TargetDuration = targetDuration,
            BioSpec = bioSpec,
            PatientRegistry = patientRegistry,
            ExpandedAccessTypes = accessTypes,
        };
        parts.Design = design == new StudyDesign() ? null : design;
        return parts;
    }

    /// <summary>The design fields that come from <c>designInfo</c>.</summary>
    private StudyDesign ReadDesignInfo(ref Utf8JsonReader reader)
    {
        var design = new StudyDesign();
        var scope = Enter(DesignInfoNames);
        while (Next(ref reader, ref scope, out var field))
        {
            design = (DesignInfoField)field switch
            {
                DesignInfoField.MaskingInfo => design with { Masking = ReadMasking(ref reader) },
                DesignInfoField.Allocation => design with { Allocation = Enum<DesignAllocation>(ref reader) },
                DesignInfoField.InterventionModel => design with { InterventionModel = Enum<InterventionModel>(ref reader) },
                DesignInfoField.InterventionModelDescription => design with { InterventionModelDescription = String(ref reader) },
                DesignInfoField.PrimaryPurpose => design with { PrimaryPurpose = Enum<PrimaryPurpose>(ref reader) },
                DesignInfoField.ObservationalModel => design with { ObservationalModel = Enum<ObservationalModel>(ref reader) },
                _ => design with { TimePerspective = Enum<TimePerspective>(ref reader) },
            };
        }

        return design;
    }

    private MaskingInfo? ReadMasking(ref Utf8JsonReader reader)
    {
        if (!IsObject(ref reader))
        {
            return null;
        }

        // Problems inside count after the other designInfo fields.
        _path[_depth - 1] = _path[_depth - 1] with { Rank = MaskingContent };
        var masking = new MaskingInfo();
        var scope = Enter(MaskingNames);
        while (Next(ref reader, ref scope, out var field))
        {
            masking = (MaskingField)field switch
            {
                MaskingField.Masking => masking with { Type = Enum<Masking>(ref reader) },
                MaskingField.MaskingDescription => masking with { Description = String(ref reader) },
                _ => masking with { WhoMasked = Enums<WhoMasked>(ref reader) },
            };
        }

        return masking;
    }

    private BioSpec ReadBioSpec(ref Utf8JsonReader reader)
    {
        var bioSpec = new BioSpec();
        var scope = Enter(BioSpecNames);
        while (Next(ref reader, ref scope, out var field))
        {
            bioSpec = field == (int)BioSpecField.Retention
                ? bioSpec with { Retention = Enum<BioSpecRetention>(ref reader) }
                : bioSpec with { Description = String(ref reader) };
        }

        return bioSpec;
    }

    private ExpandedAccessTypes ReadAccessTypes(ref Utf8JsonReader reader)
    {
        var types = new ExpandedAccessTypes();
        var scope = Enter(AccessTypeNames);
        while (Next(ref reader, ref scope, out var field))
        {
            types = (AccessTypeField)field switch
            {
                AccessTypeField.Individual => types with { Individual = Bool(ref reader) },
                AccessTypeField.Intermediate => types with { Intermediate = Bool(ref reader) },
                _ => types with { Treatment = Bool(ref reader) },
            };
        }

        return types;
    }

    private Enrollment ReadEnrollment(ref Utf8JsonReader reader)
    {
        var enrollment = new Enrollment();
        var scope = Enter(EnrollmentNames);
        while (Next(ref reader, ref scope, out var field))
        {
            enrollment = field == (int)EnrollmentField.Count
                ? enrollment with { Count = Int(ref reader) }
                : enrollment with { Type = Enum<EnrollmentType>(ref reader) };
        }

        return enrollment;
    }
}
