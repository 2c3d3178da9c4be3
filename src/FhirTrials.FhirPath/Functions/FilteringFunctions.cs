using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Operators;

namespace FhirTrials.FhirPath.Functions;

/// <summary>Filtering and projection: <c>where select repeat</c>; tree navigation: <c>children descendants</c>.</summary>
internal static class FilteringFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add(new("where", 1, 1, Where, ResultType.Input, IteratesArguments: true));
        table.Add(new("select", 1, 1, Select, ResultType.Argument, IteratesArguments: true));
        table.Add(new("repeat", 1, 1, Repeat, ResultType.Any, IteratesArguments: true));
        table.Add(new("children", 0, 0, Children));
        table.Add(new("descendants", 0, 0, Descendants));
    }

    private static void Where(in Call c)
    {
        var iteration = new Iteration(c.State);
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (c.Arguments[0].EvaluateBoolean(c.State, iteration.Enter(c.Input[i], i)) == true)
            {
                c.Add(c.Input[i]);
            }
        }

        iteration.Exit();
    }

    private static void Select(in Call c)
    {
        var iteration = new Iteration(c.State);
        for (var i = 0; i < c.Input.Count; i++)
        {
            c.Arguments[0].Evaluate(c.State, iteration.Enter(c.Input[i], i), c.Output);
        }

        iteration.Exit();
    }

    /// <summary>Projects again and again, keeping only items not seen before, until nothing new appears (nodes by identity, values by equality).</summary>
    private static void Repeat(in Call c)
    {
        var seenNodes = new HashSet<ElementNode>(ReferenceEqualityComparer.Instance);
        var seenValues = c.State.Rent();
        var values = new DistinctAppender(seenValues);
        var work = c.State.Rent();
        var next = c.State.Rent();
        work.AddRange(c.Input);
        var iteration = new Iteration(c.State);
        while (work.Count > 0)
        {
            for (var i = 0; i < work.Count; i++)
            {
                c.Arguments[0].Evaluate(c.State, iteration.Enter(work[i], i), next);
            }

            work.Clear();
            for (var i = 0; i < next.Count; i++)
            {
                var item = next[i];
                var isNew = item.Node is { } node ? seenNodes.Add(node) : values.TryAdd(item);
                if (isNew)
                {
                    c.Add(item);
                    work.Add(item);
                }
            }

            next.Clear();
        }

        iteration.Exit();
        c.Done(work);
        c.Done(next);
        c.Done(seenValues);
    }

    private static void Children(in Call c)
    {
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (c.Input[i].Node is { } node)
            {
                var children = node.Children;
                for (var k = 0; k < children.Count; k++)
                {
                    c.Add(FhirPathItem.FromNode(children[k]));
                }
            }
        }
    }

    private static void Descendants(in Call c)
    {
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (c.Input[i].Node is { } node)
            {
                AddDescendants(node, c.Output);
            }
        }
    }

    private static void AddDescendants(ElementNode node, ItemList output)
    {
        var children = node.Children;
        for (var k = 0; k < children.Count; k++)
        {
            output.Add(FhirPathItem.FromNode(children[k]));
            AddDescendants(children[k], output);
        }
    }
}
