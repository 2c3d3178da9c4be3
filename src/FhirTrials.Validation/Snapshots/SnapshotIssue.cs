namespace FhirTrials.Validation.Snapshots;

/// <summary>A problem found while generating a snapshot: the profile, the differential element, and what is wrong.</summary>
public sealed record SnapshotIssue(string Profile, string? ElementId, string Message, bool IsError)
{
    public override string ToString() => $"{Profile}{(ElementId is null ? string.Empty : "#" + ElementId)}: {Message}";
}
