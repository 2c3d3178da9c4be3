using System.Text;
using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Splitting;

/// <summary>An item while the splitter still appends continuation lines and sub-items to it.</summary>
internal sealed class ItemDraft(CriteriaSection section, string? marker, string text, string? heading, int indent, int depth)
{
    private readonly StringBuilder _text = new(text);

    public CriteriaSection Section { get; } = section;

    public string? Marker { get; set; } = marker;

    public MarkerKind? MarkerKind { get; init; }

    public int MarkerValue { get; init; }

    public string? Heading { get; } = heading;

    public int Indent { get; } = indent;

    public int Depth { get; } = depth;

    public ItemDraft? Parent { get; set; }

    public List<ItemDraft> Children { get; } = [];

    /// <summary>The finished item, once the parser has built it (parents are built before their sub-items).</summary>
    public CriteriaItem? Built { get; set; }

    public string Text => _text.ToString();

    public bool EndsWithColon
    {
        get
        {
            var i = _text.Length - 1;
            while (i >= 0 && char.IsWhiteSpace(_text[i]))
            {
                i--;
            }

            return i >= 0 && _text[i] is ':' or '\uFF1A';
        }
    }

    public void Append(string line)
    {
        if (_text.Length > 0)
        {
            _text.Append(' ');
        }

        _text.Append(line);
    }

    public void Replace(string text) => _text.Clear().Append(text);
}

/// <summary>One entry of the document-order outline while splitting.</summary>
internal sealed record OutlineDraft(OutlineEntryKind Kind, CriteriaSection Section, string Text, ItemDraft? Item);
