using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// CT.gov lists MeSH terms per study, not per condition or intervention. A term is attached to the first
/// condition (or intervention, by name or other name) whose text equals it, ignoring case; the rest are
/// kept as code-only conditions, or as study-level intervention codes.
/// </summary>
internal static class MeshAttachment
{
    public static IReadOnlyList<CodedText>? ToConditions(IReadOnlyList<string>? conditions, IReadOnlyList<Coding>? meshes)
    {
        if (conditions is null && meshes is null)
        {
            return null;
        }

        var texts = conditions ?? [];
        var codes = texts.Select(_ => new List<Coding>()).ToList();
        var unattached = new List<CodedText>();
        foreach (var mesh in meshes ?? [])
        {
            var index = IndexOf(texts, mesh.Display, text => [text]);
            if (index >= 0)
            {
                codes[index].Add(mesh);
            }
            else
            {
                unattached.Add(new CodedText { Codes = [mesh] });
            }
        }

        List<CodedText> result = [.. texts.Select((text, i) => new CodedText { Text = text, Codes = codes[i].Count > 0 ? codes[i] : null }), .. unattached];
        return result.Count > 0 || conditions is not null ? result : null;
    }

    public static (IReadOnlyList<Intervention>? Interventions, IReadOnlyList<Coding>? Unattached) ToInterventions(
        IReadOnlyList<Intervention>? interventions, IReadOnlyList<Coding>? meshes)
    {
        if (meshes is null)
        {
            return (interventions, null);
        }

        var list = interventions ?? [];
        var codes = list.Select(_ => new List<Coding>()).ToList();
        var unattached = new List<Coding>();
        foreach (var mesh in meshes)
        {
            var index = IndexOf(list, mesh.Display, item => [item.Name, .. item.OtherNames ?? []]);
            if (index >= 0)
            {
                codes[index].Add(mesh);
            }
            else
            {
                unattached.Add(mesh);
            }
        }

        var attached = list.Select((item, i) => codes[i].Count > 0 ? item with { Codes = codes[i] } : item).ToList();
        return (interventions is null ? null : attached, unattached.Count > 0 ? unattached : null);
    }

    private static int IndexOf<T>(IReadOnlyList<T> items, string? term, Func<T, IEnumerable<string>> names)
    {
        if (term is null)
        {
            return -1;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (names(items[i]).Any(name => string.Equals(name.Trim(), term, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }
}
