namespace FhirTrials.ModelGenerator;

/// <summary>
/// Emits <c>ElementNames</c>: one static field per element name of the generated classes holding its
/// encoded JSON property names, so <c>WriteMembers</c> writes each name without a lookup.
/// </summary>
internal static class ElementNamesEmitter
{
    private const string ClassName = "ElementNames";

    /// <summary>The expression a generated class uses for the names of element <paramref name="elementName"/>.</summary>
    public static string Field(string elementName) => $"{ClassName}.{Naming.Pascal(elementName)}";

    public static string Emit(IEnumerable<GenType> classTypes, string header)
    {
        var names = classTypes.SelectMany(t => t.Backbones.Prepend(t))
            .SelectMany(t => t.Elements.Where(e => !e.Inherited))
            .Select(e => e.Name)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var clash = names.GroupBy(Naming.Pascal, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"element names {string.Join(", ", clash)} share the field name {clash.Key}");
        }

        var w = new CodeWriter();
        w.Line(header).Line("using FhirTrials.Fhir.Serialization;").Line().Line("namespace FhirTrials.Fhir.Model;").Line();
        w.Line("/// <summary>The encoded JSON property names of every element name in the model (<c>name</c> and <c>_name</c>).</summary>");
        w.Open($"internal static class {ClassName}");
        foreach (var name in names)
        {
            w.Line($"internal static readonly JsonNames {Naming.Pascal(name)} = JsonNames.Of({CodeWriter.Literal(name)});");
        }

        w.Close();
        return w.ToString();
    }
}
