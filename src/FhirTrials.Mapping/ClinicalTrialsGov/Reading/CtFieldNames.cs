using System.Text;
using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// The JSON property names of one kind of CT.gov object, taken from a field enumeration (member
/// <c>OverallStatus</c> is property <c>overallStatus</c>): a name read from the JSON is looked up by its
/// UTF-8 bytes, without making a string.
/// </summary>
internal sealed class CtFieldNames
{
    private readonly byte[][] _utf8;
    private readonly string[] _names;

    /// <summary>The fields by name length: a name is compared only with the names of its length.</summary>
    private readonly int[][] _byLength;

    private CtFieldNames(string[] names)
    {
        _names = names;
        _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];
        _byLength = new int[_utf8.Max(name => name.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++)
        {
            _byLength[length] = [.. Enumerable.Range(0, names.Length).Where(field => _utf8[field].Length == length)];
        }
    }

    /// <summary>The number of fields.</summary>
    public int Count => _names.Length;

    /// <summary>The property name of field <paramref name="field"/>.</summary>
    public string this[int field] => _names[field];

    /// <summary>The names of <paramref name="fieldEnum"/>'s members, in declaration order (at most 64).</summary>
    public static CtFieldNames Of(Type fieldEnum)
    {
        var names = Enum.GetNames(fieldEnum);
        if (names.Length > 64)
        {
            throw new ArgumentException($"{fieldEnum.Name} has more than 64 members", nameof(fieldEnum));
        }

        return new([.. names.Select(name => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1)))]);
    }

    /// <summary>The field whose name is the property name under <paramref name="reader"/>, or -1.</summary>
    public int Find(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            if (name.Length < _byLength.Length)
            {
                foreach (var field in _byLength[name.Length])
                {
                    if (name.SequenceEqual(_utf8[field]))
                    {
                        return field;
                    }
                }
            }

            return -1;
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
