namespace FhirTrials.Fhir.Model;

/// <summary>Any datatype: the values a choice element (<c>value[x]</c>) can take.</summary>
public abstract partial class DataType : Element
{
}
