using System.Text;
using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Splitting;

/// <summary>An item while the splitter still appends continuation lines and sub-items to it.</summary>
internal sealed class ItemDraft(CriteriaSection section, string? marker, string text, string? heading, int indent, int depth)
{
    private string _text = text;

    /// <summary>Created on the first continuation line; most items have none.</summary>
    private StringBuilder? _builder;

    public CriteriaSection Section { get; } = section;

    public string? Marker { get; set; } = marker;

    public MarkerKind? MarkerKind { get; init; }

    public int MarkerValue { get; init; }

    public string? Heading { get; } = heading;

    public int Indent { get; } = indent;

    public int Depth { get; } = depth;

    public ItemDraft? Parent { get; set; }

    /// <summary>The finished item, once the parser has built it (parents are built before their sub-items).</summary>
    public CriteriaItem? Built { get; set; }

    public string Text => _builder is null ? _text : _text = _builder.ToString();

    public bool EndsWithColon
    {
        get
        {
            if (_builder is null)
            {
                var trimmed = _text.AsSpan().TrimEnd();
                return trimmed.Length > 0 && trimmed[^1] is ':' or '\uFF1A';
            }

            var i = _builder.Length - 1;
            while (i >= 0 && char.IsWhiteSpace(_builder[i]))
            {
                i--;
            }

            return i >= 0 && _builder[i] is ':' or '\uFF1A';
        }
    }

    public void Append(string line)
    {
        _builder ??= new StringBuilder(_text, Math.Max(16, (_text.Length + line.Length) * 2));
        if (_builder.Length > 0)
        {
            _builder.Append(' ');
        }

        _builder.Append(line);
    }

    public void Replace(string text)
    {
        _builder = null;
        _text = text;
    }
}

/// <summary>One entry of the document-order outline while splitting.</summary>
internal sealed record OutlineDraft(OutlineEntryKind Kind, CriteriaSection Section, string Text, ItemDraft? Item);
