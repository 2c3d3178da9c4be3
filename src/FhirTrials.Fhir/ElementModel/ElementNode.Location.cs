using System.Text;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.Fhir.ElementModel;

public sealed partial class ElementNode
{
    /// <summary>The source this tree was parsed from (held by the root only, in the slot children use for their parent).</summary>
    internal SourceText? Source
    {
        get => _up as SourceText;
        set
        {
            if (_up is not ElementNode)
            {
                _up = value;
            }
        }
    }

    /// <summary>The byte offset of the node's JSON property (or value) in the source; -1 when built in code.</summary>
    internal int SourceOffset { get; set; } = -1;

    /// <summary>
    /// The FHIRPath-style location: <c>Patient.name[0].given[1]</c>. Repeating elements carry their
    /// index, choices their JSON name (<c>Group.characteristic[0].valueRange</c>).
    /// </summary>
    public string Location
    {
        get
        {
            var sb = new StringBuilder();
            AppendLocation(sb);
            return sb.ToString();
        }
    }

    /// <summary>The JSON property name of this node: <c>valueQuantity</c> for a choice, else <see cref="Name"/>.</summary>
    public string JsonName => Definition is { IsChoice: true } && Type is not null ? FhirTypeInfo.ChoiceJsonName(Name, Type.Name) : Name;

    /// <summary>True when the element repeats, so its location carries an index.</summary>
    public bool IsCollectionMember => Definition?.IsCollection ?? (Index > 0 || IsJsonArrayMember);

    /// <summary>The 1-based line and column in the source, when the node was parsed from one.</summary>
    public SourcePosition? Position
    {
        get
        {
            if (SourceOffset < 0)
            {
                return null;
            }

            var source = Root.Source;
            return source?.PositionOf(SourceOffset);
        }
    }

    /// <summary>The name of the file (or stream) the tree was parsed from, if known.</summary>
    public string? SourceName => Root.Source?.Name;

    private void AppendLocation(StringBuilder sb)
    {
        if (Parent is null)
        {
            sb.Append(Type?.Name ?? Name);
            return;
        }

        Parent.AppendLocation(sb);
        sb.Append('.').Append(JsonName);
        if (IsCollectionMember)
        {
            sb.Append('[').Append(Index).Append(']');
        }
    }
}
