using FhirTrials.ModelGenerator;

namespace FhirTrials.RecordWalksGenerator;

/// <summary>
/// Emits, per record type that can hold a string, <c>EmptyStrings.Any</c> (the check run for every trial: reads and
/// length tests only) and <c>EmptyStrings.Find</c> (run once a check fails: the path of the first empty string in
/// declaration order, list items by index).
/// </summary>
internal static class EmptyStringsEmitter
{
    public static string Emit(IReadOnlyList<WalkType> types)
    {
        var w = WalkGenerator.Begin(
            "EmptyStrings", "The empty strings of a trial record object, by typed property reads (FHIR strings cannot be empty).", "System.Globalization");
        var holders = types.Where(t => RecordModel.HoldsStrings(types, t.Type)).ToList();
        foreach (var type in holders)
        {
            EmitAny(w, types, type);
            w.Line();
        }

        foreach (var type in holders)
        {
            EmitFind(w, types, type);
            w.Line();
        }

        foreach (var item in holders.Select(t => t.Type.Name).Where(name => types.Any(t => t.Properties.Any(p => p.IsList && p.ValueType.Name == name))).Prepend("string"))
        {
            EmitListAny(w, item);
            w.Line();
        }

        w.Line("private static string Child(string path, string name) => path + \".\" + name;");
        w.Line();
        w.Line("private static string Index(string path, int index) => path + \"[\" + index.ToString(CultureInfo.InvariantCulture) + \"]\";");
        w.Line();
        w.Open("private static string? FindIn(IReadOnlyList<string> items, string path)");
        w.Open("for (int i = 0, count = items.Count; i < count; i++)");
        w.Open("if (items[i] is { Length: 0 })");
        w.Line("return Index(path, i);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitAny(CodeWriter w, IReadOnlyList<WalkType> types, WalkType type)
    {
        w.Line("/// <summary>Whether <paramref name=\"record\"/> holds an empty string.</summary>");
        w.Line($"public static bool Any({type.Type.Name} record) =>");
        var tests = type.Properties
            .Where(p => p.Kind == ValueKind.String || (p.Kind == ValueKind.Record && RecordModel.HoldsStrings(types, p.ValueType)))
            .Select(p => p.Kind == ValueKind.String && !p.IsList ? $"record.{p.Name} is {{ Length: 0 }}" : $"(record.{p.Name} is {{ }} {p.Local} && Any({p.Local}))")
            .ToList();
        for (var i = 0; i < tests.Count; i++)
        {
            w.Line($"    {(i == 0 ? "" : "|| ")}{tests[i]}{(i == tests.Count - 1 ? ";" : "")}");
        }
    }

    private static void EmitListAny(CodeWriter w, string item)
    {
        w.Open($"private static bool Any(IReadOnlyList<{item}> items)");
        w.Open("for (int i = 0, count = items.Count; i < count; i++)");
        w.Open(item == "string" ? "if (items[i] is { Length: 0 })" : "if (items[i] is { } item && Any(item))");
        w.Line("return true;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return false;");
        w.Close();
    }

    private static void EmitFind(CodeWriter w, IReadOnlyList<WalkType> types, WalkType type)
    {
        w.Line("/// <summary>The path of the first empty string in <paramref name=\"record\"/> found at <paramref name=\"path\"/>, else null.</summary>");
        w.Open($"public static string? Find({type.Type.Name} record, string path)");
        foreach (var p in type.Properties)
        {
            if (p.Kind == ValueKind.String && !p.IsList)
            {
                w.Open($"if (record.{p.Name} is {{ Length: 0 }})");
                w.Line($"return Child(path, \"{p.JsonName}\");");
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
                w.Open($"for (int i = 0, count = {p.Local}.Count; i < count; i++)");
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
