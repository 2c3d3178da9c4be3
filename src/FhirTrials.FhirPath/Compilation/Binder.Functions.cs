using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Functions;
using FhirTrials.FhirPath.Syntax;
using FhirTrials.FhirPath.Types;

namespace FhirTrials.FhirPath.Compilation;

internal static partial class Binder
{
    private static EvalNode BindFunction(FunctionSyntax function)
    {
        var call = function.Name switch
        {
            "is" => BindTypeFunction(function, TypeTest.Is),
            "as" => BindTypeFunction(function, TypeTest.As),
            "ofType" => BindTypeFunction(function, TypeTest.OfType),
            "sort" => BindSort(function),
            _ => BindBuiltIn(function),
        };
        return function.Target is null ? call : new ChainNode(Bind(function.Target), call);
    }

    private static EvalNode BindBuiltIn(FunctionSyntax function)
    {
        var definition = FunctionTable.Find(function.Name)
            ?? throw new FhirPathSyntaxException($"unknown function '{function.Name}'", function.Position);
        var count = function.Arguments.Count;
        if (count < definition.MinArgs || count > definition.MaxArgs)
        {
            throw new FhirPathSyntaxException($"{function.Name}() takes {Arity(definition.MinArgs, definition.MaxArgs)}, not {count}", function.Position);
        }

        var arguments = new EvalNode[count];
        for (var i = 0; i < count; i++)
        {
            arguments[i] = Bind(function.Arguments[i]);
        }

        return new FunctionNode(definition, arguments, function.Position);
    }

    private static TypeTestNode BindTypeFunction(FunctionSyntax function, TypeTest test)
    {
        if (function.Arguments.Count != 1)
        {
            throw new FhirPathSyntaxException($"{function.Name}() takes one type name, not {function.Arguments.Count} arguments", function.Position);
        }

        return new TypeTestNode(null, TypeSpecifier.Resolve(TypeName(function.Arguments[0], function.Name)), test, function.Position);
    }

    /// <summary>Reads a type argument (<c>Quantity</c>, <c>FHIR.Patient</c>) written as an expression.</summary>
    internal static QualifiedName TypeName(SyntaxNode argument, string function) => argument switch
    {
        IdentifierSyntax identifier => new QualifiedName(null, identifier.Name, identifier.Position),
        MemberSyntax { Target: IdentifierSyntax ns } member => new QualifiedName(ns.Name, member.Name, ns.Position),
        _ => throw new FhirPathSyntaxException($"{function}() needs a type name such as Quantity or FHIR.Patient", argument.Position),
    };

    /// <summary><c>sort(key, -key2…)</c>: a leading unary minus on a key sorts descending.</summary>
    private static SortNode BindSort(FunctionSyntax function)
    {
        var keys = new SortKey[function.Arguments.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var argument = function.Arguments[i];
            keys[i] = argument is UnarySyntax { Negate: true } descending
                ? new SortKey(Bind(descending.Operand), Descending: true)
                : new SortKey(Bind(argument), Descending: false);
        }

        return new SortNode(keys, function.Position);
    }

    private static string Arity(int min, int max) => (min, max) switch
    {
        (0, 0) => "no arguments",
        _ when min == max => max == 1 ? "1 argument" : $"{max} arguments",
        _ => $"{min} to {max} arguments",
    };
}
