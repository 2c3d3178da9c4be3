using System.Text;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.FhirPath.Tests;

/// <summary>Shortcuts for evaluating expressions in tests.</summary>
internal static class FhirPathTestHelper
{
    public static ElementNode Resource(string json) => FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(json));

    /// <summary>Evaluates on an empty input (for expressions made of literals).</summary>
    public static IReadOnlyList<FhirPathItem> Eval(string expression, EvaluationContext? context = null) =>
        FhirPathCompiler.Default.Compile(expression).Evaluate([], context);

    public static IReadOnlyList<FhirPathItem> Eval(string expression, ElementNode focus, EvaluationContext? context = null) =>
        FhirPathCompiler.Default.Compile(expression).Evaluate(focus, context);

    /// <summary>The result as text: items joined by <c>|</c>, nodes by their value or type.</summary>
    public static string Text(string expression, ElementNode? focus = null, EvaluationContext? context = null)
    {
        var result = focus is null ? Eval(expression, context) : Eval(expression, focus, context);
        return string.Join(" | ", result.Select(i => i.Node is { } n ? n.Text ?? n.TypeName : i.ToString()));
    }

    /// <summary>The single Boolean result, or null for empty (fails for anything else).</summary>
    public static bool? Bool(string expression, ElementNode? focus = null, EvaluationContext? context = null)
    {
        var result = focus is null ? Eval(expression, context) : Eval(expression, focus, context);
        Assert.True(result.Count <= 1, $"{expression} gave {result.Count} items");
        if (result.Count == 0)
        {
            return null;
        }

        Assert.Equal(FhirPathItemKind.Boolean, result[0].Kind);
        return result[0].BooleanValue;
    }
}
