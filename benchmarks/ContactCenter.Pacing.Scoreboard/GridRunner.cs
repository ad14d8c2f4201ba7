using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Pacing.Scoreboard.Dialers;
using ContactCenter.Simulation;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>
/// Runs every (case, seed, dialer) shift. The shifts are independent (each has its own virtual clock and
/// dialer instance, and the harness draws every random quantity from the seed), so they run in parallel on
/// at most <see cref="Environment.ProcessorCount"/> workers; each result is stored at its job's index, so
/// the output is in a fixed order and identical whatever the scheduling.
/// </summary>
internal static class GridRunner
{
    /// <summary>One shift to run.</summary>
    public sealed record Job(ScoreboardCase Case, long Seed, DialerSpec Dialer);

    /// <summary>The jobs in their fixed order: case by case, seed by seed, dialer by dialer (the bound excluded).</summary>
    public static IReadOnlyList<Job> Jobs(IEnumerable<ScoreboardCase> cases, IEnumerable<long> seeds, IEnumerable<DialerSpec> dialers)
    {
        var seedList = seeds.ToList();
        var simulated = dialers.Where(d => !d.IsBound).ToList();
        return cases
            .SelectMany(c => seedList.SelectMany(seed => simulated.Select(d => new Job(c, seed, d))))
            .ToList();
    }

    /// <summary>Runs one shift.</summary>
    public static ShiftResult Run(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var scenario = job.Case.Build(job.Seed);
        var dialer = job.Dialer.Create!(scenario);
        var report = Simulator.Run(scenario, dialer);
        return ShiftResult.From(job.Case.Label, job.Dialer.Name, report, ScoreboardCase.BoundOf(scenario));
    }

    /// <summary>Runs every job on up to <paramref name="workers"/> threads (capped at the processor count); results in job order.</summary>
    public static IReadOnlyList<ShiftResult> RunAll(IReadOnlyList<Job> jobs, int workers, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var results = new ShiftResult[jobs.Count];
        int done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(workers, Environment.ProcessorCount)) };
        Parallel.For(0, jobs.Count, options, i =>
        {
            results[i] = Run(jobs[i]);
            progress?.Invoke(Interlocked.Increment(ref done), jobs.Count);
        });
        return results;
    }
}
