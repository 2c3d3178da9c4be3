using FhirTrials.ModelGenerator;

namespace FhirTrials.RecordWalksGenerator;

/// <summary>
/// Emits <c>EmptyStrings.Find</c> per record type that can hold a string: the path of the first empty string in
/// declaration order (list items by index), building paths only when asked (the check runs once without paths).
/// </summary>
internal static class EmptyStringsEmitter
{
    public static string Emit(IReadOnlyList<WalkType> types, string header)
    {
        var w = new CodeWriter();
        w.Line(header.TrimEnd('\n'));
        w.Line();
        w.Line("using System.Globalization;");
        w.Line();
        w.Line($"namespace {WalkGenerator.Namespace};");
        w.Line();
        w.Summary("The first empty string of a trial record object, by typed property reads (FHIR strings cannot be empty).");
        w.Open("internal static class EmptyStrings");
        var first = true;
        foreach (var type in types.Where(t => RecordModel.HoldsStrings(types, t.Type)))
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitFind(w, types, type);
        }

        w.Line();
        w.Line("private static string Found(string? path, string name) => path is null ? \"\" : path + \".\" + name;");
        w.Line();
        w.Line("private static string? Child(string? path, string name) => path is null ? null : path + \".\" + name;");
        w.Line();
        w.Line("private static string? Index(string? path, int index) => path is null ? null : path + \"[\" + index.ToString(CultureInfo.InvariantCulture) + \"]\";");
        w.Line();
        w.Open("private static string? FindIn(IReadOnlyList<string> items, string? path)");
        w.Open("for (var i = 0; i < items.Count; i++)");
        w.Open("if (items[i] is { Length: 0 })");
        w.Line("return Index(path, i) ?? \"\";");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitFind(CodeWriter w, IReadOnlyList<WalkType> types, WalkType type)
    {
        w.Line("/// <summary>The path of the first empty string in <paramref name=\"record\"/> under <paramref name=\"path\"/> (\"\" when <paramref name=\"path\"/> is null), else null.</summary>");
        w.Open($"public static string? Find({type.Type.Name} record, string? path)");
        foreach (var p in type.Properties)
        {
            if (p.Kind == ValueKind.String && !p.IsList)
            {
                w.Open($"if (record.{p.Name} is {{ Length: 0 }})");
                w.Line($"return Found(path, \"{p.JsonName}\");");
                w.Close();
                w.Line();
            }
            else if (p.Kind == ValueKind.String)
            {
                w.Open($"if (record.{p.Name} is {{ }} {p.Local} && FindIn({p.Local}, Child(path, \"{p.JsonName}\")) is {{ }} {p.JsonName}Found)");
                w.Line($"return {p.JsonName}Found;");
                w.Close();
                w.Line();
            }
            else if (p.Kind == ValueKind.Record && RecordModel.HoldsStrings(types, p.ValueType) && !p.IsList)
            {
                w.Open($"if (record.{p.Name} is {{ }} {p.Local} && Find({p.Local}, Child(path, \"{p.JsonName}\")) is {{ }} {p.JsonName}Found)");
                w.Line($"return {p.JsonName}Found;");
                w.Close();
                w.Line();
            }
            else if (p.Kind == ValueKind.Record && RecordModel.HoldsStrings(types, p.ValueType))
            {
                w.Open($"if (record.{p.Name} is {{ }} {p.Local})");
                w.Open($"for (var i = 0; i < {p.Local}.Count; i++)");
                w.Open($"if ({p.Local}[i] is {{ }} item && Find(item, Index(Child(path, \"{p.JsonName}\"), i)) is {{ }} found)");
                w.Line("return found;");
                w.Close();
                w.Close();
                w.Close();
                w.Line();
            }
        }

        w.Line("return null;");
        w.Close();
    }
}
