using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ContactCenter.Core.Benchmarks.Interactions;

/// <summary>
/// The <b>Retained</b> column of the Idle category: the bytes one idle item keeps alive. It is computed in the
/// BenchmarkDotNet host process (same build, same runtime as the benchmark process), when the summary is
/// printed: full blocking collection, <c>GC.GetTotalMemory(true)</c>, create <see cref="InteractionBenchmarks.IdleCount"/>
/// items into an array allocated beforehand, <c>GC.GetTotalMemory(true)</c> again while the array is alive;
/// the difference divided by the count. Shared objects (definitions, options, spec, subscriber) are created
/// by a warm-up before the first reading and are not counted. The median of three measurements is reported.
/// </summary>
public sealed class RetainedBytesColumn : IColumn
{
    private const string IdleCategory = "Idle";
    private static readonly Dictionary<string, double> s_cache = [];
    private static readonly object s_lock = new();

    public string Id => nameof(RetainedBytesColumn);

    public string ColumnName => "Retained";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Metric;

    public int PriorityInCategory => 100;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Bytes one idle item keeps alive: GC.GetTotalMemory(true) around {InteractionBenchmarks.IdleCount:N0} held items, per item (median of 3)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (Array.IndexOf(benchmarkCase.Descriptor.Categories, IdleCategory) < 0)
        {
            return "-";
        }

        return Measure(benchmarkCase.Descriptor.WorkloadMethod.Name).ToString("N0", CultureInfo.InvariantCulture) + " B";
    }

    /// <summary>Bytes retained per idle item of the Idle benchmark <paramref name="method"/>.</summary>
    public static double Measure(string method)
    {
        lock (s_lock)
        {
            if (!s_cache.TryGetValue(method, out double bytes))
            {
                var create = InteractionBenchmarks.IdleFactory(method);
                var samples = new double[3];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = MeasureOnce(create, InteractionBenchmarks.IdleCount);
                }

                Array.Sort(samples);
                bytes = samples[1];
                s_cache[method] = bytes;
            }

            return bytes;
        }
    }

    private static double MeasureOnce(Func<object> create, int count)
    {
        var held = new object[count];
        GC.KeepAlive(create()); // warm-up: shared definitions, options and JIT are not counted
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < held.Length; i++)
        {
            held[i] = create();
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before) / (double)count;
    }
}
