using FhirTrials.Fhir.Introspection;
using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Syntax;
using FhirTrials.FhirPath.Types;

namespace FhirTrials.FhirPath.Compilation;

/// <summary>Turns the syntax tree into evaluator nodes, resolving functions, types and constants once.</summary>
internal static partial class Binder
{
    public static EvalNode Bind(SyntaxNode syntax) => syntax switch
    {
        LiteralSyntax literal => new LiteralNode(literal.Value, literal.Position),
        EmptySyntax empty => new EmptyNode(empty.Position),
        IdentifierSyntax identifier => new PathNode([identifier.Name], RootType(identifier.Name), identifier.Position),
        MemberSyntax member => BindMember(member),
        FunctionSyntax function => BindFunction(function),
        IndexerSyntax indexer => new IndexerNode(Bind(indexer.Target), Bind(indexer.Index), indexer.Position),
        UnarySyntax unary => BindUnary(unary),
        BinarySyntax binary => BindBinary(binary),
        TypeOperatorSyntax type => new TypeTestNode(Bind(type.Operand), TypeSpecifier.Resolve(type.Type), type.IsAs ? TypeTest.As : TypeTest.Is, type.Position),
        VariableSyntax variable => variable.Variable switch
        {
            TokenKind.This => new ThisNode(variable.Position),
            TokenKind.Index => new IndexVariableNode(variable.Position),
            _ => new TotalNode(variable.Position),
        },
        ExternalSyntax external => BindExternal(external),
        _ => throw new FhirPathSyntaxException($"cannot compile {syntax.GetType().Name}", syntax.Position),
    };

    /// <summary>The type an identifier at the start of a path names, if it names one (<c>Patient</c> in <c>Patient.name</c>).</summary>
    internal static FhirTypeInfo? RootType(string name) =>
        name.Length > 0 && char.IsAsciiLetterUpper(name[0]) ? ModelInfo.GetType(name) : null;

    private static EvalNode BindMember(MemberSyntax member)
    {
        var target = Bind(member.Target);
        return target is PathNode path
            ? path.Append(member.Name)
            : new ChainNode(target, new PathNode([member.Name], null, member.Position));
    }

    private static EvalNode BindUnary(UnarySyntax unary)
    {
        var operand = Bind(unary.Operand);
        if (!unary.Negate)
        {
            return new PlusNode(operand, unary.Position);
        }

        if (operand is LiteralNode { Value.Kind: FhirPathItemKind.Integer or FhirPathItemKind.Decimal or FhirPathItemKind.Quantity or FhirPathItemKind.Long } literal
            && Operators.Arithmetic.Negate(Scalar.From(literal.Value), unary.Position) is { } negated)
        {
            return new LiteralNode(negated, unary.Position);
        }

        return new NegateNode(operand, unary.Position);
    }

    private static EvalNode BindBinary(BinarySyntax binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        var op = binary.Operator;
        var position = binary.Position;
        return op switch
        {
            BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Xor or BinaryOperator.Implies => new LogicNode(op, left, right, position),
            BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Equivalent or BinaryOperator.NotEquivalent => new EqualityNode(op, left, right, position),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => new ComparisonNode(op, left, right, position),
            BinaryOperator.Union => new UnionNode(left, right, position),
            BinaryOperator.In or BinaryOperator.Contains => new MembershipNode(op, left, right, position),
            BinaryOperator.Concatenate => new ConcatenateNode(left, right, position),
            _ => new ArithmeticNode(op, left, right, position),
        };
    }

    /// <summary>Built-in constants become literals; <c>%resource</c>, <c>%rootResource</c>, <c>%context</c> read the context; other names are user variables.</summary>
    private static EvalNode BindExternal(ExternalSyntax external)
    {
        var name = external.Name;
        string? constant = name switch
        {
            "sct" => "http://snomed.info/sct",
            "loinc" => "http://loinc.org",
            "ucum" => "http://unitsofmeasure.org",
            "us-zip" => "[0-9]{5}(-[0-9]{4}){0,1}",
            _ when name.StartsWith("vs-", StringComparison.Ordinal) => "http://hl7.org/fhir/ValueSet/" + name[3..],
            _ when name.StartsWith("ext-", StringComparison.Ordinal) => "http://hl7.org/fhir/StructureDefinition/" + name[4..],
            _ => null,
        };
        if (constant is not null)
        {
            return new LiteralNode(FhirPathItem.FromString(constant), external.Position);
        }

        return name switch
        {
            "resource" => new EnvironmentNode(EnvironmentVariable.Resource, external.Position),
            "rootResource" => new EnvironmentNode(EnvironmentVariable.RootResource, external.Position),
            "context" => new EnvironmentNode(EnvironmentVariable.Context, external.Position),
            _ => new UserVariableNode(name, external.Position),
        };
    }
}
