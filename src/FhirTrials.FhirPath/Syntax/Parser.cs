namespace FhirTrials.FhirPath.Syntax;

/// <summary>
/// A precedence-climbing parser for FHIRPath 2.0. Binding strength, loosest first: <c>implies</c>;
/// <c>or xor</c>; <c>and</c>; <c>in contains</c>; <c>= ~ != !~</c>; <c>&lt; &gt; &lt;= &gt;=</c>;
/// <c>|</c>; <c>is as</c>; <c>+ - &amp;</c>; <c>* / div mod</c>; unary <c>+ -</c>; then <c>.</c> and <c>[]</c>.
/// </summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private int _index;

    private Parser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_index];

    /// <summary>Parses a whole expression; throws <see cref="FhirPathSyntaxException"/> with the position of the first problem.</summary>
    public static SyntaxNode Parse(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new FhirPathSyntaxException("the expression is empty", 0);
        }

        var expression = parser.Expression(0);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new FhirPathSyntaxException($"unexpected {parser.Current.Describe()}: expected an operator or the end of the expression", parser.Current.Position);
        }

        return expression;
    }

    private SyntaxNode Expression(int minPrecedence)
    {
        var left = Unary();
        while (true)
        {
            var token = Current;
            var (op, precedence) = BinaryOperatorOf(token);
            if (precedence == 0 || precedence < minPrecedence)
            {
                return left;
            }

            Advance();
            if (token.IsKeyword("is") || token.IsKeyword("as"))
            {
                left = new TypeOperatorSyntax(token.Text == "as", left, TypeName(), token.Position);
                continue;
            }

            if (Current.Kind == TokenKind.End)
            {
                throw new FhirPathSyntaxException($"the expression ends after '{token.Text}': expected an operand", token.Position);
            }

            var right = Expression(precedence + 1);
            left = new BinarySyntax(op, left, right, token.Position);
        }
    }

    private static (BinaryOperator Operator, int Precedence) BinaryOperatorOf(Token token) => token.Kind switch
    {
        TokenKind.Star => (BinaryOperator.Multiply, 10),
        TokenKind.Slash => (BinaryOperator.Divide, 10),
        TokenKind.Plus => (BinaryOperator.Add, 9),
        TokenKind.Minus => (BinaryOperator.Subtract, 9),
        TokenKind.Ampersand => (BinaryOperator.Concatenate, 9),
        TokenKind.Pipe => (BinaryOperator.Union, 7),
        TokenKind.Less => (BinaryOperator.Less, 6),
        TokenKind.LessOrEqual => (BinaryOperator.LessOrEqual, 6),
        TokenKind.Greater => (BinaryOperator.Greater, 6),
        TokenKind.GreaterOrEqual => (BinaryOperator.GreaterOrEqual, 6),
        TokenKind.Equal => (BinaryOperator.Equal, 5),
        TokenKind.NotEqual => (BinaryOperator.NotEqual, 5),
        TokenKind.Equivalent => (BinaryOperator.Equivalent, 5),
        TokenKind.NotEquivalent => (BinaryOperator.NotEquivalent, 5),
        TokenKind.Identifier => token.Text switch
        {
            "div" => (BinaryOperator.Div, 10),
            "mod" => (BinaryOperator.Mod, 10),
            "is" or "as" => (BinaryOperator.Equal, 8),
            "in" => (BinaryOperator.In, 4),
            "contains" => (BinaryOperator.Contains, 4),
            "and" => (BinaryOperator.And, 3),
            "or" => (BinaryOperator.Or, 2),
            "xor" => (BinaryOperator.Xor, 2),
            "implies" => (BinaryOperator.Implies, 1),
            _ => (BinaryOperator.Equal, 0),
        },
        _ => (BinaryOperator.Equal, 0),
    };

    private SyntaxNode Unary()
    {
        if (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var token = Advance();
            if (Current.Kind == TokenKind.End)
            {
                throw new FhirPathSyntaxException($"the expression ends after '{token.Text}': expected an operand", token.Position);
            }

            return new UnarySyntax(token.Kind == TokenKind.Minus, Unary(), token.Position);
        }

        return Postfix(Term());
    }

    private SyntaxNode Postfix(SyntaxNode target)
    {
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.Dot)
            {
                Advance();
                var name = Name("after '.'");
                target = Current.Kind == TokenKind.LParen
                    ? new FunctionSyntax(target, name.Text, Arguments(name), name.Position)
                    : new MemberSyntax(target, name.Text, name.Position);
            }
            else if (token.Kind == TokenKind.LBracket)
            {
                Advance();
                var index = Expression(0);
                Expect(TokenKind.RBracket, "']' to close the indexer", token.Position);
                target = new IndexerSyntax(target, index, token.Position);
            }
            else
            {
                return target;
            }
        }
    }

    private Token Advance() => _tokens[_index++];

    private Token Expect(TokenKind kind, string what, int openedAt)
    {
        if (Current.Kind != kind)
        {
            var opened = openedAt >= 0 ? $" (opened at column {openedAt + 1})" : string.Empty;
            throw new FhirPathSyntaxException($"expected {what}{opened}, found {Current.Describe()}", Current.Position);
        }

        return Advance();
    }

    /// <summary>An identifier (plain or delimited) where a name is required.</summary>
    private Token Name(string where)
    {
        if (Current.Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            return Advance();
        }

        throw new FhirPathSyntaxException($"expected a name {where}, found {Current.Describe()}", Current.Position);
    }

    /// <summary>A type specifier after <c>is</c>/<c>as</c>: <c>Name</c> or <c>Namespace.Name</c>.</summary>
    private QualifiedName TypeName()
    {
        var first = Name("of a type");
        if (Current.Kind == TokenKind.Dot && _tokens[_index + 1].Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            Advance();
            var second = Advance();
            return new QualifiedName(first.Text, second.Text, first.Position);
        }

        return new QualifiedName(null, first.Text, first.Position);
    }
}
