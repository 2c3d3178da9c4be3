namespace FhirTrials.ModelGenerator;

/// <summary>Emits <c>ModelFactory</c>: FHIR type name → new instance of its generated class.</summary>
internal static class FactoryEmitter
{
    public static string Emit(IEnumerable<GenType> classTypes, string header)
    {
        var concrete = classTypes.Where(t => !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var w = new CodeWriter();
        w.Line(header).Line("namespace FhirTrials.Fhir.Model;").Line();
        w.Line("/// <summary>Creates instances of the generated classes by FHIR type name.</summary>");
        w.Open("public static partial class ModelFactory");
        w.Line("/// <summary>A new instance of the datatype class for <paramref name=\"typeName\"/>, or null.</summary>");
        w.Open("public static DataType? CreateDataType(string typeName) => typeName switch");
        foreach (var t in concrete.Where(t => t.Kind is "Primitive" or "Complex"))
        {
            var cls = t.Kind == "Primitive" ? Naming.Primitives[t.Name].Class : t.Name;
            w.Line($"{CodeWriter.Literal(t.Name)} => new {cls}(),");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>A new instance of the resource class for <paramref name=\"typeName\"/>, or null when the typed model has no class for it.</summary>");
        w.Open("public static Resource? CreateResource(string typeName) => typeName switch");
        foreach (var t in concrete.Where(t => t.Kind == "Resource"))
        {
            w.Line($"{CodeWriter.Literal(t.Name)} => new {t.Name}(),");
        }

        w.Line("_ => null,");
        w.Close(";");
        w.Close();
        return w.ToString();
    }
}
