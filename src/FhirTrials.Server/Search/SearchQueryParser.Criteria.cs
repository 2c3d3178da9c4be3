using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Server.Search;

public sealed partial class SearchQueryParser
{
    private Criterion ParseCriterion(string? resourceType, string key, string value)
    {
        if (key.StartsWith("_has:", StringComparison.Ordinal))
        {
            return ParseHas(resourceType, key, value);
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? key : key[..dot];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? head : head[..colon];
        var modifier = colon < 0 ? null : head[(colon + 1)..];
        var parameter = Lookup(resourceType, code) ?? throw new UnknownParameterException($"unknown search parameter '{code}'{For(resourceType)}");
        if (dot >= 0)
        {
            return ParseChain(parameter, modifier, key[(dot + 1)..], value);
        }

        if (modifier == "missing")
        {
            return value switch
            {
                "true" => new MissingCriterion(parameter, true),
                "false" => new MissingCriterion(parameter, false),
                _ => throw new SearchException($"{key} must be true or false, found '{value}'"),
            };
        }

        var parsedModifier = ParseModifier(parameter, modifier, out var referenceType);
        var values = SplitValues(value).Select(v => ParseValue(parameter, parsedModifier, referenceType, v)).ToArray();
        return new ParameterCriterion(parameter, parsedModifier, values);
    }

    private SearchParameterInfo? Lookup(string? resourceType, string code) =>
        resourceType is null ? CommonParameter(code) : _registry.Find(resourceType, code);

    private Criterion ParseChain(SearchParameterInfo reference, string? modifier, string rest, string value)
    {
        if (reference.Type != SearchParamType.Reference)
        {
            throw new SearchException($"'{reference.Code}' is a {EnumLiterals.GetLiteral(reference.Type)} parameter and cannot be chained");
        }

        IReadOnlyList<string> targets;
        if (modifier is not null)
        {
            if (!ModelInfo.IsResourceType(modifier))
            {
                throw new SearchException($"unknown chain type '{modifier}' on {reference.Code}");
            }

            targets = [modifier];
        }
        else
        {
            targets = reference.Targets.Count > 0 ? reference.Targets : throw new SearchException($"'{reference.Code}' may reference any type: name one ({reference.Code}:Type.{rest})");
        }

        var alternatives = new List<Criterion>();
        UnknownParameterException? unknown = null;
        foreach (var target in targets)
        {
            try
            {
                alternatives.Add(new ChainCriterion(reference, [target], ParseCriterion(target, rest, value)));
            }
            catch (UnknownParameterException ex) when (targets.Count > 1)
            {
                unknown = ex;
            }
        }

        return alternatives.Count switch
        {
            0 => throw unknown ?? new UnknownParameterException($"unknown chained parameter '{rest}'"),
            1 => alternatives[0],
            _ => new AnyOfCriterion(alternatives),
        };
    }

    private Criterion ParseHas(string? resourceType, string key, string value)
    {
        // _has:Type:reference:rest, where rest is a parameter (with modifier) or another _has.
        var parts = key.Split(':', 4);
        if (parts.Length < 4 || !ModelInfo.IsResourceType(parts[1]))
        {
            throw new SearchException($"'{key}': expected _has:Type:reference:parameter");
        }

        var reference = _registry.Find(parts[1], parts[2]);
        if (reference is not { Type: SearchParamType.Reference })
        {
            throw new UnknownParameterException($"'{parts[2]}' is not a reference parameter of {parts[1]}");
        }

        if (resourceType is not null && reference.Targets.Count > 0 && !reference.Targets.Contains(resourceType))
        {
            throw new SearchException($"{parts[1]}.{parts[2]} does not reference {resourceType}");
        }

        return new HasCriterion(parts[1], reference, ParseCriterion(parts[1], parts[3], value));
    }

    private static SearchModifier ParseModifier(SearchParameterInfo parameter, string? modifier, out string? referenceType)
    {
        referenceType = null;
        if (modifier is null)
        {
            return SearchModifier.None;
        }

        var result = (parameter.Type, modifier) switch
        {
            (SearchParamType.String, "exact") => SearchModifier.Exact,
            (SearchParamType.String, "contains") => SearchModifier.Contains,
            (SearchParamType.Token, "not") => SearchModifier.Not,
            (SearchParamType.Token, "text") when parameter.Column == ResourceColumn.None => SearchModifier.Text,
            (SearchParamType.Uri, "below") => SearchModifier.Below,
            (SearchParamType.Uri, "above") => SearchModifier.Above,
            (SearchParamType.Reference, "identifier") => SearchModifier.Identifier,
            (SearchParamType.Reference, _) when ModelInfo.IsResourceType(modifier) => SearchModifier.Type,
            _ => throw new SearchException($"the modifier ':{modifier}' is not supported on the {EnumLiterals.GetLiteral(parameter.Type)} parameter '{parameter.Code}'", IssueType.NotSupported),
        };
        if (result == SearchModifier.Type)
        {
            referenceType = modifier;
        }

        return result;
    }

    /// <summary>Splits a value on commas not escaped with a backslash (the OR of the search page).</summary>
    internal static IEnumerable<string> SplitValues(string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == ',')
            {
                yield return value[start..i];
                start = i + 1;
            }
        }

        yield return value[start..];
    }

    /// <summary>Removes the search page's escapes (<c>\,</c> <c>\|</c> <c>\$</c> <c>\\</c>).</summary>
    internal static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var chars = new List<char>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            chars.Add(value[i]);
        }

        return new string([.. chars]);
    }
}
