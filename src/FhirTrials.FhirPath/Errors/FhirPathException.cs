namespace FhirTrials.FhirPath;

/// <summary>
/// A FHIRPath error tied to a place in the expression: <see cref="Position"/> is the 0-based character
/// offset, <see cref="Column"/> the same place 1-based (the expression counted as one line).
/// </summary>
public abstract class FhirPathException : Exception
{
    protected FhirPathException(string message, int position, Exception? inner = null)
        : base(message, inner)
    {
        Position = position;
    }

    protected FhirPathException()
        : this("FHIRPath error", -1)
    {
    }

    protected FhirPathException(string message)
        : this(message, -1)
    {
    }

    protected FhirPathException(string message, Exception innerException)
        : this(message, -1, innerException)
    {
    }

    /// <summary>0-based offset of the offending token in the expression; -1 when unknown.</summary>
    public int Position { get; }

    /// <summary>1-based column of the offending token; 0 when unknown.</summary>
    public int Column => Position + 1;

    /// <summary>The message prefixed with its column: <c>column 12: unknown function 'foo'</c>.</summary>
    public string Describe() => Position >= 0 ? $"column {Column}: {Message}" : Message;
}

/// <summary>Thrown by <see cref="FhirPathCompiler.Compile(string)"/>: the expression is malformed, or names an unknown function or type, or calls a function with the wrong number of arguments.</summary>
public sealed class FhirPathSyntaxException : FhirPathException
{
    public FhirPathSyntaxException(string message, int position)
        : base(message, position)
    {
    }

    public FhirPathSyntaxException()
    {
    }

    public FhirPathSyntaxException(string message)
        : base(message)
    {
    }

    public FhirPathSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Thrown while evaluating: an operand that must be a single item holds several, operand types that
/// do not fit an operator (<c>1 &lt; 'a'</c>), an unknown variable, a failing hook.
/// </summary>
public sealed class FhirPathEvaluationException : FhirPathException
{
    public FhirPathEvaluationException(string message, int position, Exception? inner = null)
        : base(message, position, inner)
    {
    }

    public FhirPathEvaluationException()
    {
    }

    public FhirPathEvaluationException(string message)
        : base(message)
    {
    }

    public FhirPathEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
