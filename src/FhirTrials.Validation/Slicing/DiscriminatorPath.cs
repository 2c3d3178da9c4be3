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
    private readonly PathStep[] _steps;

    private DiscriminatorPath(string text, PathStep[] steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public IReadOnlyList<PathStep> Steps => _steps;

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

    /// <summary>True when some node the path selects from <paramref name="item"/> satisfies <paramref name="predicate"/> (no allocation).</summary>
    public bool Any<TState>(ElementNode item, TState state, Func<ElementNode, TState, bool> predicate) => Any(item, 0, state, predicate);

    private bool Any<TState>(ElementNode node, int step, TState state, Func<ElementNode, TState, bool> predicate)
    {
        while (step < _steps.Length && _steps[step].Kind == PathStepKind.This)
        {
            step++;
        }

        if (step == _steps.Length)
        {
            return predicate(node, state);
        }

        var current = _steps[step];
        switch (current.Kind)
        {
            case PathStepKind.Name or PathStepKind.Extension:
                var name = current.Kind == PathStepKind.Name ? current.Argument! : "extension";
                foreach (var child in node.Children)
                {
                    if (string.Equals(child.Name, name, StringComparison.Ordinal)
                        && (current.Kind == PathStepKind.Name || string.Equals(child.Child("url")?.Text, current.Argument, StringComparison.Ordinal))
                        && Any(child, step + 1, state, predicate))
                    {
                        return true;
                    }
                }

                return false;
            case PathStepKind.OfType:
                return node.Type is { } t && (string.Equals(t.Name, current.Argument, StringComparison.Ordinal) || t.IsSubtypeOf(current.Argument!))
                    && Any(node, step + 1, state, predicate);
            default:
                return node.Child("reference")?.Text is { } reference && ReferenceResolver.Resolve(node, reference).Resource is { } target
                    && Any(target, step + 1, state, predicate);
        }
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
