using FhirTrials.Fhir.Introspection;

namespace FhirTrials.Fhir.Tests.Introspection;

/// <summary>The generated type tables describe R4 as its StructureDefinitions do.</summary>
public sealed class ModelInfoTests
{
    [Fact]
    public void GetType_AllR4Resources_AreKnown()
    {
        Assert.Equal(148, ModelInfo.ResourceTypes.Count);
        Assert.Equal(146, ModelInfo.ResourceTypes.Count(t => !ModelInfo.GetType(t)!.IsAbstract));
        Assert.True(ModelInfo.IsResourceType("ResearchStudy"));
        Assert.True(ModelInfo.GetType("DomainResource")!.IsAbstract);
        Assert.Null(ModelInfo.GetType("Patiant"));
    }

    [Fact]
    public void GetType_ResearchStudy_HasSnapshotElementsWithCardinalityAndTypes()
    {
        var type = ModelInfo.GetType("ResearchStudy")!;

        var status = type.GetElement("status")!;
        Assert.Equal((1, 1), (status.Min, status.Max));
        Assert.Equal("code", status.Type.Name);
        Assert.True(status.IsModifier);
        var arm = type.GetElement("arm")!;
        Assert.True(arm.IsCollection);
        Assert.Equal(FhirTypeKind.Backbone, arm.Type.Kind);
        Assert.Equal("ResearchStudy.arm", arm.Type.Name);
        Assert.Equal("BackboneElement", arm.Type.InstanceTypeName);
        Assert.Equal(["id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension"], type.Elements.Take(8).Select(e => e.Name));
    }

    [Fact]
    public void TryGetJsonProperty_ChoiceAndExtensionParts_Resolve()
    {
        var observation = ModelInfo.GetType("Observation")!;

        Assert.True(observation.TryGetJsonProperty("valueQuantity", out var quantity));
        Assert.True(observation.TryGetJsonProperty("_valueString", out var stringPart));
        Assert.False(observation.TryGetJsonProperty("valueFoo", out _));
        Assert.False(observation.TryGetJsonProperty("_valueQuantity", out _));
        Assert.Equal(("value", "Quantity", false), (quantity.Element.Name, quantity.Type.Name, quantity.IsExtensionPart));
        Assert.Equal(("value", "string", true), (stringPart.Element.Name, stringPart.Type.Name, stringPart.IsExtensionPart));
    }

    [Fact]
    public void TypeHierarchy_FollowsTheSpecializations()
    {
        Assert.True(ModelInfo.GetType("Age")!.IsSubtypeOf("Quantity"));
        Assert.True(ModelInfo.GetType("code")!.IsSubtypeOf("string"));
        Assert.True(ModelInfo.GetType("Patient")!.IsSubtypeOf("Resource"));
        Assert.False(ModelInfo.GetType("Quantity")!.IsSubtypeOf("Age"));
        Assert.Equal("Integer", ModelInfo.GetType("positiveInt")!.SystemType);
        Assert.Equal("id", ModelInfo.GetType("Patient")!.GetElement("id")!.Type.Name);
        Assert.True(ModelInfo.GetType("Extension")!.GetElement("url")!.IsXmlAttribute);
    }

    [Fact]
    public void ContentReference_PointsToTheReferencedBackbone()
    {
        var item = ModelInfo.GetType("Questionnaire.item")!;

        Assert.Same(item, item.GetElement("item")!.Type);
    }
}
