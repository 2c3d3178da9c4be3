namespace FhirTrials.ModelGenerator;

/// <summary>Emits one partial C# class (with nested backbone components) per FHIR datatype or resource.</summary>
internal sealed class ClassEmitter
{
    private readonly ClassNames _names;
    private readonly IReadOnlySet<string> _baseClasses;

    public ClassEmitter(ClassNames names, IReadOnlySet<string> baseClasses)
    {
        _names = names;
        _baseClasses = baseClasses;
    }

    /// <summary>The C# base class of a generated type.</summary>
    public static string CsBase(GenType type) => type.Name switch
    {
        "Element" or "Resource" => "Base",
        _ when type.Kind == "Backbone" => type.BaseName!,
        _ when type.Kind == "Resource" => type.BaseName!,
        _ => type.BaseName switch
        {
            "BackboneElement" => "BackboneType",
            "Element" => "DataType",
            _ => type.BaseName!,
        },
    };

    public string Emit(GenType type, string header)
    {
        var w = new CodeWriter();
        w.Line(header);
        w.Line("using FhirTrials.Fhir.ElementModel;");
        w.Line("using FhirTrials.Fhir.Introspection;");
        w.Line("using FhirTrials.Fhir.Serialization;");
        w.Line();
        w.Line("namespace FhirTrials.Fhir.Model;");
        w.Line();
        EmitClass(w, type, type.Name, type.Canonical, nested: false);
        return w.ToString();
    }

    private void EmitClass(CodeWriter w, GenType type, string className, string canonical, bool nested)
    {
        w.Summary(type.Short);
        w.Line($"/// <remarks>FHIR type <c>{type.Name}</c>, defined by {canonical}.</remarks>");
        var modifier = type.IsAbstract ? "abstract " : _baseClasses.Contains(type.Name) ? string.Empty : "sealed ";
        w.Open($"public {modifier}partial class {className} : {CsBase(type)}");
        if (!type.IsAbstract)
        {
            w.Line("/// <inheritdoc />");
            w.Line($"public override string TypeName => {CodeWriter.Literal(type.Name)};");
        }

        var declared = type.Elements.Where(e => !e.Inherited).ToList();
        foreach (var element in declared)
        {
            EmitProperty(w, element, className);
        }

        if (declared.Count > 0)
        {
            EmitIsEmpty(w, declared, className);
            EmitWriteMembers(w, declared, className);
            EmitSetMember(w, declared, className);
            EmitReadJsonMember(w, type, declared, className);
        }

        if (!nested)
        {
            foreach (var backbone in type.Backbones)
            {
                w.Line();
                EmitClass(w, backbone, _names.Component(backbone.Name), canonical, nested: true);
            }
        }

        w.Close();
    }

    private void EmitProperty(CodeWriter w, GenElement e, string className)
    {
        var p = PropertyName(e, className);
        w.Line();
        w.Summary(e.Short);
        switch (Shape(e))
        {
            case ElementShape.Attribute:
                w.Line($"public string? {p} {{ get; set; }}");
                break;
            case ElementShape.Primitive when !e.IsCollection:
            {
                var cls = _names.PrimitiveElementClass(e);
                var vt = _names.PrimitiveValueType(e);
                var ctorArg = _names.IsStructValue(e) ? "value.Value" : "value";
                w.Line($"public {cls}? {p}Element {{ get; set; }}");
                w.Line();
                w.Summary(e.Short);
                w.Line($"public {vt}? {Convenience(p, className)}");
                w.Block();
                w.Line($"get => {p}Element?.Value;");
                w.Line($"set => {p}Element = value is null ? null : new {cls}({ctorArg});");
                w.Close();
                break;
            }

            case ElementShape.Primitive:
            {
                var cls = _names.PrimitiveElementClass(e);
                var vt = _names.PrimitiveValueType(e);
                var field = Field(p + "Element");
                var ctorArg = _names.IsStructValue(e) ? "v!.Value" : "v";
                w.Line($"public List<{cls}> {p}Element {{ get => {field} ??= []; set => {field} = value; }}");
                w.Line();
                w.Summary(e.Short);
                w.Line($"public IEnumerable<{vt}?> {Convenience(p, className)}");
                w.Block();
                w.Line($"get => {p}Element.Select(e => e.Value);");
                w.Line($"set => {p}Element = value.Select(v => new {cls}({ctorArg})).ToList();");
                w.Close();
                w.Line();
                w.Line($"private List<{cls}>? {field};");
                break;
            }

            default:
            {
                var cls = Shape(e) switch
                {
                    ElementShape.Choice => "DataType",
                    ElementShape.Resource => "Resource",
                    _ => _names.Of(e.TypeNames[0]),
                };
                if (e.IsCollection)
                {
                    var field = Field(p);
                    w.Line($"public List<{cls}> {p} {{ get => {field} ??= []; set => {field} = value; }}");
                    w.Line();
                    w.Line($"private List<{cls}>? {field};");
                }
                else
                {
                    w.Line($"public {cls}? {p} {{ get; set; }}");
                }

                break;
            }
        }
    }

    private static void EmitIsEmpty(CodeWriter w, List<GenElement> declared, string className)
    {
        w.Line();
        w.Line("/// <inheritdoc />");
        // Own elements first: the first one present answers, before the inherited id and extensions are walked
        // (writers ask every object on the way down, so a walk here would repeat at every level).
        for (var i = 0; i < declared.Count; i++)
        {
            var e = declared[i];
            var test = Shape(e) == ElementShape.Attribute ? "string.IsNullOrEmpty" : "IsNullOrEmpty";
            w.Line(i == 0 ? $"public override bool IsEmpty => {test}({Storage(e, className)})" : $"    && {test}({Storage(e, className)})");
        }

        w.Line("    && base.IsEmpty;");
    }

