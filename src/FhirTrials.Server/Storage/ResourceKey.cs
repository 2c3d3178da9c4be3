namespace FhirTrials.Server.Storage;

/// <summary>A resource's logical identity on this server: its type and id.</summary>
public readonly record struct ResourceKey(string Type, string Id)
{
    /// <summary>The relative reference <c>Type/id</c>.</summary>
    public override string ToString() => Type + "/" + Id;
}
