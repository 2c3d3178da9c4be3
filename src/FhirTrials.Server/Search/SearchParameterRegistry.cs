using System.Collections.Frozen;
using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.FhirPath;

namespace FhirTrials.Server.Search;

/// <summary>
/// Every search parameter the server supports, per resource type: the R4 core SearchParameters
/// (with their FHIRPath expressions compiled once; the package's three examples left out) plus
/// FhirTrials' back-ported ones. Composite and
/// special parameters, and those whose expression does not compile, are left out and listed in
/// <see cref="Unsupported"/>.
/// </summary>
public sealed class SearchParameterRegistry
{
    private const string ResourceBase = "Resource";
    private static readonly Lazy<SearchParameterRegistry> Shared = new(() => new SearchParameterRegistry(LoadDefinitions()));

    private readonly FrozenDictionary<string, FrozenDictionary<string, SearchParameterInfo>> _byType;

    internal SearchParameterRegistry(IEnumerable<(ElementNode Node, bool Backported)> definitions)
    {
        var all = new List<SearchParameterInfo>();
        var unsupported = new List<(string Url, string Reason)>();
        foreach (var (node, backported) in definitions)
        {
            var info = Create(node, backported, out var reason);
            if (info is null)
            {
                unsupported.Add((node.Child("url")?.Text ?? "?", reason!));
            }
            else
            {
                all.Add(info);
            }
        }

        All = all;
        Unsupported = unsupported;
        var byType = new Dictionary<string, Dictionary<string, SearchParameterInfo>>(StringComparer.Ordinal);
        foreach (var type in ModelInfo.ResourceTypes)
        {
            byType[type] = new Dictionary<string, SearchParameterInfo>(StringComparer.Ordinal);
        }

        // Resource-level parameters first, so a type's own definition of the same code wins.
        foreach (var info in all.OrderBy(i => i.Bases.Contains(ResourceBase) || i.Bases.Contains("DomainResource") ? 0 : 1))
        {
            foreach (var type in AppliesTo(info))
            {
                if (byType.TryGetValue(type, out var codes))
                {
                    codes[info.Code] = info;
                }
            }
        }

        _byType = byType.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The registry of the R4 core and back-ported parameters (built once).</summary>
    public static SearchParameterRegistry Default => Shared.Value;

    public IReadOnlyList<SearchParameterInfo> All { get; }

    /// <summary>SearchParameters left out, with the reason.</summary>
    public IReadOnlyList<(string Url, string Reason)> Unsupported { get; }

    /// <summary>The parameters FhirTrials adds.</summary>
    public IEnumerable<SearchParameterInfo> Backported => All.Where(p => p.IsBackported);

    /// <summary>The parameters of one resource type (including the Resource-level ones), by code.</summary>
    public IReadOnlyDictionary<string, SearchParameterInfo> ForType(string resourceType) =>
        _byType.TryGetValue(resourceType, out var codes) ? codes : FrozenDictionary<string, SearchParameterInfo>.Empty;

    /// <summary>A parameter of a type by code, or null.</summary>
    public SearchParameterInfo? Find(string resourceType, string code) =>
        _byType.TryGetValue(resourceType, out var codes) && codes.TryGetValue(code, out var info) ? info : null;

    private static IEnumerable<string> AppliesTo(SearchParameterInfo info) =>
        info.Bases.Contains(ResourceBase) || info.Bases.Contains("DomainResource")
            ? ModelInfo.ResourceTypes.Where(t => info.Bases.Contains(ResourceBase) || ModelInfo.GetType(t)!.IsSubtypeOf("DomainResource"))
            : info.Bases;

    private static SearchParameterInfo? Create(ElementNode node, bool backported, out string? reason)
    {
        reason = null;
        var code = node.Child("code")?.Text;
        var url = node.Child("url")?.Text ?? string.Empty;
        if (code is null || !EnumLiterals.TryParse<SearchParamType>(node.Child("type")?.Text, out var type))
        {
            reason = "no code or type";
            return null;
        }

        var bases = node.ChildrenNamed("base").Select(b => b.Text!).Where(t => t is not null).ToArray();
        var targets = node.ChildrenNamed("target").Select(b => b.Text!).Where(t => t is not null).ToArray();
        var expression = node.Child("expression")?.Text;
        var description = node.Child("description")?.Text;
        var column = code switch
        {
            "_id" => ResourceColumn.Id,
            "_lastUpdated" => ResourceColumn.LastUpdated,
            _ => ResourceColumn.None,
        };
        if (column != ResourceColumn.None)
        {
            return new SearchParameterInfo(code, url, type, expression, bases, targets, description, node, backported, null, column);
        }

        if (type is SearchParamType.Composite or SearchParamType.Special)
        {
            reason = $"{EnumLiterals.GetLiteral(type)} parameters are not supported";
            return null;
        }

        if (string.IsNullOrEmpty(expression))
        {
            reason = "no FHIRPath expression";
            return null;
        }

        try
        {
            var compiled = FhirPathCompiler.Default.Compile(expression);
            return new SearchParameterInfo(code, url, type, expression, bases, targets, description, node, backported, compiled);
        }
        catch (FhirPathException ex)
        {
            reason = "expression does not compile: " + ex.Message;
            return null;
        }
    }

    private static IEnumerable<(ElementNode, bool)> LoadDefinitions()
    {
        var resolver = R4Definitions.Resolver;
        foreach (var (package, entry) in resolver.Entries("SearchParameter"))
        {
            // The package holds three examples (example, example-reference, example-extension; one redefines
            // _id, one Condition's subject): they are not parameters of R4.
            if (resolver.Node(package, entry.FileName) is { } node && node.Child("id")?.Text?.StartsWith("example", StringComparison.Ordinal) != true)
            {
                yield return (node, false);
            }
        }

        foreach (var node in BackportedDefinitions())
        {
            yield return (node, true);
        }
    }

    /// <summary>The SearchParameter resources FhirTrials adds, embedded in this assembly.</summary>
    internal static IEnumerable<ElementNode> BackportedDefinitions()
    {
        var assembly = typeof(SearchParameterRegistry).Assembly;
        const string Prefix = "FhirTrials.Server.SearchParameters.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return FhirJsonParser.ParseNode(buffer.ToArray(), name[Prefix.Length..]);
        }
    }
}
