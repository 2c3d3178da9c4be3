using System.Globalization;

namespace FhirTrials.ModelGenerator;

/// <summary>Emits the type tables of every R4 type (<c>Introspection/Generated/ModelInfo.g.cs</c>).</summary>
internal static class ModelInfoEmitter
{
    public static string Emit(IReadOnlyList<GenType> types, string header)
    {
        var all = types.SelectMany(t => t.Backbones.Prepend(t)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var w = new CodeWriter();
        w.Line(header).Line("namespace FhirTrials.Fhir.Introspection;").Line();
        w.Open("public static partial class ModelInfo");
        w.Line("/// <summary>The names of every type in the tables.</summary>");
        w.Line("private static string[] AllTypeNames =>");
        w.Line("[");
        foreach (var t in all)
        {
            w.Line("    " + CodeWriter.Literal(t.Name) + ",");
        }

        w.Line("];").Line();
        w.Line("/// <summary>The names of the resource types, abstract ones included.</summary>");
        w.Line("private static string[] ResourceTypeNames =>");
        w.Line("[");
        foreach (var t in all.Where(t => t.Kind == "Resource"))
        {
            w.Line("    " + CodeWriter.Literal(t.Name) + ",");
        }

        w.Line("];").Line();
        w.Open("private static partial FhirTypeInfo? CreateType(string name) => name switch");
        foreach (var t in all)
        {
            w.Line($"{CodeWriter.Literal(t.Name)} => {Naming.Identifier(t.Name)}(),");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>The regular expression the R4 definition gives for the lexical form of a primitive type, if any.</summary>");
        w.Open("public static string? GetPrimitiveRegex(string typeName) => typeName switch");
        foreach (var t in all.Where(t => t.Regex is not null))
        {
            w.Line($"{CodeWriter.Literal(t.Name)} => {CodeWriter.Literal(t.Regex!)},");
        }

        w.Line("_ => null,");
        w.Close(";");
        foreach (var t in all)
        {
            EmitType(w, t);
        }

        w.Close();
        return w.ToString();
    }

    private static void EmitType(CodeWriter w, GenType t)
    {
        var baseName = t.BaseName is null ? "null" : CodeWriter.Literal(t.BaseName);
        var systemType = t.SystemType is null ? "null" : CodeWriter.Literal(t.SystemType);
        w.Line();
        w.Line($"private static FhirTypeInfo {Naming.Identifier(t.Name)}() => new({CodeWriter.Literal(t.Name)}, FhirTypeKind.{t.Kind}, {baseName}, {(t.IsAbstract ? "true" : "false")}, {CodeWriter.Literal(t.Canonical)}, {systemType},");
        w.Line("[");
        var order = 0;
        foreach (var e in t.Elements)
        {
            var flags = new List<string>();
            if (e.IsChoice)
            {
                flags.Add("ElementFlags.Choice");
            }

            if (e.IsModifier)
            {
                flags.Add("ElementFlags.Modifier");
            }

            if (e.IsSummary)
            {
                flags.Add("ElementFlags.Summary");
            }

            if (e.IsXmlAttribute)
            {
                flags.Add("ElementFlags.XmlAttribute");
            }

            var flagText = flags.Count == 0 ? "ElementFlags.None" : string.Join(" | ", flags);
            var typeNames = string.Join(", ", e.TypeNames.Select(CodeWriter.Literal));
            w.Line($"    new({CodeWriter.Literal(e.Name)}, {CodeWriter.Literal(e.Path)}, {e.Min.ToString(CultureInfo.InvariantCulture)}, {e.Max.ToString(CultureInfo.InvariantCulture)}, {flagText}, [{typeNames}], {order++.ToString(CultureInfo.InvariantCulture)}),");
        }

        w.Line("]);");
    }
}
