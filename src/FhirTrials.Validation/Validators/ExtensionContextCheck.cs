using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>Checks that an extension is used where its definition's <c>context</c> allows.</summary>
internal static class ExtensionContextCheck
{
    public static void Check(ElementNode extension, ValidationScope scope, ProfileSchema definition)
    {
        var contexts = definition.Definition.Contexts;
        if (contexts.Count == 0 || extension.Parent is not { } parent)
        {
            return;
        }

        foreach (var context in contexts.Concat(ContextErrata.For(definition.Url)))
        {
            switch (context.Type)
            {
                case "element" when Matches(parent, context.Expression):
                    return;
                case "extension" when string.Equals(parent.Type?.Name, "Extension", StringComparison.Ordinal)
                    && string.Equals(parent.Child("url")?.Text, context.Expression, StringComparison.Ordinal):
                    return;
                case "fhirpath":
                    return; // FHIRPath contexts are not evaluated
            }
        }

        var allowed = string.Join(", ", contexts.Select(c => c.Expression));
        scope.Error(IssueType.BusinessRule, extension, $"the extension {definition.Url} is not allowed here: it may be used on {allowed}, but this is {Describe(parent)}", "extension-context");
    }

    private static bool Matches(ElementNode parent, string expression)
    {
        if (string.Equals(expression, "Element", StringComparison.Ordinal))
        {
            return true;
        }

        if (parent.Definition is { } element && !parent.IsResource && PathMatches(element.Path, expression))
        {
            return true;
        }

        for (var type = parent.Type; type is not null; type = type.Base)
        {
            if (string.Equals(type.Name, expression, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An element path against a context: equal, or the same choice (<c>value[x]</c> and <c>valueQuantity</c>).</summary>
    private static bool PathMatches(string path, string expression)
    {
        if (string.Equals(path, expression, StringComparison.Ordinal))
        {
            return true;
        }

        return path.EndsWith("[x]", StringComparison.Ordinal) && expression.StartsWith(path[..^3], StringComparison.Ordinal)
            && expression.IndexOf('.', path.Length - 3) < 0;
    }

    private static string Describe(ElementNode parent) =>
        parent.IsResource ? parent.Type!.Name : parent.Definition?.Path ?? parent.Type?.Name ?? parent.Name;
}

/// <summary>Extra contexts for extensions the R4 definitions themselves use outside their declared context (context-errata.json).</summary>
internal static class ContextErrata
{
    private static readonly Lazy<ILookup<string, Definitions.ExtensionContext>> Table = new(() =>
    {
        using var stream = typeof(ContextErrata).Assembly.GetManifestResourceStream("FhirTrials.Validation.Validators.context-errata.json")!;
        using var doc = System.Text.Json.JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("errata").EnumerateArray()
            .SelectMany(e => e.GetProperty("contexts").EnumerateArray().Select(c => (Url: e.GetProperty("url").GetString()!, Context: new Definitions.ExtensionContext("element", c.GetString()!))))
            .ToLookup(x => x.Url, x => x.Context, StringComparer.Ordinal);
    });

    public static IEnumerable<Definitions.ExtensionContext> For(string url) => Table.Value[url];
}
