using FhirTrials.Fhir.Introspection;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Builders;

/// <summary><c>type.targetProfile</c> and <c>type.aggregation</c> of Reference types.</summary>
internal sealed class ReferenceBuilder : IAssertionBuilder
{
    private const string CorePrefix = "http://hl7.org/fhir/StructureDefinition/";

    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        var references = context.Definition.Types.Where(t => string.Equals(t.Code, "Reference", StringComparison.Ordinal)).ToList();
        if (references.Count == 0)
        {
            return;
        }

        var targets = new List<TargetProfile>();
        foreach (var canonical in references.SelectMany(r => r.TargetProfiles).Distinct(StringComparer.Ordinal))
        {
            var bare = canonical.Split('|')[0];
            if (bare.StartsWith(CorePrefix, StringComparison.Ordinal) && ModelInfo.IsResourceType(bare[CorePrefix.Length..]))
            {
                targets.Add(new TargetProfile(bare[CorePrefix.Length..], null));
            }
            else if (context.Services.Definitions.Get(canonical) is { } sd)
            {
                targets.Add(new TargetProfile(sd.Type, context.Services.Schemas.Ref(canonical)));
            }
            else
            {
                context.Compiler.Issue($"{context.Definition.Id}: the target profile {canonical} cannot be found; any target type is accepted");
                targets.Add(new TargetProfile("Resource", null));
            }
        }

        var aggregation = references.SelectMany(r => r.Aggregation).Distinct(StringComparer.Ordinal).ToList();
        assertions.Add(new ReferenceAssertion(targets, aggregation, context.Definition.Path));
    }

    /// <summary>The resource types a canonical's target profiles name (core types by URL, profiles by their definition).</summary>
    internal static List<string> TargetTypes(BuildContext context, IEnumerable<string> targetProfiles)
    {
        var types = new List<string>();
        foreach (var canonical in targetProfiles)
        {
            var bare = canonical.Split('|')[0];
            if (bare.StartsWith(CorePrefix, StringComparison.Ordinal) && ModelInfo.IsKnownType(bare[CorePrefix.Length..]))
            {
                types.Add(bare[CorePrefix.Length..]);
            }
            else if (context.Services.Definitions.Get(canonical) is { } sd)
            {
                types.Add(sd.Type);
            }
        }

        return types;
    }
}

/// <summary><c>type.targetProfile</c> of canonical types: the resource a canonical names must be of a target type.</summary>
internal sealed class CanonicalBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        var canonicals = context.Definition.Types.Where(t => string.Equals(t.Code, "canonical", StringComparison.Ordinal)).ToList();
        var types = ReferenceBuilder.TargetTypes(context, canonicals.SelectMany(c => c.TargetProfiles));
        if (types.Count > 0)
        {
            assertions.Add(new CanonicalTargetRule(types, context.Definition.Path));
        }
    }
}
