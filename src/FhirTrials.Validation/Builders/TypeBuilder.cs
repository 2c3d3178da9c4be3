using FhirTrials.Fhir.Introspection;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Builders;

/// <summary><c>type</c>: the allowed types and their profiles (the root element's type is the definition itself).</summary>
internal sealed class TypeBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        var def = context.Definition;
        if (context.IsRoot || def.Types.Count == 0)
        {
            return;
        }

        var schemas = context.Services.Schemas;
        var cases = def.Types.Select(t => new TypeCase(
            t.Code,
            string.Equals(t.Code, "Extension", StringComparison.Ordinal) ? TypeCaseKind.Extension
                : ModelInfo.IsResourceType(t.Code) ? TypeCaseKind.Resource : TypeCaseKind.DataType,
            [.. t.Profiles.Select(schemas.Ref)])).ToArray();
        var checkType = cases.Length > 1 || def.IsChoice || cases.Any(c => c.Kind == TypeCaseKind.Resource);
        assertions.Add(new TypeAssertion(context.Schema, cases, checkType));
    }
}
