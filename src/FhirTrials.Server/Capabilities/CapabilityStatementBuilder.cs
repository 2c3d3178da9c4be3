using System.Collections.Concurrent;
using System.Reflection;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Capabilities;

/// <summary>
/// Builds the CapabilityStatement from what the server really does: every R4 resource type with the
/// interactions implemented, the search parameters in the registry (the back-ported ones with their
/// own definitions), the includes its reference parameters allow, the system interactions and
/// operations, and the security in force. Built once per base URL.
/// </summary>
public sealed partial class CapabilityStatementBuilder
{
    private static readonly TypeRestfulInteraction[] TypeInteractions =
    [
        TypeRestfulInteraction.Read, TypeRestfulInteraction.Vread, TypeRestfulInteraction.Update, TypeRestfulInteraction.Delete,
        TypeRestfulInteraction.HistoryInstance, TypeRestfulInteraction.HistoryType, TypeRestfulInteraction.Create, TypeRestfulInteraction.SearchType,
    ];

    private readonly SearchParameterRegistry _registry;
    private readonly FhirServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public CapabilityStatementBuilder(SearchParameterRegistry registry, FhirServerOptions options, TimeProvider time)
    {
        _registry = registry;
        _options = options;
        _time = time;
    }

    /// <summary>The CapabilityStatement JSON for a server at <paramref name="baseUrl"/> (cached).</summary>
    public byte[] Json(string baseUrl) => _cache.GetOrAdd(baseUrl, url => FhirJsonSerializer.SerializeToUtf8Bytes(Build(url)));

    public CapabilityStatement Build(string baseUrl)
    {
        var version = typeof(CapabilityStatementBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        var statement = new CapabilityStatement
        {
            Id = "fhirtrials",
            Url = baseUrl + "/metadata",
            Name = "FhirTrialsServer",
            Title = "FhirTrials FHIR R4 server",
            Status = PublicationStatus.Active,
            Date = Writing.ResourceJson.FormatInstant(_time.GetUtcNow()),
            Publisher = "FhirTrials",
            Kind = CapabilityStatementKind.Instance,
            FhirVersion = FHIRVersion.N401,
            Software = new CapabilityStatement.SoftwareComponent { Name = "FhirTrials", Version = version.Split('+')[0] },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "FhirTrials: clinical-trial records as FHIR R4", Url = baseUrl },
        };
        statement.FormatElement.Add(new Code("json"));
        statement.FormatElement.Add(new Code("application/fhir+json"));
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = RestfulCapabilityMode.Server,
            Documentation = "Search: string (default starts-with, :exact, :contains), token (system|code, |code, system|, :not, :text), date/number/quantity with prefixes eq ne gt lt ge le sa eb ap, reference (id, Type/id, URL, :Type, :identifier, chains, _has), uri (:below, :above), :missing on all; _id, _lastUpdated, _count, _sort, _summary, _elements, _include, _revinclude (:iterate). Unknown parameters: Prefer: handling=strict|lenient.",
            Security = Security(),
        };
        foreach (var type in ModelInfo.ResourceTypes.Where(t => !ModelInfo.GetType(t)!.IsAbstract).Order(StringComparer.Ordinal))
        {
            rest.Resource.Add(Resource(type));
        }

        foreach (var interaction in new[] { SystemRestfulInteraction.Transaction, SystemRestfulInteraction.Batch, SystemRestfulInteraction.SearchSystem, SystemRestfulInteraction.HistorySystem })
        {
            rest.Interaction.Add(new CapabilityStatement.SystemInteractionComponent { Code = interaction });
        }

        rest.Operation.Add(new CapabilityStatement.OperationComponent
        {
            Name = "export",
            Definition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export",
            Documentation = "Bulk Data export (kick-off with Prefer: respond-async; _since, _type; NDJSON files). Also at [base]/[type]/$export.",
        });
        statement.Rest.Add(rest);
        return statement;
    }
}
