using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Builders;

/// <summary>Turns one aspect of an ElementDefinition (types, fixed value, binding, invariants…) into assertions.</summary>
internal interface IAssertionBuilder
{
    void Build(BuildContext context, List<IAssertion> assertions);
}

/// <summary>What a builder sees: the element (with its snapshot subtree), its schema, and the compiler (for lookups and issues).</summary>
internal sealed record BuildContext(DefNode Node, ElementSchema Schema, SchemaCompiler Compiler, bool IsRoot)
{
    public ElementDef Definition => Node.Definition;

    public ValidatorServices Services => Compiler.Services;
}
