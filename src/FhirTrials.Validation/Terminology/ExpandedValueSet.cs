using System.Collections.Frozen;

namespace FhirTrials.Validation.Terminology;

/// <summary>Whether a code belongs to a ValueSet.</summary>
internal enum Membership
{
    /// <summary>The ValueSet has the code.</summary>
    Member,

    /// <summary>The ValueSet does not have the code.</summary>
    NotMember,

    /// <summary>Cannot be decided locally (a code system we do not hold, which the ValueSet does not enumerate).</summary>
    Unknown,
}

/// <summary>
/// The codes of a ValueSet as far as we can know them locally: the enumerated (system, code) pairs with
/// their displays, and the systems included without enumeration that we cannot check (SNOMED CT, LOINC…).
/// </summary>
internal sealed class ExpandedValueSet
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string?>> _bySystem;
    private readonly FrozenDictionary<string, string> _systemByCode;

    public ExpandedValueSet(string url, string? title, CodeSet codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        Url = url;
        Title = title;
        _bySystem = codes.Codes.ToFrozenDictionary(s => s.Key, s => s.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        var byCode = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (system, systemCodes) in codes.Codes)
        {
            foreach (var code in systemCodes.Keys)
            {
                byCode.TryAdd(code, system);
            }
        }

        _systemByCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        OpenSystems = codes.OpenSystems.ToFrozenSet(StringComparer.Ordinal);
        IsComplete = codes.IsComplete;
    }

    public string Url { get; }

    public string? Title { get; }

    /// <summary>Systems included wholesale or by filters we cannot evaluate.</summary>
    public FrozenSet<string> OpenSystems { get; }

    /// <summary>False when part of the definition could not be evaluated (a missing imported ValueSet…).</summary>
    public bool IsComplete { get; }

    public int Count => _bySystem.Values.Sum(s => s.Count);

    /// <summary>The ValueSet's name for messages: <c>'Title' (url)</c>.</summary>
    public string Label => Title is null ? Url : $"'{Title}' ({Url})";

    /// <summary>Whether (<paramref name="system"/>, <paramref name="code"/>) is in the ValueSet; a null system matches any.</summary>
    public Membership Contains(string? system, string code)
    {
        if (system is null)
        {
            if (_systemByCode.ContainsKey(code))
            {
                return Membership.Member;
            }

            return OpenSystems.Count > 0 || !IsComplete ? Membership.Unknown : Membership.NotMember;
        }

        if (_bySystem.TryGetValue(system, out var codes) && codes.ContainsKey(code))
        {
            return Membership.Member;
        }

        return OpenSystems.Contains(system) || !IsComplete ? Membership.Unknown : Membership.NotMember;
    }

    /// <summary>The system of a code the ValueSet enumerates (for <c>code</c> elements, whose system is implied).</summary>
    public string? SystemOf(string code) => _systemByCode.GetValueOrDefault(code);
}

/// <summary>A mutable set of codes while a ValueSet is being expanded.</summary>
internal sealed class CodeSet
{
    public Dictionary<string, Dictionary<string, string?>> Codes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> OpenSystems { get; } = new(StringComparer.Ordinal);

    public bool IsComplete { get; set; } = true;

    public void Add(string system, string code, string? display)
    {
        if (!Codes.TryGetValue(system, out var codes))
        {
            Codes[system] = codes = new Dictionary<string, string?>(StringComparer.Ordinal);
        }

        codes.TryAdd(code, display);
    }

    public bool Has(string system, string code) => Codes.TryGetValue(system, out var codes) && codes.ContainsKey(code);

    public void Remove(string system, string code)
    {
        if (Codes.TryGetValue(system, out var codes))
        {
            codes.Remove(code);
        }
    }

    public void UnionWith(CodeSet other)
    {
        foreach (var (system, codes) in other.Codes)
        {
            foreach (var (code, display) in codes)
            {
                Add(system, code, display);
            }
        }

        OpenSystems.UnionWith(other.OpenSystems);
        IsComplete &= other.IsComplete;
    }

    /// <summary>Keeps the codes also in <paramref name="other"/> (or in a system <paramref name="other"/> leaves open).</summary>
    public void IntersectWith(CodeSet other)
    {
        var kept = new CodeSet { IsComplete = IsComplete && other.IsComplete };
        foreach (var (system, codes) in Codes)
        {
            foreach (var (code, display) in codes)
            {
                if (other.Has(system, code) || other.OpenSystems.Contains(system))
                {
                    kept.Add(system, code, display);
                }
            }
        }

        foreach (var (system, codes) in other.Codes)
        {
            if (OpenSystems.Contains(system))
            {
                foreach (var (code, display) in codes)
                {
                    kept.Add(system, code, display);
                }
            }
        }

        kept.OpenSystems.UnionWith(OpenSystems.Intersect(other.OpenSystems, StringComparer.Ordinal));
        Codes.Clear();
        foreach (var (system, codes) in kept.Codes)
        {
            Codes[system] = codes;
        }

        OpenSystems.Clear();
        OpenSystems.UnionWith(kept.OpenSystems);
        IsComplete = kept.IsComplete;
    }
}
