namespace FhirTrials.FhirPath.Evaluation;

/// <summary>
/// A compiled piece of an expression. <see cref="Evaluate"/> appends the results for the input
/// <c>focus</c> to <c>output</c>; boolean contexts use <see cref="EvaluateBoolean"/>, which nodes
/// that produce booleans override to skip the buffers.
/// </summary>
internal abstract class EvalNode
{
    protected EvalNode(int position) => Position = position;

    /// <summary>The offset of the node's token in the expression.</summary>
    public int Position { get; }

    public abstract void Evaluate(EvalState state, ItemList focus, ItemList output);

    /// <summary>The result as a FHIRPath boolean: null for empty, singleton evaluation for a single non-Boolean item.</summary>
    public virtual bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        var result = state.Rent();
        Evaluate(state, focus, result);
        var value = Booleans.Singleton(result, Position, "a boolean");
        state.Return(result);
        return value;
    }

    protected FhirPathEvaluationException Error(string message) => new(message, Position);
}
