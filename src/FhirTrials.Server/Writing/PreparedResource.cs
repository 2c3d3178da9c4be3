using FhirTrials.Fhir.ElementModel;
using FhirTrials.Server.Storage;

namespace FhirTrials.Server.Writing;

/// <summary>A resource that passed validation: its type, the id it carries (if any), its JSON and element tree.</summary>
internal sealed record PreparedResource(string Type, string? Id, ReadOnlyMemory<byte> Json, ElementNode Node);

/// <summary>What a create or update did: the HTTP status (201 created, 200 updated or found), and the current version.</summary>
internal sealed record WriteOutcome(int Status, StoredResource Resource);
