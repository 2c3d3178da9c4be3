using FhirTrials.FhirPath.Functions;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>A call of a built-in function on the focus.</summary>
internal sealed class FunctionNode(FunctionDefinition function, EvalNode[] arguments, int position) : EvalNode(position)
{
    public FunctionDefinition Function { get; } = function;

    public override void Evaluate(EvalState state, ItemList focus, ItemList output) =>
        Function.Body(new Call(Function, state, focus, arguments, output, Position));
}
