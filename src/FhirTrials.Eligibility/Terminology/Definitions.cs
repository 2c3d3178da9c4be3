using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Terminology;

/// <summary>What a measurement table row measures.</summary>
internal enum MeasurementKind
{
    Laboratory,
    Vital,
    BodyMassIndex,
}

/// <summary>A measurement from measurements.json.</summary>
internal sealed record MeasurementDefinition(
    string Key,
    MeasurementKind Kind,
    Coding Code,
    string? Unit,
    IReadOnlySet<string> Dimensions,
    IReadOnlyDictionary<string, Coding> Alternates,
    string? ImpliedRate,
    bool RequiresUnit)
{
    /// <summary>The measurement read from the second number of "N/M" (diastolic after systolic), if any.</summary>
    public MeasurementDefinition? SlashPair { get; internal set; }

    /// <summary>The code for a threshold written in a unit of <paramref name="dimension"/>.</summary>
    public Coding CodeFor(string? dimension) =>
        dimension is not null && Alternates.TryGetValue(dimension, out var alternate) ? alternate : Code;
}

/// <summary>Groups of conditions.</summary>
internal enum ConditionCategory
{
    Reproductive,
    Infection,
    Malignancy,
    Disease,
}

/// <summary>A condition from conditions.json.</summary>
internal sealed record ConditionDefinition(string Key, ConditionCategory Category, Coding Code);

/// <summary>A score from scores.json.</summary>
internal sealed record ScoreDefinition(string Key, Coding Code, decimal Min, decimal Max, bool Roman, string? Unit);

/// <summary>A unit from units.json.</summary>
internal sealed record UnitDefinition(string Ucum, string Dimension, double Factor);
