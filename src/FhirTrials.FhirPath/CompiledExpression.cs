using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Syntax;

namespace FhirTrials.FhirPath;

/// <summary>
/// A compiled FHIRPath expression: immutable and thread-safe; evaluate it on any number of inputs.
/// Results are collections of <see cref="FhirPathItem"/> (tree nodes or System values).
/// </summary>
public sealed class CompiledExpression
{
    private readonly EvalNode _root;

    internal CompiledExpression(string expression, SyntaxNode syntax, EvalNode root)
    {
        Expression = expression;
        Syntax = syntax;
        _root = root;
    }

    /// <summary>The expression text as compiled.</summary>
    public string Expression { get; }

    internal SyntaxNode Syntax { get; }

    /// <summary>Evaluates with <paramref name="focus"/> as the input (and, by default, <c>%context</c>, with <c>%resource</c> its enclosing resource).</summary>
    public IReadOnlyList<FhirPathItem> Evaluate(ElementNode focus, EvaluationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(focus);
        return Evaluate(FhirPathItem.FromNode(focus), context);
    }

    /// <summary>Evaluates on a single item (a node or a System value).</summary>
    public IReadOnlyList<FhirPathItem> Evaluate(FhirPathItem focus, EvaluationContext? context = null) =>
        Run(focus, context, static (root, state, input) =>
        {
            var output = state.Rent();
            root.Evaluate(state, input, output);
            var result = output.ToArray();
            state.Return(output);
            return result;
        });

    /// <summary>Evaluates on a collection (possibly empty) as the input.</summary>
    public IReadOnlyList<FhirPathItem> Evaluate(IReadOnlyList<FhirPathItem> focus, EvaluationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(focus);
        return Run(focus, context, static (root, state, input) =>
        {
            var output = state.Rent();
            root.Evaluate(state, input, output);
            var result = output.ToArray();
            state.Return(output);
            return result;
        });
    }

    /// <summary>
    /// Evaluates as a boolean with FHIRPath's rules: empty gives null, a single Boolean its value, any
    /// other single item true; several items are an error (<see cref="FhirPathEvaluationException"/>).
    /// </summary>
    public bool? EvaluatePredicate(ElementNode focus, EvaluationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(focus);
        return EvaluatePredicate(FhirPathItem.FromNode(focus), context);
    }

    /// <inheritdoc cref="EvaluatePredicate(ElementNode, EvaluationContext?)"/>
    public bool? EvaluatePredicate(FhirPathItem focus, EvaluationContext? context = null) =>
        Run(focus, context, static (root, state, input) => root.EvaluateBoolean(state, input));

    /// <summary>True only when the expression evaluates to true (empty and false are both false).</summary>
    public bool IsTrue(ElementNode focus, EvaluationContext? context = null) => EvaluatePredicate(focus, context) == true;

    public override string ToString() => Expression;

    private T Run<T>(FhirPathItem focus, EvaluationContext? context, Func<EvalNode, EvalState, ItemList, T> run)
    {
        var state = EvalState.Acquire(context, Expression);
        var input = state.Rent();
        input.Add(focus);
        return RunIn(state, input, focus.Node, run);
    }

    private T Run<T>(IReadOnlyList<FhirPathItem> focus, EvaluationContext? context, Func<EvalNode, EvalState, ItemList, T> run)
    {
        var state = EvalState.Acquire(context, Expression);
        var input = state.Rent();
        input.AddRange(focus);
        return RunIn(state, input, focus.Count > 0 ? focus[0].Node : null, run);
    }

    private T RunIn<T>(EvalState state, ItemList input, ElementNode? focusNode, Func<EvalNode, EvalState, ItemList, T> run)
    {
        state.SetRoot(input, focusNode);
        try
        {
            return run(_root, state, input);
        }
        catch (Exception ex) when (ex is not FhirPathException and not OutOfMemoryException)
        {
            throw new FhirPathEvaluationException($"internal error evaluating '{Expression}': {ex.Message}", -1, ex);
        }
        finally
        {
            state.Return(input);
            state.Release();
        }
    }
}
