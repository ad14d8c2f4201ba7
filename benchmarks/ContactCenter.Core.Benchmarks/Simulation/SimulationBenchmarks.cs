using System;
using BenchmarkDotNet.Attributes;
using ContactCenter.Core.Pacing;
using ContactCenter.Simulation;
using NodaTime;

namespace ContactCenter.Core.Benchmarks.Simulation;

/// <summary>
/// One simulated 4-hour shift of 100 agents (the largest cell of the pacing scoreboard, p = 0.30): the
/// whole run — real agents and interactions in virtual time, every event logged, metrics computed —
/// with progressive and fixed-ratio (1/p) pacing. Target: at most 2 s of wall time per shift.
/// One warm-up and five iterations (one launch: the default): a shift is long enough to be measured alone. These are job
/// mutators rather than a job of their own, so CI's <c>--job Dry</c> runs this class once, in its dry job
/// (with five iterations, well under a second each), instead of adding a second, measured job.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class SimulationBenchmarks
{
    private SimulationScenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new SimulationScenario { Name = "N=100 p=0.30", Seed = 1, ShiftLength = Duration.FromHours(4) }
            .WithTeam(100, Distribution.Constant(15))
            .WithNetwork(network => network with
            {
                LiveAnswerProbability = 0.30,
                AnswerDelay = Distribution.Uniform(5, 25),
                NoAnswerTimeout = Duration.FromSeconds(25),
                TalkTime = Distribution.LogNormal(180, 0.6),
                AbandonAfter = Duration.FromSeconds(2),
            });

        // A shift that places no call or talks to nobody would make the timing meaningless.
        var check = Simulator.Run(_scenario, new PacingSimulationDialer(new ProgressivePacing()));
        if (check.Metrics.Connected < 1000 || check.Refusals.Count > 0)
        {
            throw new InvalidOperationException("The benchmark shift is not a realistic shift: " + check);
        }
    }

    [Benchmark(Baseline = true)]
    public long ProgressiveShift() =>
        Simulator.Run(_scenario, new PacingSimulationDialer(new ProgressivePacing())).Metrics.Connected;

    [Benchmark]
    public long FixedRatioShift() =>
        Simulator.Run(_scenario, new PacingSimulationDialer(new FixedRatioPacing(1d / 0.30))).Metrics.Connected;
}
