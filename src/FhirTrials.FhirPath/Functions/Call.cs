using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Functions;

/// <summary>One invocation of a built-in function: its input, unevaluated arguments, output and helpers.</summary>
internal readonly struct Call
{
    public Call(FunctionDefinition function, EvalState state, ItemList input, EvalNode[] arguments, ItemList output, int position)
    {
        Function = function;
        State = state;
        Input = input;
        Arguments = arguments;
        Output = output;
        Position = position;
    }

    public FunctionDefinition Function { get; }

    public EvalState State { get; }

    public ItemList Input { get; }

    public EvalNode[] Arguments { get; }

    public ItemList Output { get; }

    public int Position { get; }

    public int ArgumentCount => Arguments.Length;

    public FhirPathEvaluationException Error(string message) => new($"{Function.Name}(): {message}", Position);

    public void Add(in FhirPathItem item) => Output.Add(item);

    public void Add(bool value) => Output.Add(FhirPathItem.FromBoolean(value));

    public void Add(string value) => Output.Add(FhirPathItem.FromString(value));

    public void Add(int value) => Output.Add(FhirPathItem.FromInteger(value));

    /// <summary>Evaluates argument <paramref name="index"/> on the current <c>$this</c> into a rented list (return it with <see cref="Done"/>).</summary>
    public ItemList Argument(int index) => State.EvaluateArgument(Arguments[index]);

    public void Done(ItemList list) => State.Return(list);

    /// <summary>The single input item; false when the input is empty; an error when it holds several.</summary>
    public bool TrySingleInput(out FhirPathItem item)
    {
        if (Input.Count > 1)
        {
            throw Error($"expects a single input item, found a collection of {Input.Count}");
        }

        item = Input.Count == 1 ? Input[0] : default;
        return Input.Count == 1;
    }

    /// <summary>The single input as a string (FHIR string-like primitives included); null when empty; an error for other types.</summary>
    public string? InputString()
    {
        if (!TrySingleInput(out var item))
        {
            return null;
        }

        var s = Scalar.From(item);
        if (!s.HasValue)
        {
            return null;
        }

        return s.Kind == FhirPathItemKind.String ? s.String : throw Error($"expects a string input, found {Operators.Comparison.Describe(s)}");
    }

    /// <summary>Argument <paramref name="index"/> as a single string; null when empty.</summary>
    public string? StringArgument(int index)
    {
        var s = SingleArgument(index);
        if (s is not { } value || !value.HasValue)
        {
            return null;
        }

        return value.Kind == FhirPathItemKind.String ? value.String : throw Error($"argument {index + 1} must be a string, found {Operators.Comparison.Describe(value)}");
    }

    /// <summary>Argument <paramref name="index"/> as a single integer; null when empty.</summary>
    public long? IntegerArgument(int index)
    {
        var s = SingleArgument(index);
        if (s is not { } value || !value.HasValue)
        {
            return null;
        }

        return value.Kind is FhirPathItemKind.Integer or FhirPathItemKind.Long ? value.Integer : throw Error($"argument {index + 1} must be an integer, found {Operators.Comparison.Describe(value)}");
    }

    /// <summary>Argument <paramref name="index"/> as a single value; null when empty; an error when it holds several.</summary>
    public Scalar? SingleArgument(int index)
    {
        var items = Argument(index);
        try
        {
            if (items.Count > 1)
            {
                throw Error($"argument {index + 1} must be a single value, found a collection of {items.Count}");
            }

            return items.Count == 0 ? null : Scalar.From(items[0]);
        }
        finally
        {
            Done(items);
        }
    }
}
