using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace FhirTrials.FhirPath.Ucum;

/// <summary>
/// Resolves UCUM unit expressions (<c>mg</c>, <c>mmol/L</c>, <c>10*3/uL</c>, <c>kg.m/s2</c>) to their
/// canonical form, using the unit table in <c>ucum-units.json</c>. Unknown atoms make the whole
/// expression unknown (such quantities only compare with the very same unit).
/// </summary>
internal static class UcumUnits
{
    private static readonly Lazy<Table> Data = new(LoadTable);
    private static readonly ConcurrentDictionary<string, UcumUnit?> Cache = new(StringComparer.Ordinal);

    /// <summary>The canonical form of a unit expression, or null when it uses units the table does not know.</summary>
    public static UcumUnit? Resolve(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Cache.GetOrAdd(expression, static e =>
        {
            try
            {
                return new UcumExpressionParser(e, ResolveSymbol).Parse();
            }
            catch (OverflowException)
            {
                return null;
            }
        });
    }

    /// <summary>A single symbol, possibly prefixed (<c>mg</c>, <c>[lb_av]</c>, <c>dL</c>); null when unknown.</summary>
    private static UcumUnit? ResolveSymbol(string symbol)
    {
        var table = Data.Value;
        if (table.Atom(symbol) is { } atom)
        {
            return atom.Unit;
        }

        foreach (var (prefix, factor) in table.Prefixes)
        {
            if (symbol.Length > prefix.Length && symbol.StartsWith(prefix, StringComparison.Ordinal)
                && table.Atom(symbol[prefix.Length..]) is { Metric: true } prefixed && prefixed.Unit is { } unit)
            {
                return unit.Scale(factor);
            }
        }

        return null;
    }

    private static Table LoadTable()
    {
        using var stream = typeof(UcumUnits).Assembly.GetManifestResourceStream("ucum-units.json")
            ?? throw new InvalidOperationException("the embedded UCUM table ucum-units.json is missing");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var prefixes = root.GetProperty("prefixes").EnumerateObject()
            .Select(p => (p.Name, decimal.Parse(p.Value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)))
            .OrderByDescending(p => p.Name.Length)
            .ToArray();
        var definitions = new Dictionary<string, (decimal Factor, string Unit, bool Metric)>(StringComparer.Ordinal);
        foreach (var unit in root.GetProperty("units").EnumerateArray())
        {
            var metric = unit.TryGetProperty("metric", out var m) && m.GetBoolean();
            var factor = decimal.Parse(unit.GetProperty("factor").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            definitions[unit.GetProperty("code").GetString()!] = (factor, unit.GetProperty("unit").GetString()!, metric);
        }

        var baseUnits = root.GetProperty("base").EnumerateArray().Select(b => b.GetString()!).ToArray();
        return new Table(prefixes, baseUnits, definitions);
    }

    /// <summary>The loaded table; atoms are reduced to canonical form on first use.</summary>
    private sealed class Table
    {
        private readonly FrozenDictionary<string, (decimal Factor, string Unit, bool Metric)> _definitions;
        private readonly FrozenSet<string> _baseUnits;
        private readonly ConcurrentDictionary<string, Atom?> _atoms = new(StringComparer.Ordinal);

        public Table((string Prefix, decimal Factor)[] prefixes, string[] baseUnits, Dictionary<string, (decimal, string, bool)> definitions)
        {
            Prefixes = prefixes;
            _baseUnits = baseUnits.ToFrozenSet(StringComparer.Ordinal);
            _definitions = definitions.ToFrozenDictionary(StringComparer.Ordinal);
        }

        public (string Prefix, decimal Factor)[] Prefixes { get; }

        public Atom? Atom(string code) => _atoms.GetOrAdd(code, c =>
        {
            if (_baseUnits.Contains(c))
            {
                return new Atom(UcumUnit.Base(UcumUnit.BaseIndex(c)), Metric: true);
            }

            if (!_definitions.TryGetValue(c, out var definition))
            {
                return null;
            }

            var unit = new UcumExpressionParser(definition.Unit, ResolveSymbol).Parse();
            return new Atom(unit?.Scale(definition.Factor), definition.Metric);
        });
    }

    private sealed record Atom(UcumUnit? Unit, bool Metric);
}