    private void EmitWriteMembers(CodeWriter w, List<GenElement> declared, string className)
    {
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open("protected internal override void WriteMembers(FhirJsonWriter writer)");
        w.Line("base.WriteMembers(writer);");
        foreach (var e in declared)
        {
            w.Line($"writer.Write{Accessor(e)}({ElementNamesEmitter.Field(e.Name)}, {Storage(e, className)});");
        }

        w.Close();
    }

    private void EmitSetMember(CodeWriter w, List<GenElement> declared, string className)
    {
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open("protected internal override bool SetMember(ElementNode child)");
        w.Open("switch (child.Name)");
        foreach (var e in declared)
        {
            var p = PropertyName(e, className);
            var read = Shape(e) switch
            {
                ElementShape.Attribute => "child.Text",
                ElementShape.Primitive => $"NodeReader.Primitive(child, new {_names.PrimitiveElementClass(e)}())",
                ElementShape.Choice => "NodeReader.Choice(child)",
                ElementShape.Resource => "NodeReader.Resource(child)",
                _ => $"NodeReader.Complex(child, new {_names.Of(e.TypeNames[0])}())",
            };
            var target = Shape(e) == ElementShape.Primitive ? p + "Element" : p;
            w.Line($"case {CodeWriter.Literal(e.Name)}:");
            w.Line(e.IsCollection ? $"    {target}.Add({read});" : $"    {target} = {read};");
            w.Line("    return true;");
        }

        w.Line("default:");
        w.Line("    return base.SetMember(child);");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// The direct JSON reader's dispatch: a switch on the element's order in the type (the same for the
    /// inherited elements of every derived type, which <see cref="Generator"/> checks).
    /// </summary>
    private void EmitReadJsonMember(CodeWriter w, GenType type, List<GenElement> declared, string className)
    {
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open("internal override void ReadJsonMember(ref DirectJsonReader reader, FhirJsonProperty property)");
        w.Open("switch (property.Element.Order)");
        foreach (var e in declared)
        {
            // Lists fill their field; single values get the part read (primitives and choices: into what the other part made).
            var storage = Storage(e, className);
            var created = Shape(e) == ElementShape.Primitive ? _names.PrimitiveElementClass(e) : _names.Of(e.TypeNames[0]);
            var read = Shape(e) switch
            {
                ElementShape.Resource when e.IsCollection => $"reader.ResourceList(ref {storage}, property);",
                _ when e.IsCollection => $"reader.{Accessor(e)}(ref {storage}, property, static () => new {created}());",
                ElementShape.Primitive => $"{storage} = reader.Primitive({storage} ?? new {created}(), property);",
                ElementShape.Choice => $"{storage} = reader.Choice({storage}, property);",
                ElementShape.Complex => $"{storage} = reader.Complex(new {created}(), property);",
                _ => $"{storage} = reader.{Accessor(e)}(property);",
            };
            w.Line($"case {type.Elements.IndexOf(e).ToString(System.Globalization.CultureInfo.InvariantCulture)}:");
            w.Line("    " + read);
            w.Line("    return;");
        }

        w.Line("default:");
        w.Line("    base.ReadJsonMember(ref reader, property);");
        w.Line("    return;");
        w.Close();
        w.Close();
    }

    private enum ElementShape
    {
        Attribute,
        Primitive,
        Complex,
        Choice,
        Resource,
    }

    private static ElementShape Shape(GenElement e) => e switch
    {
        { IsXmlAttribute: true } => ElementShape.Attribute,
        { IsChoice: true } => ElementShape.Choice,
        _ when e.TypeNames[0] == "Resource" => ElementShape.Resource,
        _ when Naming.Primitives.ContainsKey(e.TypeNames[0]) => ElementShape.Primitive,
        _ => ElementShape.Complex,
    };

    /// <summary>What the element's shape is called in the runtime's member plumbing: <c>FhirJsonWriter.Write…</c> and <c>DirectJsonReader.…</c>.</summary>
    private static string Accessor(GenElement e) => Shape(e) switch
    {
        ElementShape.Attribute => "Attribute",
        ElementShape.Primitive => e.IsCollection ? "PrimitiveList" : "Primitive",
        ElementShape.Choice => "Choice",
        ElementShape.Resource => e.IsCollection ? "ResourceList" : "Resource",
        _ => e.IsCollection ? "ComplexList" : "Complex",
    };

    /// <summary>Where a class keeps the element: its property (<c>…Element</c> for primitives), or a list's backing field.</summary>
    private static string Storage(GenElement e, string className)
    {
        var p = PropertyName(e, className);
        var target = Shape(e) == ElementShape.Primitive ? p + "Element" : p;
        return e.IsCollection && Shape(e) != ElementShape.Attribute ? Field(target) : target;
    }

    private static string PropertyName(GenElement e, string className)
    {
        if (e.Path == "Element.id")
        {
            return "ElementId";
        }

        var name = Naming.Pascal(e.Name);
        return name == className && Shape(e) != ElementShape.Primitive ? name + "Value" : name;
    }

    /// <summary>The name of a primitive's value property; "Value" would clash with nothing, but a class's own name would.</summary>
    private static string Convenience(string propertyName, string className) =>
        propertyName == className ? propertyName + "Value" : propertyName;

    private static string Field(string propertyName) => "_" + char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
