using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.FhirPath;

/// <summary>
/// The environment of one evaluation: the nodes behind <c>%resource</c>, <c>%rootResource</c> and
/// <c>%context</c> (defaulting from the focus), user variables (<c>%name</c>), the clock for
/// <c>now()</c>/<c>today()</c>/<c>timeOfDay()</c>, a sink for <c>trace()</c>, and the hooks for
/// definitions, <c>conformsTo()</c>/<c>slice()</c> and external references. Not thread-safe while
/// being filled; read-only during evaluation, so one context may serve many evaluations.
/// </summary>
public sealed class EvaluationContext
{
    private readonly Dictionary<string, IReadOnlyList<FhirPathItem>> _variables = new(StringComparer.Ordinal);

    /// <summary>The resource <c>%resource</c> names; default: the resource enclosing the focus.</summary>
    public ElementNode? Resource { get; init; }

    /// <summary>The resource <c>%rootResource</c> names; default: the container of <see cref="Resource"/> when it is contained, else <see cref="Resource"/>.</summary>
    public ElementNode? RootResource { get; init; }

    /// <summary>The node <c>%context</c> names; default: the focus.</summary>
    public ElementNode? Context { get; init; }

    /// <summary>Where definitions (ValueSets, CodeSystems, profiles, canonical targets) come from; default: the R4 core.</summary>
    public IResourceResolver Resolver { get; init; } = R4Definitions.Resolver;

    /// <summary>The clock behind <c>now()</c>, <c>today()</c> and <c>timeOfDay()</c> (its local time zone is used).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Receives <c>trace(name)</c> output: the name and the traced collection. Null: tracing is a no-op.</summary>
    public Action<string, IReadOnlyList<FhirPathItem>>? Trace { get; init; }

    /// <summary>Answers <c>conformsTo()</c> and <c>slice()</c> (implemented by the validator). Without it, <c>conformsTo()</c> only checks base resource types.</summary>
    public IFhirPathConformance? Conformance { get; init; }

    /// <summary>Resolves references that are neither contained nor in the enclosing Bundle.</summary>
    public IFhirPathReferenceResolver? ReferenceResolver { get; init; }

    /// <summary>The user variables (<c>%name</c>), without the <c>%</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FhirPathItem>> Variables => _variables;

    /// <summary>Sets a user variable (<c>%name</c>) to a collection; returns this context for chaining.</summary>
    public EvaluationContext SetVariable(string name, params IReadOnlyList<FhirPathItem> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _variables[name] = value;
        return this;
    }

    /// <summary>Sets a user variable to a string.</summary>
    public EvaluationContext SetVariable(string name, string value) => SetVariable(name, FhirPathItem.FromString(value));

    /// <summary>Sets a user variable to a node of an element tree.</summary>
    public EvaluationContext SetVariable(string name, ElementNode value) => SetVariable(name, FhirPathItem.FromNode(value));
}
