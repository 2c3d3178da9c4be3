using FhirTrials.Fhir.Introspection;
using FhirTrials.FhirPath.Syntax;
using FhirTrials.FhirPath.Types;

namespace FhirTrials.FhirPath.Compilation;

/// <summary>
/// Static checks of an expression against the FHIR type it is evaluated on: walks the syntax tree
/// with the possible types of each collection, reporting member names no possible type has, and
/// (in strict mode) a path rooted in another resource type and non-Boolean <c>iif</c> criteria.
/// Where types are unknown (after <c>resolve()</c>, <c>descendants()</c>, abstract <c>Resource</c>s)
/// nothing is reported.
/// </summary>
internal sealed partial class TypeChecker
{
    private readonly FhirPathCheckOptions _options;
    private readonly List<FhirPathDiagnostic> _diagnostics = [];
    private readonly StaticType _context;
    private readonly StaticType _resource;

    private TypeChecker(IReadOnlyList<FhirTypeInfo> context, FhirPathCheckOptions options)
    {
        _options = options;
        _context = StaticType.Fhir(context);
        var rootName = context[0].Name.Split('.')[0];
        _resource = context.Count == 1 && ModelInfo.GetType(rootName) is { IsResource: true } resource ? StaticType.Fhir([resource]) : StaticType.Any;
    }

    public static IReadOnlyList<FhirPathDiagnostic> Check(SyntaxNode syntax, IReadOnlyList<string> contextTypes, FhirPathCheckOptions options)
    {
        if (contextTypes.Count == 0)
        {
            throw new ArgumentException("at least one context type is needed", nameof(contextTypes));
        }

        var types = contextTypes.Select(t => ModelInfo.GetType(t) ?? throw new ArgumentException($"unknown FHIR type '{t}'", nameof(contextTypes))).ToList();
        var checker = new TypeChecker(types, options);
        checker.Visit(syntax, checker._context, checker._context, pathStart: true);
        return checker._diagnostics;
    }

    /// <summary>The type of <paramref name="node"/> evaluated on <paramref name="focus"/>, with <c>$this</c> of type <paramref name="self"/>.</summary>
    private StaticType Visit(SyntaxNode node, StaticType focus, StaticType self, bool pathStart = false)
    {
        switch (node)
        {
            case LiteralSyntax literal:
                return literal.Value.IsNode ? StaticType.Any : StaticType.OfSystem(literal.Value.Kind);
            case EmptySyntax:
                return StaticType.Empty;
            case IdentifierSyntax identifier:
                return Identifier(identifier, focus, pathStart);
            case MemberSyntax member:
                return Navigate(Visit(member.Target, focus, self, pathStart), member.Name, member.Position);
            case FunctionSyntax function:
                return Function(function, function.Target is null ? focus : Visit(function.Target, focus, self, pathStart), focus, self);
            case IndexerSyntax indexer:
                var target = Visit(indexer.Target, focus, self, pathStart);
                Visit(indexer.Index, self, self);
                RequireOrdered(target, "an indexer", indexer.Position);
                return target;
            case UnarySyntax unary:
                return Visit(unary.Operand, focus, self, pathStart);
            case BinarySyntax binary:
                return Binary(binary, focus, self);
            case TypeOperatorSyntax type:
                Visit(type.Operand, focus, self, pathStart);
                return type.IsAs ? TypeOf(TypeSpecifier.Resolve(type.Type)) : StaticType.Boolean;
            case VariableSyntax variable:
                return variable.Variable switch
                {
                    TokenKind.This => self,
                    TokenKind.Index => StaticType.OfSystem(FhirPathItemKind.Integer),
                    _ => StaticType.Any,
                };
            case ExternalSyntax external:
                return external.Name switch
                {
                    "resource" => _resource,
                    "context" => _context,
                    "sct" or "loinc" or "ucum" or "us-zip" => StaticType.OfSystem(FhirPathItemKind.String),
                    _ when external.Name.StartsWith("vs-", StringComparison.Ordinal) || external.Name.StartsWith("ext-", StringComparison.Ordinal) => StaticType.OfSystem(FhirPathItemKind.String),
                    _ => StaticType.Any,
                };
            default:
                return StaticType.Any;
        }
    }

    private StaticType Binary(BinarySyntax binary, StaticType focus, StaticType self)
    {
        var left = Visit(binary.Left, focus, self, pathStart: true);
        var right = Visit(binary.Right, focus, self, pathStart: true);
        return binary.Operator switch
        {
            BinaryOperator.Union => left.Union(right),
            BinaryOperator.Concatenate => StaticType.OfSystem(FhirPathItemKind.String),
            BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide
                or BinaryOperator.Div or BinaryOperator.Mod => StaticType.Any,
            _ => StaticType.Boolean,
        };
    }

    /// <summary>An identifier at the start of a path: a type name standing for the focus, or a member of the focus.</summary>
    private StaticType Identifier(IdentifierSyntax identifier, StaticType focus, bool pathStart)
    {
        if (Binder.RootType(identifier.Name) is not { } named || focus.IsAny)
        {
            return Navigate(focus, identifier.Name, identifier.Position);
        }

        var matching = focus.FhirTypes.Where(t => t.IsSubtypeOf(named)).ToList();
        if (matching.Count > 0)
        {
            return StaticType.Fhir(matching);
        }

        if (focus.HasAbstractTypes && named.IsSubtypeOf(focus.FhirTypes.First(t => t.IsAbstract)))
        {
            return StaticType.Fhir([named]);
        }

        if (_options.Strict && pathStart && focus.FhirTypes.Count > 0)
        {
            Report(identifier.Position, $"the expression starts with '{identifier.Name}', but it is evaluated on {focus}");
        }

        return StaticType.Empty;
    }

    /// <summary>The type of <c>.name</c> on items of type <paramref name="input"/>; reports a name no possible type has.</summary>
    private StaticType Navigate(StaticType input, string name, int position)
    {
        if (input.IsAny)
        {
            return StaticType.Any;
        }

        var found = new List<FhirTypeInfo>();
        foreach (var type in input.FhirTypes)
        {
            if (type.GetElement(name) is { } element)
            {
                found.AddRange(element.Types);
            }
        }

        var systemMember = input.SystemTypes.Contains(FhirPathItemKind.Quantity) && name is "value" or "unit";
        if (found.Count > 0)
        {
            return StaticType.Fhir(found).AsUnordered(input.Unordered);
        }

        if (input.HasAbstractTypes || systemMember)
        {
            return StaticType.Any;
        }

        if (input.FhirTypes.Count > 0)
        {
            Report(position, $"'{name}' is not an element of {input}");
            return StaticType.Any;
        }

        return StaticType.Empty;
    }

    private static StaticType TypeOf(TypeSpecifier type) =>
        type.FhirType is { } fhir ? StaticType.Fhir([fhir]) : type.SystemKind is { } kind ? StaticType.OfSystem(kind) : StaticType.Empty;

    private void RequireOrdered(StaticType input, string what, int position)
    {
        if (_options.CheckOrderedFunctions && input.Unordered)
        {
            Report(position, $"{what} needs an ordered collection, but the input (from children() or descendants()) has no defined order");
        }
    }

    private void Report(int position, string message) => _diagnostics.Add(new FhirPathDiagnostic(position, message));
}
