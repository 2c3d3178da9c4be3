using System.Text.Json.Nodes;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>The state of reversing one study: its resources, the tables, and the registry-fields patches found on the way.</summary>
internal sealed class ReverseContext
{
    private readonly List<(IReadOnlyList<object> Path, JsonObject Patch)> _patches = [];

    public ReverseContext(ResearchStudy study, ResourceSet resources, MappingTables tables, MappingTerminology terminology)
    {
        Study = study;
        Resources = resources;
        Tables = tables;
        Terminology = terminology;
        Protocol = study.Protocol.Select(resources.Resolve<PlanDefinition>).FirstOrDefault(p => p is not null);
    }

    public ResearchStudy Study { get; }

    public ResourceSet Resources { get; }

    public MappingTables Tables { get; }

    public MappingTerminology Terminology { get; }

    /// <summary>The protocol PlanDefinition, when the study has one in the set.</summary>
    public PlanDefinition? Protocol { get; }

    /// <summary>The registry-fields objects to merge into the record, with their JSON paths.</summary>
    public IReadOnlyList<(IReadOnlyList<object> Path, JsonObject Patch)> Patches => _patches;

    /// <summary>Keeps the registry-fields of <paramref name="element"/> (a record <typeparamref name="T"/>) for the record path.</summary>
    public void Keep<T>(IExtendable element, params object[] path)
    {
        if (RegistryFields.Decode<T>(element) is { } patch)
        {
            _patches.Add((path, patch));
        }
    }
}
