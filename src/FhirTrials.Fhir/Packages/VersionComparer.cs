using System.Globalization;

namespace FhirTrials.Fhir.Packages;

/// <summary>Orders version strings numerically part by part (<c>1.10.0</c> after <c>1.9.2</c>); null first.</summary>
public sealed class VersionComparer : IComparer<string?>
{
    public static VersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var xs = x.Split('.', '-');
        var ys = y.Split('.', '-');
        for (var i = 0; i < Math.Max(xs.Length, ys.Length); i++)
        {
            var a = i < xs.Length ? xs[i] : "0";
            var b = i < ys.Length ? ys[i] : "0";
            var result = int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var na) && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var nb)
                ? na.CompareTo(nb)
                : string.CompareOrdinal(a, b);
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }
}
