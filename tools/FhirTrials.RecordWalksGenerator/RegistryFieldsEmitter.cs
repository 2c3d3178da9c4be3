using FhirTrials.ModelGenerator;

namespace FhirTrials.RecordWalksGenerator;

/// <summary>
/// Emits <c>RegistryFieldsEncoding.Encode</c> per record type: the non-null properties in declaration order as
/// sub-extensions named by their JSON names (lists as repeated sub-extensions, nested records as nested complex
/// extensions kept only when not empty, enumerations as their wire names through <c>EnumWire</c>).
/// </summary>
internal static class RegistryFieldsEmitter
{
    public static string Emit(IReadOnlyList<WalkType> types)
    {
        var w = WalkGenerator.Begin(
            "RegistryFieldsEncoding",
            "The sub-extensions of the registry-fields extension for a trial record object, by typed property reads.",
            "System.Globalization",
            "FhirTrials.Mapping.Records.Json",
            "FhirModel = FhirTrials.Fhir.Model");
        EmitDispatch(w, types);
        foreach (var type in types)
        {
            w.Line();
            EmitEncode(w, type);
        }

        w.Line();
        w.Line("private static bool Keeps(ISet<string>? skip, string name) => skip is null || !skip.Contains(name);");
        w.Line();
        w.Line("private static FhirModel.Extension Field(string name, FhirModel.DataType value) => new() { Url = name, Value = value };");
        w.Line();
        w.Line("private static FhirModel.FhirDecimal Decimal(double value) => new() { LexicalValue = value.ToString(\"R\", CultureInfo.InvariantCulture) };");
        w.Line();
        w.Open("private static void AddIfAny(List<FhirModel.Extension> into, FhirModel.Extension nested)");
        w.Open("if (nested.Extension.Count > 0)");
        w.Line("into.Add(nested);");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitDispatch(CodeWriter w, IReadOnlyList<WalkType> types)
    {
        w.Line("/// <summary>Adds to <paramref name=\"into\"/> the sub-extensions of <paramref name=\"record\"/>, a record object of any type, leaving out the JSON names in <paramref name=\"skip\"/>.</summary>");
        w.Open("public static void EncodeAny(object record, List<FhirModel.Extension> into, ISet<string>? skip)");
        w.Open("switch (record)");
        foreach (var type in types)
        {
            w.Line($"case {type.Type.Name} value:");
            w.Line($"    Encode(value, into, skip);");
            w.Line("    return;");
        }

        w.Line("default:");
        w.Line("    throw new ArgumentException(record.GetType().Name + \" is not a trial record type\", nameof(record));");
        w.Close();
        w.Close();
    }

    private static void EmitEncode(CodeWriter w, WalkType type)
    {
        w.Line("/// <summary>Adds to <paramref name=\"into\"/> the sub-extensions of <paramref name=\"record\"/>, leaving out the JSON names in <paramref name=\"skip\"/>.</summary>");
        w.Open($"public static void Encode({type.Type.Name} record, List<FhirModel.Extension> into, ISet<string>? skip)");
        var first = true;
        foreach (var p in type.Properties)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            w.Open(p.CanBeNull ? $"if (record.{p.Name} is {{ }} {p.Local} && Keeps(skip, \"{p.JsonName}\"))" : $"if (Keeps(skip, \"{p.JsonName}\"))");
            var value = p.CanBeNull ? p.Local : $"record.{p.Name}";
            if (p.IsList)
            {
                w.Open($"for (int i = 0, count = {value}.Count; i < count; i++)");
                if (p.ItemCanBeNull)
                {
                    w.Open($"if ({value}[i] is {{ }} item)");
                    EmitValue(w, p, "item");
                    w.Close();
                }
                else
                {
                    EmitValue(w, p, $"{value}[i]");
                }

                w.Close();
            }
            else
            {
                EmitValue(w, p, value);
            }

            w.Close();
        }

        w.Close();
    }

    private static void EmitValue(CodeWriter w, WalkProperty p, string value)
    {
        if (p.Kind == ValueKind.Record)
        {
            w.Line($"var nested = new FhirModel.Extension {{ Url = \"{p.JsonName}\" }};");
            w.Line($"Encode({value}, nested.Extension, null);");
            w.Line("AddIfAny(into, nested);");
            return;
        }

        var primitive = p.Kind switch
        {
            ValueKind.String => $"new FhirModel.FhirString({value})",
            ValueKind.Boolean => $"new FhirModel.FhirBoolean({value})",
            ValueKind.Integer => $"new FhirModel.Integer({value})",
            ValueKind.Decimal => $"new FhirModel.FhirDecimal({value})",
            ValueKind.Double => $"Decimal({value})",
            ValueKind.Enum => $"new FhirModel.Code(EnumWire<{p.ValueType.Name}>.ToWire({value}))",
            _ => throw new InvalidOperationException($"{p.Name}: unexpected kind {p.Kind}"),
        };
        w.Line($"into.Add(Field(\"{p.JsonName}\", {primitive}));");
    }
}
