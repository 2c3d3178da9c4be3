namespace FhirTrials.FhirPath.Fhir;

/// <summary>A set of (system, code) pairs; a bare code matches whatever its system.</summary>
internal sealed class CodeSet
{
    private readonly HashSet<(string? System, string Code)> _pairs = [];
    private HashSet<string>? _codes;

    public bool IsEmpty => _pairs.Count == 0;

    public void Add(string? system, string code)
    {
        _pairs.Add((system, code));
        _codes?.Add(code);
    }

    public void AddAll(CodeSet other)
    {
        foreach (var (system, code) in other._pairs)
        {
            Add(system, code);
        }
    }

    public void RemoveAll(CodeSet other)
    {
        _pairs.ExceptWith(other._pairs);
        _codes = null;
    }

    public CodeSet Intersect(CodeSet other)
    {
        var result = new CodeSet();
        foreach (var pair in _pairs)
        {
            if (other._pairs.Contains(pair))
            {
                result.Add(pair.System, pair.Code);
            }
        }

        return result;
    }

    public CodeSet Copy()
    {
        var result = new CodeSet();
        result.AddAll(this);
        return result;
    }

    /// <summary>True for a pair in the set; with no system, true when the code is in the set under any system.</summary>
    public bool Contains(string? system, string code) => system is null ? ContainsCode(code) : _pairs.Contains((system, code));

    public bool ContainsCode(string code)
    {
        if (_codes is null)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in _pairs)
            {
                codes.Add(pair.Code);
            }

            _codes = codes;
        }

        return _codes.Contains(code);
    }
}
