using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.FhirPath;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Indexing;

/// <summary>
/// Computes a resource's search index: every parameter of its type is evaluated (its FHIRPath
/// expression, compiled once) and the values are turned into rows of the parameter's type.
/// Thread-safe.
/// </summary>
public sealed partial class SearchIndexer
{
    private readonly SearchParameterRegistry _registry;
    private readonly EvaluationContext _context;
    private readonly IReadOnlyList<string> _localBases;

    /// <param name="registry">The parameters to index.</param>
    /// <param name="localBases">Base URLs of this server: absolute references under them index as local ones.</param>
    public SearchIndexer(SearchParameterRegistry registry, IEnumerable<string>? localBases = null)
    {
        _registry = registry;
        _localBases = [.. (localBases ?? []).Select(b => b.TrimEnd('/') + "/")];
        _context = new EvaluationContext { ReferenceResolver = TypeOnlyReferenceResolver.Instance };
    }

    /// <summary>The index rows of <paramref name="resource"/> (a resource root node).</summary>
    public ResourceIndex Index(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var index = new ResourceIndex();
        var type = resource.Type?.Name;
        if (type is null)
        {
            return index;
        }

        foreach (var parameter in _registry.ForType(type).Values)
        {
            if (parameter.Compiled is null)
            {
                continue;
            }

            IReadOnlyList<FhirPathItem> items;
            try
            {
                items = parameter.Compiled.Evaluate(resource, _context);
            }
            catch (FhirPathException)
            {
                // An R4 expression that cannot be evaluated on this instance (e.g. several values where
                // it expects one) contributes nothing rather than failing the write.
                continue;
            }

            foreach (var item in items)
            {
                Add(index, parameter, item);
            }
        }

        return index;
    }

    private void Add(ResourceIndex index, SearchParameterInfo parameter, FhirPathItem item)
    {
        switch (parameter.Type)
        {
            case SearchParamType.Token:
                AddToken(index.Tokens, parameter.Code, item);
                break;
            case SearchParamType.String:
                AddString(index.Strings, parameter.Code, item);
                break;
            case SearchParamType.Date:
                AddDate(index.Dates, parameter.Code, item);
                break;
            case SearchParamType.Reference:
                AddReference(index, parameter.Code, item);
                break;
            case SearchParamType.Quantity:
                AddQuantity(index.Quantities, parameter.Code, item);
                break;
            case SearchParamType.Number:
                AddNumber(index.Numbers, parameter.Code, item);
                break;
            case SearchParamType.Uri:
                if (TextOf(item) is { Length: > 0 } uri)
                {
                    index.Uris.Add(new UriEntry(parameter.Code, uri));
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The text of a primitive node or a System value (strings, booleans, numbers, dates); null otherwise.</summary>
    private static string? TextOf(FhirPathItem item) => item.Kind switch
    {
        FhirPathItemKind.Node => item.Node!.Text,
        FhirPathItemKind.String => item.StringValue,
        FhirPathItemKind.Boolean => item.BooleanValue ? "true" : "false",
        FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal => item.ToString(),
        FhirPathItemKind.Date or FhirPathItemKind.DateTime or FhirPathItemKind.Time => item.DateTimeValue?.ToString(),
        _ => null,
    };

    private static string? ChildText(ElementNode node, string name) => node.Child(name)?.Text;
}
