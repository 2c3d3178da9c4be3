using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.References;

/// <summary>Where a reference points: the resource when found (contained or in the Bundle), and the type when known.</summary>
internal readonly record struct ReferenceTarget(ReferenceKind Kind, string? TypeName, ElementNode? Resource)
{
    public bool IsResolved => Resource is not null;
}

/// <summary>The form of a reference string.</summary>
internal enum ReferenceKind
{
    /// <summary><c>#id</c> (or <c>#</c>, the container).</summary>
    Contained,

    /// <summary><c>Patient/123</c>.</summary>
    Relative,

    /// <summary><c>http://server/fhir/Patient/123</c> or any other absolute URL.</summary>
    Absolute,

    /// <summary><c>urn:uuid:…</c> or <c>urn:oid:…</c>.</summary>
    Urn,
}
