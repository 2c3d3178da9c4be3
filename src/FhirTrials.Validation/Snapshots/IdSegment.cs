namespace FhirTrials.Validation.Snapshots;

/// <summary>One step of an element id: the element name and, for a slice, its name (<c>component:systolic</c>).</summary>
internal readonly record struct IdSegment(string Name, string? Slice)
{
    /// <summary>
    /// Splits an element id into its steps, checked against the element's path; when the id does not
    /// fit the path (hand-written differentials), the path's steps are used with the slice name on the last.
    /// </summary>
    public static IdSegment[] Parse(string id, string path, string? sliceName)
    {
        var names = path.Split('.');
        var parts = id.Split('.');
        if (parts.Length == names.Length)
        {
            var segments = new IdSegment[parts.Length];
            var ok = true;
            for (var i = 0; i < parts.Length; i++)
            {
                var colon = parts[i].IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? parts[i] : parts[i][..colon];
                if (!string.Equals(name, names[i], StringComparison.Ordinal))
                {
                    ok = false;
                    break;
                }

                segments[i] = new IdSegment(name, colon < 0 ? null : parts[i][(colon + 1)..]);
            }

            if (ok)
            {
                return segments;
            }
        }

        var fallback = names.Select(n => new IdSegment(n, null)).ToArray();
        if (sliceName is not null)
        {
            fallback[^1] = fallback[^1] with { Slice = sliceName };
        }

        return fallback;
    }

    public override string ToString() => Slice is null ? Name : $"{Name}:{Slice}";
}
