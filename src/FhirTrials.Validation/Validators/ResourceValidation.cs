using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// A resource, wherever it stands (the input, a contained resource, a Bundle entry, a Parameters
/// value): validated against its type's base definition and each profile it claims in
/// <c>meta.profile</c> (or the profiles asked for), plus any profile the containing element requires.
/// A profile of the resource's own type already holds every base rule, so the base is then skipped.
/// </summary>
internal static class ResourceValidation
{
    private const int MaxDepth = 16;

    /// <param name="resource">The resource node.</param>
    /// <param name="scope">The run.</param>
    /// <param name="explicitProfiles">Profiles that replace <c>meta.profile</c> (the caller's <c>--profile</c>); null to use <c>meta.profile</c>.</param>
    /// <param name="elementProfiles">Profiles the containing element's type requires.</param>
    public static void Validate(ElementNode resource, ValidationScope scope, IReadOnlyList<string>? explicitProfiles, IReadOnlyList<SchemaRef> elementProfiles)
    {
        if (resource.Type is not { } type || scope.Depth > MaxDepth)
        {
            return;
        }

        var schemas = new List<ProfileSchema>(2);
        var cache = scope.Services.Schemas;
        if (explicitProfiles is not null)
        {
            foreach (var profile in explicitProfiles)
            {
                Add(cache.Get(profile), profile, resource, resource, scope, schemas);
            }
        }
        else if (resource.Child("meta") is { } meta)
        {
            foreach (var claimed in meta.ChildrenNamed("profile"))
            {
                if (claimed.Text is { } profile)
                {
                    Add(cache.Get(profile), profile, resource, claimed, scope, schemas);
                }
            }
        }

        foreach (var global in scope.Services.GlobalProfiles(type.Name))
        {
            Add(cache.Get(global), global, resource, resource, scope, schemas);
        }

        if (ChooseElementProfile(resource, scope, elementProfiles) is { } chosen)
        {
            Add(chosen.Get(), chosen.Canonical, resource, resource, scope, schemas);
        }

        if (!schemas.Exists(s => string.Equals(s.Definition.Type, type.Name, StringComparison.Ordinal)) && cache.ForType(type.Name) is { } baseSchema)
        {
            schemas.Insert(0, baseSchema);
        }

        scope.Depth++;
        foreach (var schema in schemas)
        {
            schema.Root.Validate(resource, scope);
        }

        scope.Depth--;
    }

    /// <summary>The containing element's type profiles are alternatives: the first the resource conforms to (or the first, to report against).</summary>
    private static SchemaRef? ChooseElementProfile(ElementNode resource, ValidationScope scope, IReadOnlyList<SchemaRef> profiles)
    {
        if (profiles.Count <= 1)
        {
            return profiles.Count == 0 ? null : profiles[0];
        }

        foreach (var profile in profiles)
        {
            if (profile.Get() is not null && scope.Conforms(resource, profile.Canonical, probe =>
            {
                Validate(resource, probe, [profile.Canonical], []);
                return probe.ErrorCount == 0;
            }))
            {
                return profile;
            }
        }

        scope.Error(IssueType.Structure, resource, $"the resource conforms to none of the profiles {string.Join(", ", profiles.Select(p => p.Canonical))}; against the first:", "profile-none");
        return profiles[0];
    }

    private static void Add(ProfileSchema? schema, string canonical, ElementNode resource, ElementNode where, ValidationScope scope, List<ProfileSchema> schemas)
    {
        if (schema is null)
        {
            scope.Warning(IssueType.NotFound, where, $"the profile {canonical} cannot be found, so the resource was not checked against it", "profile-unknown");
            return;
        }

        if (!resource.Type!.IsSubtypeOf(schema.Definition.Type))
        {
            scope.Error(IssueType.Structure, where, $"the profile {canonical} constrains {schema.Definition.Type}, but this resource is a {resource.Type.Name}", "profile-wrong-type");
            return;
        }

        if (!schemas.Contains(schema))
        {
            schemas.Add(schema);
        }
    }
}
