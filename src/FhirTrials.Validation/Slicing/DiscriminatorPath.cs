using FhirTrials.Fhir.ElementModel;
using FhirTrials.Validation.References;

namespace FhirTrials.Validation.Slicing;

/// <summary>One step of a discriminator path (the restricted FHIRPath slicing allows).</summary>
internal readonly record struct PathStep(PathStepKind Kind, string? Argument)
{
    public override string ToString() => Kind switch
    {
        PathStepKind.Name => Argument!,
        PathStepKind.Extension => $"extension('{Argument}')",
        PathStepKind.OfType => $"ofType({Argument})",
        PathStepKind.Resolve => "resolve()",
        _ => "$this",
    };
}

internal enum PathStepKind
{
    This,
    Name,
    Extension,
    OfType,
    Resolve,
}

/// <summary>
/// A discriminator path: <c>$this</c>, element names, <c>extension('url')</c>, <c>ofType(T)</c>,
/// <c>as(T)</c> and <c>resolve()</c>; parsed once and applied to instance items.
/// </summary>
internal sealed class DiscriminatorPath
{
    private DiscriminatorPath(string text, PathStep[] steps)
    {
        Text = text;
        Steps = steps;
    }

    public string Text { get; }

    public IReadOnlyList<PathStep> Steps { get; }

    /// <summary>Parses a path; null for forms slicing does not allow.</summary>
    public static DiscriminatorPath? Parse(string text)
    {
        var steps = new List<PathStep>();
        foreach (var part in SplitSteps(text))
        {
            if (part is "$this")
            {
                steps.Add(new PathStep(PathStepKind.This, null));
            }
            else if (part is "resolve()")
            {
                steps.Add(new PathStep(PathStepKind.Resolve, null));
            }
            else if (Function(part, "extension") is { } url)
            {
                steps.Add(new PathStep(PathStepKind.Extension, url));
            }
            else if ((Function(part, "ofType") ?? Function(part, "as")) is { } type)
            {
                steps.Add(new PathStep(PathStepKind.OfType, type));
            }
            else if (part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                steps.Add(new PathStep(PathStepKind.Name, part));
            }
            else
            {
                return null;
            }
        }

        return new DiscriminatorPath(text, [.. steps]);
    }

    /// <summary>The instance nodes the path selects from <paramref name="item"/>.</summary>
    public List<ElementNode> Select(ElementNode item)
    {
        var current = new List<ElementNode> { item };
        foreach (var step in Steps)
        {
            if (step.Kind == PathStepKind.This)
            {
                continue;
            }

            var next = new List<ElementNode>();
            foreach (var node in current)
            {
                switch (step.Kind)
                {
                    case PathStepKind.Name:
                        next.AddRange(node.ChildrenNamed(step.Argument!));
                        break;
                    case PathStepKind.Extension:
                        next.AddRange(node.ChildrenNamed("extension").Where(e => string.Equals(e.Child("url")?.Text, step.Argument, StringComparison.Ordinal)));
                        break;
                    case PathStepKind.OfType:
                        if (node.Type is { } t && (string.Equals(t.Name, step.Argument, StringComparison.Ordinal) || t.IsSubtypeOf(step.Argument!)))
                        {
                            next.Add(node);
                        }

                        break;
                    case PathStepKind.Resolve:
                        if (node.Child("reference")?.Text is { } reference && ReferenceResolver.Resolve(node, reference).Resource is { } target)
                        {
                            next.Add(target);
                        }

                        break;
                }
            }

            current = next;
        }

        return current;
    }

    public override string ToString() => Text;

    private static string? Function(string part, string name) =>
        part.StartsWith(name + "(", StringComparison.Ordinal) && part.EndsWith(')') ? part[(name.Length + 1)..^1].Trim().Trim('\'') : null;

    /// <summary>Splits on dots outside parentheses and quotes (URLs in <c>extension('…')</c> have dots).</summary>
    private static IEnumerable<string> SplitSteps(string text)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == '.')
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }
}
