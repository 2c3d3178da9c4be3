using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// Extensions: the definition is the slice's type profile or is found by the extension's URL; the
/// extension must be allowed where it stands (its context), be a modifier exactly when it sits in
/// <c>modifierExtension</c>, and its content must match the definition. An unknown extension is a
/// warning; an unknown modifier extension is an error (it may change the meaning of the data).
/// </summary>
internal static class ExtensionValidation
{
    public static void Validate(ElementNode extension, ValidationScope scope, IReadOnlyList<SchemaRef> profiles, ElementSchema owner, bool isModifierSlot)
    {
        var url = extension.Child("url")?.Text;
        ProfileSchema? definition = null;
        if (profiles.Count > 0)
        {
            definition = profiles[0].Get();
            if (definition is null)
            {
                scope.Warning(IssueType.NotFound, extension, $"the extension definition {profiles[0].Canonical} cannot be found, so the extension was not checked", "extension-profile-not-found");
            }
        }
        else if (url is not null && IsAbsolute(url))
        {
            if (url.Contains('|', StringComparison.Ordinal))
            {
                scope.Error(IssueType.Invalid, extension, $"the extension URL must not contain a version ('{url}'): it was checked against the definition of {url[..url.IndexOf('|', StringComparison.Ordinal)]}", "extension-url-version");
                url = url[..url.IndexOf('|', StringComparison.Ordinal)];
            }

            definition = scope.Services.Schemas.Get(url);
            if (definition is null)
            {
                ReportUnknown(extension, scope, url, isModifierSlot);
            }
        }

        if (definition is not null && !definition.Definition.IsExtension)
        {
            scope.Error(IssueType.Structure, extension, $"the URL {url} identifies a {definition.Definition.Type} definition, not an extension", "extension-not-extension");
            definition = null;
        }

        if (definition is null)
        {
            scope.Services.Schemas.ForType("Extension")?.Root.ValidateAsType(extension, scope, owner.InvariantKeys, includeChildren: true);
            return;
        }

        CheckModifier(extension, scope, definition, isModifierSlot);
        ExtensionContextCheck.Check(extension, scope, definition);
        definition.Root.ValidateAsType(extension, scope, owner.InvariantKeys, includeChildren: true);
    }

    private static void ReportUnknown(ElementNode extension, ValidationScope scope, string url, bool isModifierSlot)
    {
        if (isModifierSlot)
        {
            scope.Error(IssueType.Extension, extension, $"unknown modifier extension {url}: a modifier extension that cannot be understood makes the resource unsafe to process", "extension-unknown-modifier");
        }
        else
        {
            scope.Warning(IssueType.Extension, extension, $"unknown extension {url}: its definition is not in the loaded packages, so it was not checked", "extension-unknown");
        }
    }

    private static void CheckModifier(ElementNode extension, ValidationScope scope, ProfileSchema definition, bool isModifierSlot)
    {
        var isModifier = definition.Definition.Elements[0].IsModifier;
        if (isModifier && !isModifierSlot)
        {
            scope.Error(IssueType.Structure, extension, $"the extension {definition.Url} is a modifier extension: it must be in modifierExtension, not extension", "extension-modifier-slot");
        }
        else if (!isModifier && isModifierSlot)
        {
            scope.Error(IssueType.Structure, extension, $"the extension {definition.Url} is not a modifier extension: it must be in extension, not modifierExtension", "extension-not-modifier");
        }
    }

    private static bool IsAbsolute(string url) => url.Contains(':', StringComparison.Ordinal);
}
