using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ContactCenter.Storage.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        var config = DefaultConfig.Instance.AddColumn(new StoreRatioColumn());
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);

        // Non-zero when any selected benchmark failed to validate, build or run, so CI notices.
        var failed = summaries.Any(summary =>
            summary.HasCriticalValidationErrors
            || summary.Reports.Any(report => !report.Success));
        return failed ? 1 : 0;
    }
}
