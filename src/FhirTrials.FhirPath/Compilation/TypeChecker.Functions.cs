using FhirTrials.Fhir.Introspection;
using FhirTrials.FhirPath.Functions;
using FhirTrials.FhirPath.Syntax;
using FhirTrials.FhirPath.Types;

namespace FhirTrials.FhirPath.Compilation;

internal sealed partial class TypeChecker
{
    private static readonly HashSet<string> OrderedFunctions = new(StringComparer.Ordinal) { "first", "last", "tail", "skip", "take" };

    /// <summary>The type of a function call on <paramref name="input"/>; arguments are checked on the item type (iterating functions) or on <c>$this</c>.</summary>
    private StaticType Function(FunctionSyntax function, StaticType input, StaticType focus, StaticType self)
    {
        var name = function.Name;
        if (name is "is" or "as" or "ofType")
        {
            var type = TypeSpecifier.Resolve(Binder.TypeName(function.Arguments[0], name));
            return name == "is" ? StaticType.Boolean : TypeOf(type).AsUnordered(input.Unordered);
        }

        if (OrderedFunctions.Contains(name))
        {
            RequireOrdered(input, name + "()", function.Position);
        }

        var definition = FunctionTable.Find(name);
        var iterates = name == "sort" || definition?.IteratesArguments == true;
        var itemType = input.AsUnordered(false);
        var argumentTypes = new List<StaticType>(function.Arguments.Count);
        foreach (var argument in function.Arguments)
        {
            argumentTypes.Add(iterates ? Visit(argument, itemType, itemType, pathStart: true) : Visit(argument, self, self, pathStart: true));
        }

        if (name == "iif" && _options.Strict && !argumentTypes[0].MayBeBoolean)
        {
            Report(function.Arguments[0].Position, $"the criterion of iif() must be a Boolean, found {argumentTypes[0]}");
        }

        return name switch
        {
            "sort" => input,
            "iif" => argumentTypes[1].Union(argumentTypes.Count > 2 ? argumentTypes[2] : StaticType.Empty),
            "children" or "descendants" => StaticType.Any.AsUnordered(),
            "union" or "combine" => input.Union(argumentTypes[0]),
            _ => Result(definition?.Result ?? ResultType.Any, input, argumentTypes),
        };
    }

    private static StaticType Result(ResultType result, StaticType input, List<StaticType> arguments) => result switch
    {
        ResultType.Input => input,
        ResultType.Argument => arguments.Count > 0 ? arguments[0].AsUnordered(input.Unordered) : StaticType.Any,
        ResultType.Boolean => StaticType.Boolean,
        ResultType.Integer => StaticType.OfSystem(FhirPathItemKind.Integer),
        ResultType.Decimal => StaticType.OfSystem(FhirPathItemKind.Decimal),
        ResultType.String => StaticType.OfSystem(FhirPathItemKind.String),
        ResultType.Date => StaticType.OfSystem(FhirPathItemKind.Date),
        ResultType.DateTime => StaticType.OfSystem(FhirPathItemKind.DateTime),
        ResultType.Time => StaticType.OfSystem(FhirPathItemKind.Time),
        ResultType.Quantity => StaticType.OfSystem(FhirPathItemKind.Quantity),
        ResultType.Extension => StaticType.Fhir([ModelInfo.GetTypeOrThrow("Extension")]),
        _ => StaticType.Any,
    };
}
