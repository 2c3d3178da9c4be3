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
    private readonly ElementNode _expected = expected;
    private readonly bool _isFixed = isFixed;

    public bool Matches(ElementNode item, ValidationScope scope) =>
        path.Any(item, this, static (node, self) => self._isFixed ? ValueMatcher.EqualsFixed(node, self._expected) : ValueMatcher.MatchesPattern(node, self._expected));

    public override string ToString() => $"{path} = {ValueMatcher.Describe(_expected)}";
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

        return path.Any(item, vs, static (node, set) => Codes(node).Any(c => set.Contains(c.System, c.Code) == Membership.Member));
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
    private readonly string[] _types = types;

    public bool Matches(ElementNode item, ValidationScope scope) =>
        path.Any(item, _types, static (node, types) => node.Type is { } t && Array.Exists(types, x => string.Equals(t.Name, x, StringComparison.Ordinal) || t.IsSubtypeOf(x)));

    public override string ToString() => $"{path} is {string.Join(" or ", _types)}";
}

/// <summary><c>exists</c>: the path has (or has not) a value.</summary>
internal sealed class ExistsCondition(DiscriminatorPath path, bool mustExist) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope) => path.Any(item, 0, static (_, _) => true) == mustExist;

    public override string ToString() => $"{path} {(mustExist ? "exists" : "is absent")}";
}

/// <summary><c>profile</c>: the value at the path conforms to one of the slice's profiles.</summary>
internal sealed class ProfileCondition(DiscriminatorPath path, SchemaRef[] profiles) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationScope scope) =>
        path.Any(item, (Self: this, Scope: scope), static (node, s) => s.Self.Conforms(node, s.Scope));

    private bool Conforms(ElementNode node, ValidationScope scope)
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

        return false;
    }

    public override string ToString() => $"{path} conforms to {string.Join(" or ", profiles.Select(p => p.Canonical))}";
}
