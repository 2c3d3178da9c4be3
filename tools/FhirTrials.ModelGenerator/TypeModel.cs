namespace FhirTrials.ModelGenerator;

/// <summary>A FHIR type as the generator sees it: a StructureDefinition, or a backbone element inside one.</summary>
internal sealed class GenType
{
    public required string Name { get; init; }

    /// <summary>"Primitive", "Complex", "Resource" or "Backbone" (the FhirTypeKind member).</summary>
    public required string Kind { get; init; }

    public string? BaseName { get; init; }

    public bool IsAbstract { get; init; }

    public required string Canonical { get; init; }

    public string? SystemType { get; init; }

    public string? Regex { get; init; }

    public string? Short { get; init; }

    /// <summary>For backbones: the explicit type name HL7 gives them, else the last path segment.</summary>
    public string? ExplicitName { get; init; }

    public List<GenElement> Elements { get; private init; } = [];

    public List<GenType> Backbones { get; private init; } = [];

    /// <summary>A copy with another FHIRPath system type.</summary>
    public GenType WithSystemType(string? systemType) => new()
    {
        Name = Name,
        Kind = Kind,
        BaseName = BaseName,
        IsAbstract = IsAbstract,
        Canonical = Canonical,
        SystemType = systemType,
        Regex = Regex,
        Short = Short,
        ExplicitName = ExplicitName,
        Elements = Elements,
        Backbones = Backbones,
    };
}

/// <summary>One element of a type, with what the emitters need.</summary>
internal sealed class GenElement
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public int Min { get; init; }

    /// <summary>-1 for "*".</summary>
    public int Max { get; init; }

    public bool IsChoice { get; init; }

    public bool IsModifier { get; init; }

    public bool IsSummary { get; init; }

    public bool IsXmlAttribute { get; init; }

    public required List<string> TypeNames { get; init; }

    public string? Short { get; init; }

    /// <summary>The required ValueSet binding of a <c>code</c> element (version stripped), if any.</summary>
    public string? RequiredValueSet { get; init; }

    /// <summary>True when the element comes from the base type (not declared by this type).</summary>
    public bool Inherited { get; set; }

    public bool IsCollection => Max != 1;
}
