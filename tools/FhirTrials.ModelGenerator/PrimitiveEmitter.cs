namespace FhirTrials.ModelGenerator;

/// <summary>Emits the classes of the R4 primitive types (<c>Model/Generated/Primitives.g.cs</c>).</summary>
internal static class PrimitiveEmitter
{
    public static string Emit(IEnumerable<GenType> primitives, string header)
    {
        var w = new CodeWriter();
        w.Line(header).Line("namespace FhirTrials.Fhir.Model;");
        foreach (var t in primitives.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var (cls, valueType) = Naming.Primitives[t.Name];
            w.Line();
            w.Summary(t.Short);
            w.Line($"/// <remarks>FHIR primitive <c>{t.Name}</c> ({t.Canonical}); FHIRPath type System.{t.SystemType ?? "String"}.</remarks>");
            w.Open($"public sealed partial class {cls} : PrimitiveType");
            w.Line($"public {cls}()");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line($"public {cls}({valueType}? value) => Value = value;");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public override string TypeName => {CodeWriter.Literal(t.Name)};");
            w.Line();
            w.Line("/// <summary>The value; for numbers and booleans parsed from, and formatted to, the lexical form.</summary>");
            w.Line(valueType switch
            {
                "string" => "public string? Value { get => LexicalValue; set => LexicalValue = value; }",
                "bool" => "public bool? Value { get => PrimitiveLexical.ParseBoolean(LexicalValue); set => LexicalValue = PrimitiveLexical.Format(value); }",
                "int" => "public int? Value { get => PrimitiveLexical.ParseInteger(LexicalValue); set => LexicalValue = PrimitiveLexical.Format(value); }",
                "decimal" => "public decimal? Value { get => PrimitiveLexical.ParseDecimal(LexicalValue); set => LexicalValue = PrimitiveLexical.Format(value); }",
                _ => throw new InvalidOperationException(valueType),
            });
            if (valueType != "string")
            {
                w.Line();
                w.Line("/// <inheritdoc />");
                w.Line($"public override PrimitiveJsonKind JsonKind => PrimitiveJsonKind.{(valueType == "bool" ? "Boolean" : "Number")};");
            }

            w.Line();
            w.Line($"public static implicit operator {cls}({valueType} value) => new(value);");
            w.Close();
        }

        return w.ToString();
    }
}
