using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Fhir;

namespace FhirTrials.FhirPath.Functions;

/// <summary>
/// The FHIR additions to FHIRPath: <c>extension hasExtension hasValue getValue resolve memberOf conformsTo
/// htmlChecks slice</c>; <c>subsumes</c>, <c>subsumedBy</c>, <c>elementDefinition</c> and
/// <c>checkModifiers</c> need services this engine does not have and report that when called.
/// </summary>
internal static class FhirFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add(new("extension", 1, 1, Extension, ResultType.Extension));
        table.Add(new("hasExtension", 1, 1, HasExtension, ResultType.Boolean));
        table.Add(new("hasValue", 0, 0, HasValue, ResultType.Boolean));
        table.Add(new("getValue", 0, 0, GetValue, ResultType.Any));
        table.Add(new("resolve", 0, 0, Resolve, ResultType.Any));
        table.Add(new("memberOf", 1, 1, MemberOf, ResultType.Boolean));
        table.Add(new("conformsTo", 1, 1, ConformsTo, ResultType.Boolean));
        table.Add(new("htmlChecks", 0, 0, HtmlChecks, ResultType.Boolean));
        table.Add(new("slice", 2, 2, Slice, ResultType.Input));
        foreach (var name in new[] { "subsumes", "subsumedBy" })
        {
            table.Add(new(name, 1, 1, static (in Call c) => throw c.Error("code subsumption needs a terminology service, which this engine does not have"), ResultType.Boolean));
        }

        foreach (var name in new[] { "elementDefinition", "checkModifiers" })
        {
            table.Add(new(name, 0, 1, static (in Call c) => throw c.Error("is not supported by this engine"), ResultType.Any));
        }
    }

    private static void Extension(in Call c)
    {
        var url = c.StringArgument(0);
        if (url is null)
        {
            return;
        }

        for (var i = 0; i < c.Input.Count; i++)
        {
            if (c.Input[i].Node is { } node)
            {
                AddExtensions(node, url, c.Output);
            }
        }
    }

    private static void HasExtension(in Call c)
    {
        var url = c.StringArgument(0);
        var found = c.State.Rent();
        for (var i = 0; i < c.Input.Count && url is not null; i++)
        {
            if (c.Input[i].Node is { } node)
            {
                AddExtensions(node, url, found);
            }
        }

        c.Add(found.Count > 0);
        c.Done(found);
    }

    private static void AddExtensions(ElementNode node, string url, ItemList output)
    {
        var children = node.Children;
        for (var k = 0; k < children.Count; k++)
        {
            var child = children[k];
            if (string.Equals(child.Name, "extension", StringComparison.Ordinal)
                && string.Equals(child.Child("url")?.Text, url, StringComparison.Ordinal))
            {
                output.Add(FhirPathItem.FromNode(child));
            }
        }
    }

    private static void HasValue(in Call c)
    {
        var has = c.Input.Count == 1 && (c.Input[0].Node is not { } node || (node.IsPrimitive && node.Text is not null));
        c.Add(has);
    }

    private static void GetValue(in Call c)
    {
        if (c.Input.Count == 1 && (c.Input[0].Node is not { } node || node.IsPrimitive) && Scalar.From(c.Input[0]).ToItem() is { } value)
        {
            c.Add(value);
        }
    }

    private static void Resolve(in Call c)
    {
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (ReferenceResolution.Resolve(c.Input[i], c.State) is { } target)
            {
                c.Add(FhirPathItem.FromNode(target));
            }
        }
    }

    private static void MemberOf(in Call c)
    {
        var url = c.StringArgument(0);
        if (url is null || !c.TrySingleInput(out var item))
        {
            return;
        }

        if (ValueSetMembership.IsMember(c.State.Context.Resolver, url, item) is { } member)
        {
            c.Add(member);
        }
    }

    private static void ConformsTo(in Call c)
    {
        var url = c.StringArgument(0);
        if (url is null || !c.TrySingleInput(out var item))
        {
            return;
        }

        if (item.Node is not { } node)
        {
            c.Add(false);
            return;
        }

        if (c.State.Context.Conformance is { } hook)
        {
            c.Add(hook.ConformsTo(node, url) ?? throw c.Error($"unknown profile '{url}'"));
            return;
        }

        const string CorePrefix = "http://hl7.org/fhir/StructureDefinition/";
        if (url.StartsWith(CorePrefix, StringComparison.Ordinal) && ModelInfo.GetType(url[CorePrefix.Length..]) is { } type
            && string.Equals(R4Definitions.TypeCanonical(type.Name), url, StringComparison.Ordinal))
        {
            c.Add(node.Type is { } actual && actual.IsSubtypeOf(type));
            return;
        }

        throw c.State.Context.Resolver.ResolveNode(url) is null
            ? c.Error($"unknown profile '{url}'")
            : c.Error($"checking conformance to the profile '{url}' needs a validator (EvaluationContext.Conformance)");
    }

    private static void HtmlChecks(in Call c)
    {
        if (c.TrySingleInput(out var item))
        {
            c.Add(item.Node?.Text is { } xhtml && NarrativeChecks.Check(xhtml) is null);
        }
    }

    private static void Slice(in Call c)
    {
        var url = c.StringArgument(0);
        var name = c.StringArgument(1);
        if (url is null || name is null)
        {
            return;
        }

        var hook = c.State.Context.Conformance ?? throw c.Error("slices are defined by profiles: this needs a validator (EvaluationContext.Conformance)");
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (c.Input[i].Node is { } node && (hook.IsInSlice(node, url, name) ?? throw c.Error($"unknown slice '{name}' in '{url}'")))
            {
                c.Add(c.Input[i]);
            }
        }
    }
}
