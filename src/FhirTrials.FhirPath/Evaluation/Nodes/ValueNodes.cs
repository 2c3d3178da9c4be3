namespace FhirTrials.FhirPath.Evaluation;

/// <summary>A literal: always the same single item.</summary>
internal sealed class LiteralNode(FhirPathItem value, int position) : EvalNode(position)
{
    public FhirPathItem Value { get; } = value;

    public override void Evaluate(EvalState state, ItemList focus, ItemList output) => output.Add(Value);

    public override bool? EvaluateBoolean(EvalState state, ItemList focus) => Booleans.Of(Value);
}

/// <summary><c>{}</c>.</summary>
internal sealed class EmptyNode(int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
    }

    public override bool? EvaluateBoolean(EvalState state, ItemList focus) => null;
}

/// <summary><c>$this</c>: the current iteration item (or the root focus outside iterations).</summary>
internal sealed class ThisNode(int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output) => output.AddRange(state.ThisList);
}

/// <summary><c>$index</c>.</summary>
internal sealed class IndexVariableNode(int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output) => output.Add(FhirPathItem.FromInteger(state.Index));
}

/// <summary><c>$total</c> inside <c>aggregate()</c>.</summary>
internal sealed class TotalNode(int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        if (state.Total is { } total)
        {
            output.AddRange(total);
        }
    }
}

/// <summary>Which environment node an <see cref="EnvironmentNode"/> reads.</summary>
internal enum EnvironmentVariable : byte
{
    Resource,
    RootResource,
    Context,
}

/// <summary><c>%resource</c>, <c>%rootResource</c>, <c>%context</c>.</summary>
internal sealed class EnvironmentNode(EnvironmentVariable variable, int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output) => output.AddRange(variable switch
    {
        EnvironmentVariable.Resource => state.ResourceList,
        EnvironmentVariable.RootResource => state.RootResourceList,
        _ => state.ContextList,
    });
}

/// <summary>A user variable (<c>%name</c>) supplied in the <see cref="EvaluationContext"/>.</summary>
internal sealed class UserVariableNode(string name, int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        if (!state.Context.Variables.TryGetValue(name, out var value))
        {
            throw Error($"unknown variable '%{name}': it is neither a built-in constant nor set in the evaluation context");
        }

        output.AddRange(value);
    }
}
