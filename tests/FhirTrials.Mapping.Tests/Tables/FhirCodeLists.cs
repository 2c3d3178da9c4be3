namespace FhirTrials.Mapping.Tests.Tables;

/// <summary>Code lists of the FHIR code systems the mapping tables target, copied from the specification.</summary>
internal static class FhirCodeLists
{
    /// <summary>Codes of the target code systems, copied from the FHIR specification, to check the tables against.</summary>
    public static readonly Dictionary<string, string[]> TargetCodes = new(StringComparer.Ordinal)
    {
        ["http://hl7.org/fhir/research-study-status"] =
        [
            "active", "administratively-completed", "approved", "closed-to-accrual", "closed-to-accrual-and-intervention",
            "completed", "disapproved", "in-review", "temporarily-closed-to-accrual",
            "temporarily-closed-to-accrual-and-intervention", "withdrawn",
        ],
        ["http://terminology.hl7.org/CodeSystem/research-study-phase"] =
            ["n-a", "early-phase-1", "phase-1", "phase-1-phase-2", "phase-2", "phase-2-phase-3", "phase-3", "phase-4"],
        ["http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type"] =
        [
            "treatment", "prevention", "diagnostic", "supportive-care", "screening", "health-services-research",
            "basic-science", "device-feasibility",
        ],
        ["http://hl7.org/fhir/research-study-arm-type"] =
            ["active-comparator", "placebo-comparator", "sham-comparator", "no-intervention", "experimental", "other-arm-type"],
        ["http://terminology.hl7.org/CodeSystem/organization-type"] =
            ["prov", "dept", "team", "govt", "ins", "pay", "edu", "reli", "crs", "cg", "bus", "other"],
        ["http://hl7.org/fhir/administrative-gender"] = ["male", "female", "other", "unknown"],
    };

    /// <summary>R4 request-resource-types (ActivityDefinition.kind).</summary>
    public static readonly string[] RequestResourceTypes =
    [
        "Appointment", "AppointmentResponse", "CarePlan", "Claim", "CommunicationRequest", "Contract", "DeviceRequest",
        "EnrollmentRequest", "ImmunizationRecommendation", "MedicationRequest", "NutritionOrder", "ServiceRequest",
        "SupplyRequest", "Task", "VisionPrescription",
    ];
}
