using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Fhir.Model;

/// <summary>Builds typed model objects from element-tree nodes (used by the generated classes).</summary>
public static class NodeReader
{
    /// <summary>Nested resources the typed parser already turned into classes on this thread, by their (emptied) node.</summary>
    [ThreadStatic]
    internal static Dictionary<ElementNode, Resource>? EarlyResources;

    private static readonly Lazy<HashSet<string>> Classless = new(() =>
        [.. Introspection.ModelInfo.ResourceTypes.Where(name => ModelFactory.CreateResource(name) is null)]);

    /// <summary>True when the resource type has a generated class (else it is read as a <see cref="DynamicResource"/>).</summary>
    internal static bool HasClass(string resourceType) => !Classless.Value.Contains(resourceType);

    public static T Primitive<T>(ElementNode node)
        where T : PrimitiveType, new() => Primitive(node, new T());

    /// <summary>Fills <paramref name="value"/> (a new instance: generated code passes one, which is faster than <c>new T()</c>) from a primitive's node.</summary>
    public static T Primitive<T>(ElementNode node, T value)
        where T : PrimitiveType
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(value);
        value.Lexical = node.Lexical;
        value.ReadFrom(node);
        return value;
    }

    public static T Complex<T>(ElementNode node)
        where T : Base, new() => Complex(node, new T());

    /// <summary>Fills <paramref name="value"/> (a new instance) from a complex element's node.</summary>
    public static T Complex<T>(ElementNode node, T value)
        where T : Base
    {
        ArgumentNullException.ThrowIfNull(value);
        value.ReadFrom(node);
        return value;
    }

    /// <summary>The value of a choice element, typed by the node's instance type.</summary>
    public static DataType Choice(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var typeName = node.Type?.Name ?? throw new InvalidOperationException($"{node.Location}: a choice element needs a known type");
        var value = ModelFactory.CreateDataType(typeName) ?? throw new InvalidOperationException($"{node.Location}: no class for type {typeName}");
        if (value is PrimitiveType primitive)
        {
            primitive.Lexical = node.Lexical;
        }

        value.ReadFrom(node);
        return value;
    }

    /// <summary>A resource: an instance of its generated class, or a <see cref="DynamicResource"/> for types without one.</summary>
    public static Resource Resource(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (EarlyResources is { } early && early.Remove(node, out var converted))
        {
            return converted;
        }

        var resource = node.Type is { } type ? ModelFactory.CreateResource(type.Name) : null;
        if (resource is null)
        {
            return new DynamicResource(node);
        }

        resource.ReadFrom(node);
        return resource;
    }
}
