using FhirTrials.Fhir.Model;

namespace FhirTrials.Server.Capabilities;

public sealed partial class CapabilityStatementBuilder
{
    /// <summary>The CodeX trial-matching operation this server implements on ResearchStudy.</summary>
    public const string MatchOperationDefinition = "http://mcodeinitiative.org/codex/us/patient.clinical.trial.matching/OperationDefinition/ClinicalTrialMatchService";

    private CapabilityStatement.ResourceComponent Resource(string type)
    {
        var resource = new CapabilityStatement.ResourceComponent
        {
            Profile = "http://hl7.org/fhir/StructureDefinition/" + type,
            Versioning = ResourceVersionPolicy.VersionedUpdate,
            ReadHistory = true,
            UpdateCreate = true,
            ConditionalCreate = true,
            ConditionalUpdate = true,
            ConditionalDelete = ConditionalDeleteStatus.Single,
        };
        resource.TypeElement = new Code<ResourceType>();
        resource.TypeElement.LexicalValue = type;
        resource.ReferencePolicyElement.Add(new Code<ReferenceHandlingPolicy>(ReferenceHandlingPolicy.Literal));
        resource.ReferencePolicyElement.Add(new Code<ReferenceHandlingPolicy>(ReferenceHandlingPolicy.Logical));
        foreach (var interaction in TypeInteractions)
        {
            resource.Interaction.Add(new CapabilityStatement.ResourceInteractionComponent { Code = interaction });
        }

        var parameters = _registry.ForType(type).Values.OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        foreach (var parameter in parameters)
        {
            resource.SearchParam.Add(new CapabilityStatement.SearchParamComponent
            {
                Name = parameter.Code,
                Definition = parameter.Url,
                Type = parameter.Type,
                Documentation = parameter.IsBackported ? "Back-ported: " + parameter.Description : null,
            });
        }

        resource.SearchIncludeElement.Add(new FhirString("*"));
        foreach (var parameter in parameters.Where(p => p.Type == SearchParamType.Reference))
        {
            resource.SearchIncludeElement.Add(new FhirString(type + ":" + parameter.Code));
        }

        foreach (var source in _registry.All.Where(p => p.Type == SearchParamType.Reference && p.Targets.Contains(type)))
        {
            foreach (var sourceType in source.Bases.Where(b => b is not ("Resource" or "DomainResource")))
            {
                resource.SearchRevIncludeElement.Add(new FhirString(sourceType + ":" + source.Code));
            }
        }

        if (type == "ResearchStudy")
        {
            resource.Operation.Add(new CapabilityStatement.OperationComponent
            {
                Name = "match",
                Definition = MatchOperationDefinition,
                Documentation = "POST a Parameters with trialMatchClinicalData (a Bundle of the patient's data); returns a searchset Bundle of ResearchStudy with search.score and per-criterion outcomes.",
            });
        }

        return resource;
    }

    private CapabilityStatement.SecurityComponent Security()
    {
        var security = _options.Security;
        var reads = security.RequireAuthForReads ? "Reads need a bearer token." : "Reads are public.";
        var writes = security.WritesConfigured
            ? "Writes need Authorization: Bearer with the server's API key" + (string.IsNullOrEmpty(security.JwtSigningKey) ? "." : " or a JWT from the configured issuer.")
            : "Writes are disabled (no API key or JWT key configured).";
        return new CapabilityStatement.SecurityComponent { Cors = false, Description = reads + " " + writes };
    }
}
