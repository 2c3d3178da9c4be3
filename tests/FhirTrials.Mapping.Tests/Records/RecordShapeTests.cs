using System.Text.Json.Serialization.Metadata;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tests.Records;

/// <summary>The reflected record shape is exactly the serializer's: same properties, names, order, types and values.</summary>
public sealed class RecordShapeTests
{
    /// <summary>Every object type of the record format, as the serializer's metadata reaches them from <see cref="TrialRecord"/>.</summary>
    public static TheoryData<Type> RecordTypes()
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(TrialRecord)]);
        while (pending.TryPop(out var type))
        {
            var info = TrialRecordJsonContext.Default.GetTypeInfo(type)!;
            if (info.Kind == JsonTypeInfoKind.Enumerable)
            {
                pending.Push(info.ElementType!);
            }
            else if (info.Kind == JsonTypeInfoKind.Object && found.Add(type))
            {
                foreach (var property in info.Properties)
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return [.. found.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Of_EveryRecordType_MatchesTheSerializerMetadata(Type recordType)
    {
        var metadata = TrialRecordJsonContext.Default.GetTypeInfo(recordType);
        Assert.NotNull(metadata);
        Assert.Equal(JsonTypeInfoKind.Object, metadata!.Kind);

        var shape = RecordShape.Of(recordType);

        Assert.Equal(metadata.Properties.Select(p => (p.Name, p.PropertyType)), shape.Select(p => (p.Name, p.PropertyType)));
    }

    [Fact]
    public void Get_Dates_ReadsTheSameValuesAsTheSerializer()
    {
        var dates = new TrialDates
        {
            Start = new TrialDate { Date = "2019-03", Type = DateType.Actual },
            Completion = new TrialDate { Date = "2021" },
            LastUpdatePosted = new TrialDate { Date = "2024-01-02", Type = DateType.Estimated },
        };
        var metadata = TrialRecordJsonContext.Default.TrialDates.Properties;

        var read = RecordShape.Of(typeof(TrialDates)).Select(p => p.Get(dates)).ToList();

        Assert.Equal(metadata.Select(p => p.Get!(dates)), read);
        Assert.Contains(read, value => value is TrialDate);
    }

    [Fact]
    public void Of_NotARecordType_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RecordShape.Of(typeof(string)));

        Assert.Contains("String is not a trial record type", error.Message, StringComparison.Ordinal);
    }
}
