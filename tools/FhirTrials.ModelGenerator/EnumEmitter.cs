namespace FhirTrials.ModelGenerator;

/// <summary>Emits the enums of required bindings (<c>Model/Generated/Enums.g.cs</c>).</summary>
internal static class EnumEmitter
{
    public static string Emit(IEnumerable<GenEnum> enums, string header)
    {
        var w = new CodeWriter();
        w.Line(header).Line("namespace FhirTrials.Fhir.Model;");
        foreach (var e in enums.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            w.Line();
            w.Summary($"{e.Short} ({e.ValueSetUrl})");
            w.Line($"[FhirValueSet({CodeWriter.Literal(e.ValueSetUrl)})]");
            w.Open($"public enum {e.Name}");
            foreach (var m in e.Members)
            {
                w.Summary(m.Display ?? m.Code);
                w.Line($"[EnumLiteral({CodeWriter.Literal(m.Code)}, {CodeWriter.Literal(m.System)})]");
                w.Line(m.Name + ",");
            }

            w.Close();
        }

        return w.ToString();
    }
}
