using FhirTrials.Fhir.ElementModel;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Builders;

/// <summary><c>contentReference</c> (<c>#Questionnaire.item</c>): the element's content is validated by the referenced element's schema.</summary>
internal sealed class ContentReferenceBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        if (context.Definition.ContentReference is not { } reference || context.Node.Children.Count > 0)
        {
            return;
        }

        var path = reference[(reference.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var compiler = context.Compiler;
        if (compiler.Definition.IsConstraint)
        {
            // In a profile, the reference means the content as the type defines it.
            assertions.Add(new BaseContentReferenceAssertion(context.Schema, context.Services.Schemas.TypeRef(compiler.Definition.Type), path));
            return;
        }

        var target = compiler.FindByPath(path);
        if (target is null)
        {
            compiler.Issue($"{context.Definition.Id}: the content reference {reference} names no element");
            return;
        }

        if (compiler.Compiled(target) is not { } schema)
        {
            compiler.Issue($"{context.Definition.Id}: the content reference {reference} names an element defined after it");
            return;
        }

        assertions.Add(new ContentReferenceAssertion(context.Schema, schema));
    }
}

/// <summary>Validates an element's content against the element its <c>contentReference</c> names.</summary>
internal sealed class ContentReferenceAssertion(ElementSchema owner, ElementSchema target) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope) => target.ValidateAsType(node, scope, owner.InvariantKeys, includeChildren: true);
}

/// <summary>A content reference in a profile: validated by the referenced element of the type's base definition.</summary>
internal sealed class BaseContentReferenceAssertion(ElementSchema owner, SchemaRef baseType, string path) : IAssertion
{
    private ElementSchema? _target;

    public void Validate(ElementNode node, ValidationScope scope)
    {
        _target ??= baseType.Get()?.FindByPath(path);
        _target?.ValidateAsType(node, scope, owner.InvariantKeys, includeChildren: true);
    }
}
