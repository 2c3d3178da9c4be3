namespace FhirTrials.FhirPath.Functions;

/// <summary>The body of a built-in function.</summary>
internal delegate void FunctionBody(in Call call);

/// <summary>What a function returns, for the static checks of <see cref="FhirPathCompiler.Check(string, string, FhirPathCheckOptions?)"/>.</summary>
internal enum ResultType : byte
{
    /// <summary>Unknown: no further checks downstream.</summary>
    Any,

    /// <summary>Items of the input (filters and subsetting).</summary>
    Input,

    /// <summary>The first argument's result (projections).</summary>
    Argument,

    Boolean,
    Integer,
    Decimal,
    String,
    Date,
    DateTime,
    Time,
    Quantity,

    /// <summary>FHIR <c>Extension</c>s.</summary>
    Extension,
}

/// <summary>
/// A built-in function: name, arity, body, and whether its arguments are evaluated per input item
/// (with <c>$this</c> set to the item: <c>where</c>, <c>select</c>, <c>all</c>…) or once on the current <c>$this</c>.
/// </summary>
internal sealed record FunctionDefinition(string Name, int MinArgs, int MaxArgs, FunctionBody Body, ResultType Result = ResultType.Any, bool IteratesArguments = false);
