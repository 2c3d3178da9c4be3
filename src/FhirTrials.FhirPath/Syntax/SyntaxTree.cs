namespace FhirTrials.FhirPath.Syntax;

/// <summary>A node of the parsed expression; <see cref="Position"/> is the offset of its main token.</summary>
internal abstract record SyntaxNode(int Position);

/// <summary>A literal value (<c>'a'</c>, <c>1.5</c>, <c>@2015</c>, <c>4 'mg'</c>, <c>true</c>).</summary>
internal sealed record LiteralSyntax(FhirPathItem Value, int Position) : SyntaxNode(Position);

/// <summary><c>{}</c>.</summary>
internal sealed record EmptySyntax(int Position) : SyntaxNode(Position);

/// <summary>An identifier at the start of a path or of an argument (<c>name</c>, <c>Patient</c>).</summary>
internal sealed record IdentifierSyntax(string Name, int Position) : SyntaxNode(Position);

/// <summary><c>target.name</c>.</summary>
internal sealed record MemberSyntax(SyntaxNode Target, string Name, int Position) : SyntaxNode(Position);

/// <summary><c>name(args)</c> on the focus, or <c>target.name(args)</c>.</summary>
internal sealed record FunctionSyntax(SyntaxNode? Target, string Name, IReadOnlyList<SyntaxNode> Arguments, int Position) : SyntaxNode(Position);

/// <summary><c>target[index]</c>.</summary>
internal sealed record IndexerSyntax(SyntaxNode Target, SyntaxNode Index, int Position) : SyntaxNode(Position);

/// <summary>Unary <c>+</c> or <c>-</c>.</summary>
internal sealed record UnarySyntax(bool Negate, SyntaxNode Operand, int Position) : SyntaxNode(Position);

internal sealed record BinarySyntax(BinaryOperator Operator, SyntaxNode Left, SyntaxNode Right, int Position) : SyntaxNode(Position);

/// <summary><c>operand is Type</c> or <c>operand as Type</c>.</summary>
internal sealed record TypeOperatorSyntax(bool IsAs, SyntaxNode Operand, QualifiedName Type, int Position) : SyntaxNode(Position);

/// <summary><c>$this</c>, <c>$index</c> or <c>$total</c>.</summary>
internal sealed record VariableSyntax(TokenKind Variable, int Position) : SyntaxNode(Position);

/// <summary><c>%name</c>.</summary>
internal sealed record ExternalSyntax(string Name, int Position) : SyntaxNode(Position);

/// <summary>A possibly qualified type name: <c>Quantity</c>, <c>FHIR.Patient</c>, <c>System.String</c>.</summary>
internal sealed record QualifiedName(string? Namespace, string Name, int Position)
{
    public override string ToString() => Namespace is null ? Name : Namespace + "." + Name;
}

internal enum BinaryOperator : byte
{
    Multiply,
    Divide,
    Div,
    Mod,
    Add,
    Subtract,
    Concatenate,
    Union,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    Equivalent,
    NotEquivalent,
    In,
    Contains,
    And,
    Or,
    Xor,
    Implies,
}
