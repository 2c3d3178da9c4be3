using System.Globalization;

namespace FhirTrials.FhirPath.Syntax;

internal sealed partial class Parser
{
    private static readonly HashSet<string> CalendarKeywords = new(StringComparer.Ordinal)
    {
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
    };

    private SyntaxNode Term()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer or TokenKind.Decimal or TokenKind.Long:
                Advance();
                return NumberOrQuantity(token);
            case TokenKind.String:
                Advance();
                return new LiteralSyntax(FhirPathItem.FromString(token.Text), token.Position);
            case TokenKind.Date:
                Advance();
                return new LiteralSyntax(FhirPathItem.FromDateTime(FhirPathDateTime.ParseDate(token.Text)!), token.Position);
            case TokenKind.DateTime:
                Advance();
                return new LiteralSyntax(FhirPathItem.FromDateTime(FhirPathDateTime.ParseDateTime(token.Text)!), token.Position);
            case TokenKind.Time:
                Advance();
                return new LiteralSyntax(FhirPathItem.FromDateTime(FhirPathDateTime.ParseTime(token.Text)!), token.Position);
            case TokenKind.This or TokenKind.Index or TokenKind.Total:
                Advance();
                return new VariableSyntax(token.Kind, token.Position);
            case TokenKind.External:
                Advance();
                return new ExternalSyntax(token.Text, token.Position);
            case TokenKind.LParen:
                Advance();
                var inner = Expression(0);
                Expect(TokenKind.RParen, "')'", token.Position);
                return inner;
            case TokenKind.LBrace:
                Advance();
                Expect(TokenKind.RBrace, "'}' (only the empty collection {} can be written with braces)", token.Position);
                return new EmptySyntax(token.Position);
            case TokenKind.Identifier when token.Text is "true" or "false":
                Advance();
                return new LiteralSyntax(FhirPathItem.FromBoolean(token.Text == "true"), token.Position);
            case TokenKind.Identifier or TokenKind.DelimitedIdentifier:
                Advance();
                return Current.Kind == TokenKind.LParen
                    ? new FunctionSyntax(null, token.Text, Arguments(token), token.Position)
                    : new IdentifierSyntax(token.Text, token.Position);
            case TokenKind.End:
                throw new FhirPathSyntaxException("the expression ends where an operand was expected", token.Position);
            default:
                throw new FhirPathSyntaxException($"unexpected {token.Describe()}: expected an operand", token.Position);
        }
    }

    private SyntaxNode NumberOrQuantity(Token token)
    {
        var unit = Current;
        if (unit.Kind == TokenKind.String || (unit.Kind == TokenKind.Identifier && CalendarKeywords.Contains(unit.Text)))
        {
            Advance();
            var value = decimal.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var quantity = new FhirPathQuantity(value, unit.Text, unitIsKeyword: unit.Kind == TokenKind.Identifier);
            return new LiteralSyntax(FhirPathItem.FromQuantity(quantity), token.Position);
        }

        var item = token.Kind switch
        {
            TokenKind.Integer when int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => FhirPathItem.FromInteger(i),
            TokenKind.Integer => throw new FhirPathSyntaxException($"the integer {token.Text} is out of range (-2147483648 to 2147483647; write {token.Text}L for a long)", token.Position),
            TokenKind.Long when long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var l) => FhirPathItem.FromLong(l),
            TokenKind.Long => throw new FhirPathSyntaxException($"the long {token.Text}L is out of range", token.Position),
            _ when decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => FhirPathItem.FromDecimal(d),
            _ => throw new FhirPathSyntaxException($"the decimal {token.Text} is out of range", token.Position),
        };
        return new LiteralSyntax(item, token.Position);
    }

    private List<SyntaxNode> Arguments(Token name)
    {
        var open = Expect(TokenKind.LParen, "'('", -1);
        var arguments = new List<SyntaxNode>();
        if (Current.Kind == TokenKind.RParen)
        {
            Advance();
            return arguments;
        }

        while (true)
        {
            arguments.Add(Expression(0));
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            Expect(TokenKind.RParen, $"',' or ')' to close the call of '{name.Text}'", open.Position);
            return arguments;
        }
    }
}
