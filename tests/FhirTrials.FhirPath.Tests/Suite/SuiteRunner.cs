using System.Collections.Concurrent;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.FhirPath.Tests.Suite;

/// <summary>Runs a <see cref="SuiteCase"/> and says why it failed (null when it passed).</summary>
public static class SuiteRunner
{
    private static readonly ConcurrentDictionary<string, ElementNode> Inputs = new(StringComparer.Ordinal);

    public static string? Run(SuiteCase test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var input = test.InputPath is { } path ? Inputs.GetOrAdd(path, Parse) : null;
        CompiledExpression compiled;
        try
        {
            compiled = FhirPathCompiler.Default.Compile(test.Expression);
        }
        catch (FhirPathSyntaxException ex)
        {
            return test.Invalid is null ? $"unexpected compile error: {ex.Describe()}" : null;
        }

        if (test.Invalid == "syntax")
        {
            return "expected a syntax error, but the expression compiled";
        }

        if (input?.Type is { } rootType)
        {
            var options = new FhirPathCheckOptions { Strict = test.Mode == "strict", CheckOrderedFunctions = test.CheckOrderedFunctions };
            var diagnostics = FhirPathCompiler.Default.Check(test.Expression, rootType.Name, options);
            if (diagnostics.Count > 0)
            {
                return test.Invalid is null ? $"unexpected semantic error: {diagnostics[0]}" : null;
            }
        }

        IReadOnlyList<FhirPathItem> result;
        try
        {
            result = test.Predicate
                ? compiled.EvaluatePredicate(FocusOf(input)) is { } b ? [FhirPathItem.FromBoolean(b)] : []
                : compiled.Evaluate(input is null ? [] : [FhirPathItem.FromNode(input)]);
        }
        catch (FhirPathEvaluationException ex)
        {
            return test.Invalid is null ? $"unexpected evaluation error: {ex.Describe()}" : null;
        }

        if (test.Invalid is not null)
        {
            return $"expected an error ({test.Invalid}), got [{Describe(result)}]";
        }

        return Compare(test, result);
    }

    private static FhirPathItem FocusOf(ElementNode? input) => input is null ? FhirPathItem.FromString(string.Empty) : FhirPathItem.FromNode(input);

    private static ElementNode Parse(string path) =>
        new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(File.ReadAllBytes(path), path).Root
        ?? throw new InvalidDataException($"{path}: not a FHIR resource");

    private static string? Compare(SuiteCase test, IReadOnlyList<FhirPathItem> result)
    {
        var expected = test.Outputs;
        if (expected.Count != result.Count)
        {
            return $"expected [{string.Join(", ", expected.Select(o => $"{o.Type}:{o.Value}"))}], got [{Describe(result)}]";
        }

        var actual = result.ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            var index = test.Unordered ? actual.FindIndex(a => Matches(expected[i], a)) : (Matches(expected[i], actual[i]) ? i : -1);
            if (index < 0)
            {
                return $"expected [{string.Join(", ", expected.Select(o => $"{o.Type}:{o.Value}"))}], got [{Describe(result)}]";
            }

            if (test.Unordered)
            {
                actual.RemoveAt(index);
            }
        }

        return null;
    }

    private static bool Matches(SuiteOutput expected, FhirPathItem actual) =>
        (expected.Type is null || expected.Type == SuiteTypeName(actual)) && Normalize(expected.Value) == ValueText(actual);

    /// <summary>The suite's type names: FHIR types as is, System types in FHIR's lower case (<c>integer</c>), Quantity capitalised.</summary>
    private static string SuiteTypeName(FhirPathItem item) => item.Kind switch
    {
        FhirPathItemKind.Node => item.TypeName,
        FhirPathItemKind.DateTime => "dateTime",
        FhirPathItemKind.Quantity => "Quantity",
        _ => item.Kind.ToString().ToLowerInvariant(),
    };

    private static string Normalize(string value) => value.StartsWith("@T", StringComparison.Ordinal) ? value[2..] : value.StartsWith('@') ? value[1..] : value;

    private static string ValueText(FhirPathItem item) => item.Node is { } node ? node.Text ?? string.Empty : item.ToString();

    private static string Describe(IReadOnlyList<FhirPathItem> items) =>
        string.Join(", ", items.Select(i => $"{SuiteTypeName(i)}:{ValueText(i)}"));
}
