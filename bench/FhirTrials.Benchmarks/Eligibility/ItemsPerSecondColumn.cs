using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FhirTrials.Benchmarks.Eligibility;

/// <summary>Criteria items parsed per second: the corpus item count divided by the mean time of one pass.</summary>
public sealed class ItemsPerSecondColumn : IColumn
{
    public string Id => nameof(ItemsPerSecondColumn);

    public string ColumnName => "Items/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Criteria items per second (all items of all ctgov-v2 records per operation)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics || statistics.Mean <= 0)
        {
            return "-";
        }

        var itemsPerSecond = CriteriaCorpus.Instance.ItemCount / (statistics.Mean / 1e9);
        return itemsPerSecond.ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
