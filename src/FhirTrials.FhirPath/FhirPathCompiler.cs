using System.Collections.Concurrent;
using FhirTrials.FhirPath.Compilation;
using FhirTrials.FhirPath.Syntax;

namespace FhirTrials.FhirPath;

/// <summary>
/// Compiles FHIRPath expressions into <see cref="CompiledExpression"/>s, caching them by expression
/// text: compile once, evaluate many times, from any thread.
/// </summary>
public sealed class FhirPathCompiler
{
    private readonly ConcurrentDictionary<string, CompiledExpression> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a compiler with its own cache of at most <paramref name="maxCachedExpressions"/> expressions.</summary>
    public FhirPathCompiler(int maxCachedExpressions = 20_000) => MaxCachedExpressions = maxCachedExpressions;

    /// <summary>A shared compiler (and cache) for the whole process.</summary>
    public static FhirPathCompiler Default { get; } = new();

    /// <summary>How many compiled expressions the cache keeps; beyond it, expressions are compiled but not cached.</summary>
    public int MaxCachedExpressions { get; }

    /// <summary>The number of cached expressions.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>
    /// Parses and compiles an expression (or returns the cached compilation). Throws
    /// <see cref="FhirPathSyntaxException"/> for malformed expressions, unknown functions and types,
    /// and wrong argument counts, with the position of the problem.
    /// </summary>
    public CompiledExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (_cache.TryGetValue(expression, out var compiled))
        {
            return compiled;
        }

        var syntax = Parser.Parse(expression);
        compiled = new CompiledExpression(expression, syntax, Binder.Bind(syntax));
        return _cache.Count < MaxCachedExpressions ? _cache.GetOrAdd(expression, compiled) : compiled;
    }

    /// <summary>
    /// Checks an expression against the FHIR type it will be evaluated on (<c>Patient</c>,
    /// <c>HumanName</c>, <c>Observation.component</c>): element names that the types along the path do
    /// not have (<c>Observation.valueQuantity</c>), a path that starts with another resource type, and
    /// — in strict mode — non-Boolean <c>iif</c> criteria and ordered functions on unordered collections.
    /// Returns the problems found (empty when none); throws <see cref="FhirPathSyntaxException"/> when
    /// the expression does not compile.
    /// </summary>
    public IReadOnlyList<FhirPathDiagnostic> Check(string expression, string contextType, FhirPathCheckOptions? options = null) =>
        Check(expression, [contextType], options);

    /// <summary>
    /// Like <see cref="Check(string, string, FhirPathCheckOptions?)"/> for a context that may have any
    /// of several types (a choice element such as <c>Observation.value[x]</c>): a member is reported
    /// only when none of the types has it. Throws <see cref="ArgumentException"/> for unknown type names.
    /// </summary>
    public IReadOnlyList<FhirPathDiagnostic> Check(string expression, IReadOnlyList<string> contextTypes, FhirPathCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(contextTypes);
        return TypeChecker.Check(Compile(expression).Syntax, contextTypes, options ?? FhirPathCheckOptions.Default);
    }
}
