using System.Linq;
using BenchmarkDotNet.Running;

namespace ContactCenter.Core.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

        // Non-zero when any selected benchmark failed to validate, build or run, so CI notices.
        var failed = summaries.Any(summary =>
            summary.HasCriticalValidationErrors
            || summary.Reports.Any(report => !report.Success));
        return failed ? 1 : 0;
    }
}
