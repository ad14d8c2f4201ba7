using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ContactCenter.Storage.Benchmarks;

/// <summary>
/// The mean of a case divided by the mean of the same method on <see cref="StoreCatalog.Baseline"/> in the same run
/// (BenchmarkDotNet's own Ratio compares methods, not parameter values), plus the writes per second it means.
/// </summary>
internal sealed class StoreRatioColumn : IColumn
{
    public string Id => nameof(StoreRatioColumn);

    public string ColumnName => "vs InMemory";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean of this store / mean of the in-memory store for the same operation, in the same run";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var store = benchmarkCase.Parameters.Items.FirstOrDefault(static p => p.Name == "Store")?.Value as string;
        var baseline = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.WorkloadMethod == benchmarkCase.Descriptor.WorkloadMethod
            && c.Parameters.Items.Any(static p => p.Name == "Store" && (p.Value as string) == StoreCatalog.Baseline));
        var baselineMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        if (mean is not { } m || baselineMean is not { } b || b <= 0 || store is null)
        {
            return "-";
        }

        return string.Format(CultureInfo.InvariantCulture, "{0:0.#}x ({1:N0}/s)", m / b, 1e9 / m);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
