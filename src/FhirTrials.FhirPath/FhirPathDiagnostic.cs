namespace FhirTrials.FhirPath;

/// <summary>A problem <see cref="FhirPathCompiler.Check(string, string, FhirPathCheckOptions?)"/> found: where (0-based offset; <see cref="Column"/> 1-based) and what.</summary>
public sealed record FhirPathDiagnostic(int Position, string Message)
{
    public int Column => Position + 1;

    public override string ToString() => $"column {Column}: {Message}";
}

/// <summary>Options of <see cref="FhirPathCompiler.Check(string, string, FhirPathCheckOptions?)"/>.</summary>
public sealed record FhirPathCheckOptions
{
    public static FhirPathCheckOptions Default { get; } = new();

    /// <summary>Strict mode: also report non-Boolean <c>iif()</c> criteria and paths that start with a type other than the context's.</summary>
    public bool Strict { get; init; }

    /// <summary>Report ordered functions (<c>first skip take last tail [n]</c>) applied to collections without a defined order (<c>children()</c>, <c>descendants()</c>).</summary>
    public bool CheckOrderedFunctions { get; init; }
}
