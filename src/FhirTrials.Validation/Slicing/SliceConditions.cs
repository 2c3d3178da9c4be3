using FhirTrials.Fhir.ElementModel;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Terminology;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Slicing;

/// <summary>Recognises the items of one slice.</summary>
internal interface ISliceCondition
{
    bool Matches(ElementNode item, ValidationScope scope);
}

/// <summary>All discriminators must hold.</summary>
internal sealed class AllConditions(ISliceCondition[] conditions) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Matches(item, scope))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(" and ", conditions.Select(c => c.ToString()));
}

/// <summary>A discriminator that cannot work (the profile gives no value to compare): no item matches.</summary>
internal sealed class NeverCondition(string reason) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope) => false;

    public override string ToString() => reason;
}

/// <summary>A discriminator the slice does not constrain: every item passes it.</summary>
internal sealed class AlwaysCondition(string description) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope) => true;

    public override string ToString() => description;
}

/// <summary><c>value</c>/<c>pattern</c>: the value at the path equals the slice's fixed value or contains its pattern.</summary>
internal sealed class ValueCondition(DiscriminatorPath path, ElementNode expected, bool isFixed) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope)
    {
        foreach (var node in path.Select(item))
        {
            if (isFixed ? ValueMatcher.EqualsFixed(node, expected) : ValueMatcher.MatchesPattern(node, expected))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"{path} = {ValueMatcher.Describe(expected)}";
}

/// <summary><c>value</c> by binding: the code at the path is in the slice's required ValueSet.</summary>
internal sealed class BindingCondition(DiscriminatorPath path, string valueSet, TerminologyService terminology) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope)
    {
        if (terminology.GetValueSet(valueSet) is not { } vs)
        {
            return false;
        }

        foreach (var node in path.Select(item))
        {
            foreach (var (system, code) in Codes(node))
            {
                if (vs.Contains(system, code) == Membership.Member)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public override string ToString() => $"{path} in {valueSet}";

    private static IEnumerable<(string? System, string Code)> Codes(ElementNode node)
    {
        if (node.Type?.IsPrimitive == true && node.Text is { } text)
        {
            yield return (null, text);
        }
        else if (node.Child("code")?.Text is { } code)
        {
            yield return (node.Child("system")?.Text, code);
        }

        foreach (var coding in node.ChildrenNamed("coding"))
        {
            if (coding.Child("code")?.Text is { } c)
            {
                yield return (coding.Child("system")?.Text, c);
            }
        }
    }
}

/// <summary><c>type</c>: the value at the path is of one of the slice's types.</summary>
internal sealed class TypeCondition(DiscriminatorPath path, string[] types) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope)
    {
        foreach (var node in path.Select(item))
        {
            if (node.Type is { } t && types.Any(x => string.Equals(t.Name, x, StringComparison.Ordinal) || t.IsSubtypeOf(x)))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"{path} is {string.Join(" or ", types)}";
}

/// <summary><c>exists</c>: the path has (or has not) a value.</summary>
internal sealed class ExistsCondition(DiscriminatorPath path, bool mustExist) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope) => path.Select(item).Count > 0 == mustExist;

    public override string ToString() => $"{path} {(mustExist ? "exists" : "is absent")}";
}

/// <summary><c>profile</c>: the value at the path conforms to one of the slice's profiles.</summary>
internal sealed class ProfileCondition(DiscriminatorPath path, SchemaRef[] profiles) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope)
    {
        foreach (var node in path.Select(item))
        {
            foreach (var profile in profiles)
            {
                if (profile.Get() is not { } schema)
                {
                    continue;
                }

                var conforms = scope.Conforms(node, profile.Canonical, probe =>
                {
                    if (node.IsResource)
                    {
                        ResourceValidation.Validate(node, probe, [profile.Canonical], []);
                    }
                    else
                    {
                        schema.Root.ValidateAsType(node, probe, [], includeChildren: true);
                    }

                    return probe.ErrorCount == 0;
                });
                if (conforms)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public override string ToString() => $"{path} conforms to {string.Join(" or ", profiles.Select(p => p.Canonical))}";
}
