using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Primitives;
using FhirTrials.Mapping.Records;
using Reference = FhirTrials.Fhir.Model.Reference;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>The state of mapping one record: the record, the tables, the stable keys and the bundle being built.</summary>
internal sealed class TrialMappingContext
{
    private readonly Dictionary<string, Reference> _organizations = new(StringComparer.Ordinal);

    public TrialMappingContext(TrialRecord record, MappingTables tables, MappingTerminology terminology)
    {
        Record = record;
        Tables = tables;
        Terminology = terminology;
        Keys = new ResourceKeys(record.RegistryId);
    }

    public TrialRecord Record { get; }

    public MappingTables Tables { get; }

    public MappingTerminology Terminology { get; }

    public ResourceKeys Keys { get; }

    public BundleBuilder Bundle { get; } = new();

    /// <summary>A reference to a resource of this bundle by its fullUrl.</summary>
    public Reference ReferenceTo(string resourceType, string id, string? display = null) =>
        new() { ReferenceValue = Keys.FullUrl(resourceType, id), Display = display };

    public TrialMappingException Error(string fieldPath, string reason) => new(Record.RegistryId, fieldPath, reason);

    /// <summary>Adds a resource updated conditionally on its resource-key identifier.</summary>
    public void AddKeyed(DomainResource resource, List<Identifier> identifiers)
    {
        identifiers.Add(KeyIdentifier(resource.Id!));
        Bundle.Update(resource, Keys.FullUrl(resource.TypeName, resource.Id!), BundleBuilder.IdentifierSearch(SystemUris.ResourceKey, resource.Id!));
    }

    /// <summary>
    /// A reference to the shared Organization of <paramref name="name"/> (display: the name as written),
    /// adding it to the bundle as a conditional create the first time.
    /// </summary>
    public Reference Organization(string name, AgencyClass? agencyClass)
    {
        var id = ResourceKeys.Organization(name);
        if (!_organizations.ContainsKey(id))
        {
            var organization = new Organization { Id = id, Meta = Elements.Meta(Profiles.Sponsor), Name = name };
            organization.Identifier.Add(new Identifier { System = SystemUris.OrganizationKey, Value = id });
            if (agencyClass is { } funder)
            {
                organization.Type.Add(Concepts.FromTable(Tables.AgencyClass, funder));
            }

            var fullUrl = Keys.FullUrl("Organization", id);
            Bundle.CreateIfNoneExist(organization, fullUrl, BundleBuilder.IdentifierSearch(SystemUris.OrganizationKey, id));
            _organizations[id] = new Reference { ReferenceValue = fullUrl };
        }

        return new Reference { ReferenceValue = _organizations[id].ReferenceValue, Display = name };
    }

    /// <summary>A FHIR dateTime from a record date, or a mapping error naming the field.</summary>
    public FhirDateTime DateTime(string date, string fieldPath) =>
        PrimitiveFormat.Check("dateTime", date) is { } problem ? throw Error(fieldPath, $"'{date}' is not a FHIR dateTime: {problem}") : new FhirDateTime(date);

    private static Identifier KeyIdentifier(string id) => new() { System = SystemUris.ResourceKey, Value = id };
}
