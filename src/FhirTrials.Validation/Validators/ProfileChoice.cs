using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>Validation against one of several profiles (type profiles are alternatives): the first that fits is applied.</summary>
internal static class ProfileChoice
{
    public static void Validate(ElementNode node, ValidationScope scope, IReadOnlyList<SchemaRef> profiles, Action<ProfileSchema> validate)
    {
        var resolved = new List<ProfileSchema>(profiles.Count);
        foreach (var profile in profiles)
        {
            if (profile.Get() is { } schema)
            {
                resolved.Add(schema);
            }
            else
            {
                scope.Warning(IssueType.NotFound, node, $"the profile {profile.Canonical} cannot be found, so the value was not checked against it", "profile-not-found");
            }
        }

        if (resolved.Count <= 1)
        {
            if (resolved.Count == 1)
            {
                validate(resolved[0]);
            }

            return;
        }

        foreach (var schema in resolved)
        {
            var probe = scope.Probe();
            schema.Root.Validate(node, probe);
            if (probe.ErrorCount == 0)
            {
                validate(schema);
                return;
            }
        }

        scope.Error(IssueType.Structure, node, $"the value matches none of the profiles {string.Join(", ", resolved.Select(s => s.Url))}; against the first:", "profile-none");
        validate(resolved[0]);
    }
}
