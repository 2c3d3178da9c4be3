using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.FhirPath;

namespace FhirTrials.Server.Search;

/// <summary>
/// A search parameter the server supports: from an R4 SearchParameter resource (or one of ours), with
/// its FHIRPath expression compiled once. <see cref="Column"/> marks the parameters answered from the
/// resource table itself (<c>_id</c>, <c>_lastUpdated</c>) rather than from index rows.
/// </summary>
public sealed class SearchParameterInfo
{
    internal SearchParameterInfo(string code, string url, SearchParamType type, string? expression, IReadOnlyList<string> bases, IReadOnlyList<string> targets, string? description, ElementNode? definition, bool backported, CompiledExpression? compiled, ResourceColumn column = ResourceColumn.None)
    {
        Code = code;
        Url = url;
        Type = type;
        Expression = expression;
        Bases = bases;
        Targets = targets;
        Description = description;
        Definition = definition;
        IsBackported = backported;
        Compiled = compiled;
        Column = column;
    }

    /// <summary>The name used in URLs (<c>condition</c>, <c>_id</c>).</summary>
    public string Code { get; }

    /// <summary>The canonical URL of the SearchParameter resource.</summary>
    public string Url { get; }

    public SearchParamType Type { get; }

    public string? Expression { get; }

    /// <summary>The resource types the parameter applies to (<c>Resource</c> for all).</summary>
    public IReadOnlyList<string> Bases { get; }

    /// <summary>For reference parameters: the resource types it may point to.</summary>
    public IReadOnlyList<string> Targets { get; }

    public string? Description { get; }

    /// <summary>The SearchParameter resource the parameter comes from.</summary>
    public ElementNode? Definition { get; }

    /// <summary>True for the parameters FhirTrials adds (back-ported from R5).</summary>
    public bool IsBackported { get; }

    internal CompiledExpression? Compiled { get; }

    internal ResourceColumn Column { get; }

    public override string ToString() => Code;
}

/// <summary>Parameters answered from the resource table's own columns.</summary>
internal enum ResourceColumn
{
    None,
    Id,
    LastUpdated,
}
