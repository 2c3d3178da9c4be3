using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Builders;

/// <summary><c>fixed[x]</c>.</summary>
internal sealed class FixedBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        if (context.Definition.Fixed is { } value)
        {
            assertions.Add(new FixedAssertion(value, context.Definition.Path));
        }
    }
}

/// <summary><c>pattern[x]</c>.</summary>
internal sealed class PatternBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        if (context.Definition.Pattern is { } value)
        {
            assertions.Add(new PatternAssertion(value, context.Definition.Path));
        }
    }
}

/// <summary><c>maxLength</c>.</summary>
internal sealed class MaxLengthBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        if (context.Definition.MaxLength is > 0 and var max)
        {
            assertions.Add(new MaxLengthAssertion(max, context.Definition.Path));
        }
    }
}

/// <summary><c>minValue[x]</c> and <c>maxValue[x]</c>.</summary>
internal sealed class MinMaxValueBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        var def = context.Definition;
        if (def.MinValue is not null || def.MaxValue is not null)
        {
            assertions.Add(new MinMaxValueAssertion(def.MinValue, def.MaxValue, def.Path));
        }
    }
}

/// <summary><c>binding</c> (example bindings are not checked).</summary>
internal sealed class BindingBuilder : IAssertionBuilder
{
    public void Build(BuildContext context, List<IAssertion> assertions)
    {
        if (context.Definition.Binding is { ValueSet: { } vs } binding && binding.Strength != Fhir.Model.BindingStrength.Example)
        {
            assertions.Add(new BindingAssertion(binding, vs, context.Definition.Path, context.Services.Terminology));
        }

        foreach (var additional in context.Definition.AdditionalBindings)
        {
            assertions.Add(new BindingAssertion(additional, additional.ValueSet!, context.Definition.Path, context.Services.Terminology));
        }
    }
}
