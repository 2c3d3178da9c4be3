using FhirTrials.Fhir.Packages;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Invariants;
using FhirTrials.Validation.Terminology;

namespace FhirTrials.Validation.Schema;

/// <summary>Everything a validator shares across runs and threads: definitions, compiled schemas, terminology and the invariant engine.</summary>
internal sealed class ValidatorServices
{
    public ValidatorServices(IResourceResolver resolver, IInvariantEvaluator invariants)
    {
        Resolver = resolver;
        Invariants = invariants;
        Definitions = new StructureDefinitionSource(resolver);
        Terminology = new TerminologyService(resolver);
        Schemas = new SchemaCache(Definitions, (sd, cache) => new SchemaCompiler(this).Compile(sd));
    }

    public IResourceResolver Resolver { get; }

    public IInvariantEvaluator Invariants { get; }

    public StructureDefinitionSource Definitions { get; }

    public TerminologyService Terminology { get; }

    public SchemaCache Schemas { get; }
}
