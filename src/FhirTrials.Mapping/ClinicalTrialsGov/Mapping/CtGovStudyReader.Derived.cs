using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The derived section: MeSH codes of conditions and interventions, and the data version.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames DerivedNames = CtFieldNames.Of(typeof(DerivedModule));
    private static readonly CtFieldNames BrowseNames = CtFieldNames.Of(typeof(BrowseField));
    private static readonly CtFieldNames MeshNames = CtFieldNames.Of(typeof(MeshField));
    private static readonly CtFieldNames MiscInfoNames = CtFieldNames.Of(typeof(MiscInfoField));

    private enum DerivedModule { ConditionBrowseModule, InterventionBrowseModule, MiscInfoModule }

    private enum BrowseField { Meshes }

    private enum MeshField { Id, Term }

    private enum MiscInfoField { VersionHolder }

    private DerivedParts ReadDerived(ref Utf8JsonReader reader)
    {
        var parts = new DerivedParts();
        var scope = Enter(DerivedNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((DerivedModule)field)
            {
                case DerivedModule.ConditionBrowseModule:
                    parts.ConditionMeshes = Section(ref reader, Step.ConditionMeshes) ? ReadMeshes(ref reader) : null;
                    break;
                case DerivedModule.InterventionBrowseModule:
                    parts.InterventionMeshes = Section(ref reader, Step.InterventionMeshes) ? ReadMeshes(ref reader) : null;
                    break;
                default:
                    parts.VersionHolder = Section(ref reader, Step.MiscInfo) ? ReadVersionHolder(ref reader) : null;
                    break;
            }
        }

        return parts;
    }

    /// <summary>The <c>meshes</c> of a browse module (its other lists are not kept).</summary>
    private List<Coding>? ReadMeshes(ref Utf8JsonReader reader)
    {
        List<Coding>? meshes = null;
        var scope = Enter(BrowseNames);
        while (Next(ref reader, ref scope, out _))
        {
            meshes = Objects(ref reader, ReadMesh);
        }

        return meshes;
    }

    private static Coding ReadMesh(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        var texts = study.Texts(ref reader, MeshNames, out var scope);
        return new Coding
        {
            System = CodeSystemUris.Mesh,
            Code = study.Required(texts[(int)MeshField.Id], ref scope, (int)MeshField.Id),
            Display = texts[(int)MeshField.Term],
        };
    }

    private string? ReadVersionHolder(ref Utf8JsonReader reader) =>
        Texts(ref reader, MiscInfoNames, out _)[(int)MiscInfoField.VersionHolder];

    /// <summary>The parts of the derived section, each null when absent.</summary>
    private sealed class DerivedParts
    {
        public List<Coding>? ConditionMeshes { get; set; }

        public List<Coding>? InterventionMeshes { get; set; }

        public string? VersionHolder { get; set; }
    }
}
