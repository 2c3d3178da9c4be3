using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.Fhir.Serialization;

public static partial class ElementTreeWriter
{
    private static void WritePrimitiveProperty(JsonOutput json, in Group group, bool isArray)
    {
        var hasValue = false;
        var hasMembers = false;
        foreach (var item in group)
        {
            hasValue |= item.HasText;
            hasMembers |= item.ChildArray is { Length: > 0 };
        }

        if (hasValue)
        {
            WriteName(json, group.First, extensionPart: false);
            if (isArray)
            {
                json.WriteStartArray();
                foreach (var item in group)
                {
                    if (item.HasText)
                    {
                        WriteValue(json, item);
                    }
                    else if (!item.IsEmpty)
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndArray();
            }
            else
            {
                WriteValue(json, group.First);
            }
        }

        if (hasMembers)
        {
            WriteName(json, group.First, extensionPart: true);
            if (isArray)
            {
                json.WriteStartArray();
                foreach (var item in group)
                {
                    if (item.ChildArray is { Length: > 0 })
                    {
                        WriteExtensionObject(json, item);
                    }
                    else if (!item.IsEmpty)
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndArray();
            }
            else
            {
                WriteExtensionObject(json, group.First);
            }
        }
    }

    private static void WriteExtensionObject(JsonOutput json, ElementNode node)
    {
        json.WriteStartObject();
        WriteMembers(json, node);
        json.WriteEndObject();
    }

    private static void WriteValue(JsonOutput json, ElementNode node) =>
        LexicalWriter.Write(json, ref node.Lexical, node.RawKind != JsonRawKind.None ? node.RawKind : KindOf(node.Type));

    private static JsonRawKind KindOf(FhirTypeInfo? type) => type?.SystemType switch
    {
        "Boolean" => JsonRawKind.True,
        "Integer" or "Decimal" => JsonRawKind.Number,
        _ => JsonRawKind.String,
    };

    /// <summary>
    /// The siblings that form one JSON property: a run <c>[start, end)</c> of the parent's children, plus
    /// (rarely, for trees built out of order) later siblings of the same name.
    /// </summary>
    private readonly struct Group
    {
        private readonly ElementNode[] _children;
        private readonly int _start;
        private readonly int _end;
        private readonly bool _scattered;

        public Group(ElementNode[] children, int start, int end, bool scattered)
        {
            _children = children;
            _start = start;
            _end = end;
            _scattered = scattered;
        }

        public ElementNode First => _children[_start];

        public int Count
        {
            get
            {
                var count = 0;
                foreach (var _ in this)
                {
                    count++;
                }

                return count;
            }
        }

        public bool AnyNonEmpty()
        {
            foreach (var item in this)
            {
                if (!item.IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }

        public Enumerator GetEnumerator() => new(this);

        public struct Enumerator
        {
            private readonly Group _group;
            private int _index;

            public Enumerator(Group group)
            {
                _group = group;
                _index = group._start - 1;
            }

            public readonly ElementNode Current => _group._children[_index];

            public bool MoveNext()
            {
                while (++_index < _group._children.Length)
                {
                    if (_index < _group._end)
                    {
                        return true;
                    }

                    if (!_group._scattered)
                    {
                        return false;
                    }

                    if (SameProperty(_group._children[_index], _group.First))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
