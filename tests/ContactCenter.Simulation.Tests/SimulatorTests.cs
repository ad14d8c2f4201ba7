using ContactCenter.Core.Tests.StateMachines.Model;
using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Simulation.Tests;

public class SimulatorTests(ITestOutputHelper output)
{
    private static SimulationScenario Scenario(long seed, int agents = 10, double hours = 1) =>
        new SimulationScenario { Name = "test", Seed = seed, ShiftLength = Duration.FromMinutes((long)(hours * 60)) }
            .WithTeam(agents, Distribution.Constant(15));

    [Fact]
    public void A_drifting_answer_rate_is_read_at_the_moment_each_call_is_placed()
    {
        var scenario = Scenario(11, agents: 25, hours: 4).WithNetwork(n => n.WithLinearDrift(0.30, 0.15, Duration.FromHours(4)));

        var report = Simulator.Run(scenario, TestDialers.FixedRatio(3));

        double liveShare(int hour)
        {
            var from = scenario.Start + Duration.FromHours(hour);
            var placed = report.Events
                .Where(e => e.Kind == SimulationEventKind.CallPlaced && e.At >= from && e.At < from + Duration.FromHours(1))
                .Select(e => e.CallId)
                .ToHashSet();
            long live = report.Events.Count(e => e.Kind == SimulationEventKind.CallAnsweredLive && placed.Contains(e.CallId));
            output.WriteLine($"hour {hour}: {placed.Count} placed, {live} live");
            return live / (double)placed.Count;
        }

        // p falls from 0.30 to 0.15: hour means 0.28, 0.24, 0.21, 0.17, less the calls that ring out first.
        Assert.InRange(liveShare(0), 0.25, 0.31);
        Assert.InRange(liveShare(3), 0.14, 0.19);
        Assert.True(liveShare(0) > liveShare(1) && liveShare(1) > liveShare(2) && liveShare(2) > liveShare(3));
    }

    [Fact]
    public void The_same_seed_gives_the_same_event_log_and_report()
    {
        const long Seed = 20260105;
        output.WriteLine($"seed {Seed}");
        var scenario = Scenario(Seed) with
        {
            Agents = Scenario(Seed).Agents.Select((a, i) => a with { WrapUp = Distribution.Exponential(20), Pauses = i % 3 == 0 ? [new AgentPause(Duration.FromMinutes(20), Duration.FromMinutes(10))] : [] }).ToArray(),
        };

        var first = Simulator.Run(scenario, TestDialers.FixedRatio(2.5));
        var second = Simulator.Run(scenario, TestDialers.FixedRatio(2.5));

        Assert.True(first.Events.Count > 1000);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.Equal(first.EndedAt, second.EndedAt);
        output.WriteLine(first.ToString());
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        var first = Simulator.Run(Scenario(1), TestDialers.Progressive());
        var second = Simulator.Run(Scenario(2), TestDialers.Progressive());

        Assert.NotEqual(first.Events, second.Events);
    }

    [Fact]
    public void Every_record_has_the_same_fate_under_two_different_dialers()
    {
        const long Seed = 77;
        output.WriteLine($"seed {Seed}");
        var scenario = Scenario(Seed);

        var progressive = Simulator.Run(scenario, TestDialers.Progressive());
        var ratio = Simulator.Run(scenario, TestDialers.FixedRatio(3));

        var fatesA = Fates(progressive);
        var fatesB = Fates(ratio);
        var common = fatesA.Keys.Intersect(fatesB.Keys).ToList();
        Assert.True(common.Count > 300, $"only {common.Count} records dialled by both");
        Assert.True(fatesB.Count > fatesA.Count, "the fixed ratio dials more records");
        foreach (long record in common)
        {
            Assert.Equal(fatesA[record], fatesB[record]);
        }

        // And the talk times of the records both connected are the same draws.
        var talkA = TalkTimes(progressive);
        var talkB = TalkTimes(ratio);
        var bothTalked = talkA.Keys.Intersect(talkB.Keys).ToList();
        Assert.NotEmpty(bothTalked);
        foreach (long record in bothTalked)
        {
            Assert.Equal(talkA[record], talkB[record]);
        }
    }

    [Fact]
    public void Abandon_accounting_matches_a_recount_of_the_event_log()
    {
        const long Seed = 5;
        output.WriteLine($"seed {Seed}");
        var report = Simulator.Run(Scenario(Seed), TestDialers.FixedRatio(4));

        var answered = new Dictionary<long, Instant>();
        var resolved = new HashSet<long>();
        long abandoned = 0, connected = 0;
        var abandonAfter = report.Scenario.Network.AbandonAfter;
        foreach (var e in report.Events)
        {
            switch (e.Kind)
            {
                case SimulationEventKind.CallAnsweredLive:
                    answered.Add(e.CallId, e.At);
                    break;
                case SimulationEventKind.CallAbandoned:
                    abandoned++;
                    Assert.True(resolved.Add(e.CallId), $"call {e.CallId} resolved twice");
                    Assert.Equal(answered[e.CallId] + abandonAfter, e.At);
                    break;
                case SimulationEventKind.CallConnected:
                    connected++;
                    Assert.True(resolved.Add(e.CallId), $"call {e.CallId} resolved twice");
                    Assert.True(e.At - answered[e.CallId] <= abandonAfter);
                    break;
                default:
                    break;
            }
        }

        Assert.True(abandoned > 0, "this over-dialling scenario abandons calls");
        Assert.Equal(answered.Count, resolved.Count); // every live answer is connected or abandoned
        Assert.Equal(abandoned, report.Counts.Abandoned);
        Assert.Equal(abandoned, report.Metrics.Abandoned);
        Assert.Equal(connected, report.Metrics.Connected);
        Assert.Equal(answered.Count, report.Metrics.LiveAnswers);
        Assert.Equal((double)abandoned / answered.Count, report.Metrics.AbandonRate, 12);
        Assert.Equal(report.Counts.LiveAnswers, report.Metrics.LiveAnswers);
        Assert.Equal(report.Counts.CallsPlaced, report.Metrics.CallsPlaced);
        Assert.Equal(report.Counts.CallsPlaced, report.Metrics.LiveAnswers + report.Metrics.AnsweringMachines + report.Metrics.BusyLines + report.Metrics.InvalidNumbers + report.Metrics.NoAnswers);
        output.WriteLine(report.ToString());
    }

    [Fact]
    public void Answering_machines_busy_lines_invalid_numbers_and_no_answers_are_outside_the_abandon_rate()
    {
        var scenario = Scenario(9).WithNetwork(n => n with { LiveAnswerProbability = 0.25, AnsweringMachineProbability = 0.2, BusyProbability = 0.1, InvalidProbability = 0.05 });

        var report = Simulator.Run(scenario, TestDialers.FixedRatio(4));

        var m = report.Metrics;
        Assert.True(m.AnsweringMachines > 0 && m.BusyLines > 0 && m.InvalidNumbers > 0 && m.NoAnswers > 0);
        Assert.Equal((double)m.Abandoned / m.LiveAnswers, m.AbandonRate, 12);
        Assert.Equal(m.LiveAnswers, m.Connected + m.Abandoned);
    }

    [Fact]
    public void Progressive_never_abandons_when_agents_stay_ready_for_their_calls()
    {
        PropertyRunner.Check(
            output,
            "progressive never abandons",
            defaultSeed: 1234,
            maxTest: 12,
            Arb.From(Gen.Choose(1, int.MaxValue).Zip(Gen.Choose(1, 30))),
            input =>
            {
                var (seed, agents) = input;
                var report = Simulator.Run(Scenario(seed, agents, hours: 0.5), TestDialers.Progressive());

                Assert.Equal(0, report.Metrics.Abandoned);
                Assert.Equal(report.Metrics.LiveAnswers, report.Metrics.Connected);
                Assert.True(report.Metrics.Connected > 0);
                Assert.Empty(report.Refusals);
            });
    }

    [Fact]
    public void Occupancy_and_utilisation_stay_within_their_bounds_and_the_real_agents_refuse_nothing()
    {
        var arbitrary = Arb.From(
            from seed in Gen.Choose(1, int.MaxValue)
            from agents in Gen.Choose(1, 20)
            from ratio in Gen.Choose(10, 40)
            from pauses in Gen.Choose(0, 1)
            select (seed, agents, ratio / 10.0, pauses == 1));
        PropertyRunner.Check(
            output,
            "occupancy bounds",
            defaultSeed: 99,
            maxTest: 15,
            arbitrary,
            input =>
            {
                var (seed, agents, ratio, pauses) = input;
                var scenario = Scenario(seed, agents, hours: 0.5);
                if (pauses)
                {
                    scenario = scenario with
                    {
                        Agents = scenario.Agents.Select((a, i) => a with
                        {
                            Pauses = [new AgentPause(Duration.FromMinutes(5 + i), Duration.FromMinutes(4), "Break")],
                            LogOutAt = i % 2 == 0 ? Duration.FromMinutes(25) : null,
                            WrapUp = Distribution.Uniform(5, 30),
                        }).ToArray(),
                    };
                }

                var report = Simulator.Run(scenario, TestDialers.FixedRatio(ratio));
                var m = report.Metrics;

                Assert.Empty(report.Refusals);
                Assert.Equal(0, m.RefusedCommands);
                Assert.InRange(m.Occupancy, 0, 1);
                Assert.InRange(m.Utilisation, m.Occupancy, 1);
                Assert.Equal(m.LoggedInTime, m.TalkTime + m.WrapUpTime + m.ReadyTime + m.NotReadyTime + ReservedTime(report));
                Assert.Equal(m.Occupancy * 60, m.TalkMinutesPerAgentHour, 9);
                Assert.All(report.Events.Where(e => e.Kind == SimulationEventKind.AgentStateChanged).GroupBy(e => e.Agent), g => Assert.Equal(AgentState.LoggedOut, g.Last().Current));
            });
    }

    [Fact]
    public void A_finite_list_is_dialled_once_per_record_and_then_the_dialer_runs_dry()
    {
        var scenario = Scenario(3) with { ListSize = 150 };

        var report = Simulator.Run(scenario, TestDialers.FixedRatio(3));

        var records = report.Events.Where(e => e.Kind == SimulationEventKind.CallPlaced).Select(e => e.RecordIndex).ToList();
        Assert.Equal(150, records.Count);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => (long)i), records);
        Assert.Equal(0, report.Metrics.LiveAnswers - report.Metrics.Connected - report.Metrics.Abandoned);
        Assert.True(report.Events.Last(e => e.Kind == SimulationEventKind.CallPlaced).At < scenario.End - Duration.FromMinutes(30), "the list ran out early");
    }

    [Fact]
    public void A_pause_requested_during_a_call_waits_for_its_end_and_a_late_log_out_waits_for_the_wrap_up()
    {
        // Without the pause, find a call of the tenth minute; runs are identical up to the pause, so the agent is
        // on that call when the pause is due one second after it connected.
        var solo = new SimulatedAgentProfile("solo") { WrapUp = Distribution.Constant(20) };
        var scenario = new SimulationScenario { Seed = 11, ShiftLength = Duration.FromMinutes(30), Agents = [solo] };
        var baseline = Simulator.Run(scenario, TestDialers.Progressive());
        var connected = baseline.Events.First(e => e.Kind == SimulationEventKind.CallConnected && e.At >= scenario.Start + Duration.FromMinutes(10));
        var ended = baseline.Events.First(e => e.Kind == SimulationEventKind.CallEnded && e.CallId == connected.CallId);
        Assert.True(ended.At - connected.At > Duration.FromSeconds(1));
        var pauseStart = connected.At + Duration.FromSeconds(1);
        var paused = scenario with { Agents = [solo with { Pauses = [new AgentPause(pauseStart - scenario.Start, Duration.FromMinutes(10), "Lunch")] }] };

        var report = Simulator.Run(paused, TestDialers.Progressive());

        Assert.Empty(report.Refusals);
        var changes = report.Events.Where(e => e.Kind == SimulationEventKind.AgentStateChanged).ToList();
        Assert.True(ended.At + Duration.FromSeconds(20) < pauseStart + Duration.FromMinutes(10), "the call and its wrap-up end within the pause");
        var notReady = changes.First(e => e.Current == AgentState.NotReady && e.At >= pauseStart);
        Assert.Equal(ended.At + Duration.FromSeconds(20), notReady.At); // after the call and its wrap-up
        Assert.Equal(AgentState.AfterCallWork, notReady.Previous);
        var ready = changes.First(e => e.At > notReady.At);
        Assert.Equal(pauseStart + Duration.FromMinutes(10), ready.At);
        Assert.Equal(AgentState.Ready, ready.Current);
        Assert.Equal(AgentState.LoggedOut, changes[^1].Current);
        Assert.True(changes[^1].At >= scenario.End);
    }

    [Fact]
    public void A_pause_that_ends_before_the_call_withdraws_the_not_ready_intent()
    {
        var solo = new SimulatedAgentProfile("solo") { WrapUp = Distribution.Constant(20) };
        var scenario = new SimulationScenario { Seed = 11, ShiftLength = Duration.FromMinutes(30), Agents = [solo] };
        var baseline = Simulator.Run(scenario, TestDialers.Progressive());
        var connected = baseline.Events.First(e => e.Kind == SimulationEventKind.CallConnected && e.At >= scenario.Start + Duration.FromMinutes(10));
        var ended = baseline.Events.First(e => e.Kind == SimulationEventKind.CallEnded && e.CallId == connected.CallId);
        var pauseStart = connected.At + Duration.FromSeconds(1);
        var pause = new AgentPause(pauseStart - scenario.Start, Duration.FromMinutes(1), "Lunch");
        Assert.True(ended.At > pauseStart + pause.Length, "the call outlasts the pause");

        var report = Simulator.Run(scenario with { Agents = [solo with { Pauses = [pause] }] }, TestDialers.Progressive());

        Assert.Empty(report.Refusals);
        var afterCall = report.Events.Where(e => e.Kind == SimulationEventKind.AgentStateChanged && e.At > ended.At).ToList();
        Assert.Equal(AgentState.Ready, afterCall.First(e => e.Previous == AgentState.AfterCallWork).Current);
        Assert.Equal(0, report.MetricsFor(new Interval(pauseStart, scenario.End)).NotReadyTime.BclCompatibleTicks);
    }

    [Fact]
    public void Every_connected_call_is_a_real_interaction_and_ends_in_after_call_work()
    {
        var report = Simulator.Run(Scenario(21, agents: 5), TestDialers.Progressive());

        Assert.Equal(report.Counts.LiveAnswers, report.Counts.Interactions);
        var changes = report.Events.Where(e => e.Kind == SimulationEventKind.AgentStateChanged).ToList();
        long busyToWrap = changes.Count(e => e.Previous == AgentState.Busy && e.Current == AgentState.AfterCallWork);
        Assert.Equal(report.Counts.CallsEnded, busyToWrap);
        Assert.Equal(report.Counts.Connected, report.Counts.CallsEnded);
        Assert.Equal(Duration.FromSeconds(15) * report.Counts.CallsEnded, report.Metrics.WrapUpTime);
    }

    [Fact]
    public void A_dialer_is_asked_at_every_tick()
    {
        int asked = 0;
        var dialer = SimulationDialer.Create("never", _ =>
        {
            asked++;
            return 0;
        });

        var report = Simulator.Run(Scenario(1, agents: 2) with { ShiftLength = Duration.FromMinutes(10) }, dialer);

        Assert.True(asked >= 600);
        Assert.Equal(0, report.Metrics.CallsPlaced);
        Assert.Equal(0, report.Metrics.Occupancy);
        Assert.Equal(0, report.Metrics.AbandonRate);
    }

    [Fact]
    public void A_negative_decision_is_refused()
    {
        var dialer = SimulationDialer.Create("broken", _ => -1);

        Assert.Throws<InvalidOperationException>(() => Simulator.Run(Scenario(1, agents: 1), dialer));
    }

    [Fact]
    public void A_four_hour_shift_of_one_hundred_agents_runs_and_reports_its_wall_time()
    {
        var scenario = Scenario(2026, agents: 100, hours: 4);
        Simulator.Run(Scenario(1, agents: 5, hours: 0.25), TestDialers.Progressive()); // warm-up

        var report = Simulator.Run(scenario, TestDialers.FixedRatio(2));

        output.WriteLine($"100 agents, 4 h, fixed ratio 2: {report.Events.Count} events, {report.Counts.CallsPlaced} calls");
        output.WriteLine(report.ToString());
        Assert.Empty(report.Refusals);
        Assert.Equal(100, report.Metrics.Agents);
        Assert.True(report.Counts.Connected > 5000);
    }

    private static Duration ReservedTime(SimulationReport report)
    {
        var totals = new Dictionary<AgentState, Duration>();
        var since = new Dictionary<int, (AgentState State, Instant At)>();
        foreach (var e in report.Events.Where(e => e.Kind == SimulationEventKind.AgentStateChanged))
        {
            if (since.TryGetValue(e.Agent, out var s))
            {
                totals[s.State] = totals.GetValueOrDefault(s.State) + (e.At - s.At);
            }

            since[e.Agent] = (e.Current, e.At);
        }

        return totals.GetValueOrDefault(AgentState.Reserved) + totals.GetValueOrDefault(AgentState.LogoutPending);
    }

    /// <summary>Per record: how its call ended ringing, and after how long.</summary>
    private static Dictionary<long, (SimulationEventKind Outcome, Duration Ring)> Fates(SimulationReport report)
    {
        var placedAt = report.Events.Where(e => e.Kind == SimulationEventKind.CallPlaced).ToDictionary(e => e.CallId, e => e.At);
        var ringEnds = new[] { SimulationEventKind.CallAnsweredLive, SimulationEventKind.CallAnsweringMachine, SimulationEventKind.CallBusy, SimulationEventKind.CallInvalid, SimulationEventKind.CallNoAnswer };
        return report.Events.Where(e => ringEnds.Contains(e.Kind)).ToDictionary(e => e.RecordIndex, e => (e.Kind, e.At - placedAt[e.CallId]));
    }

    private static Dictionary<long, Duration> TalkTimes(SimulationReport report)
    {
        var connectedAt = report.Events.Where(e => e.Kind == SimulationEventKind.CallConnected).ToDictionary(e => e.RecordIndex, e => e.At);
        return report.Events.Where(e => e.Kind == SimulationEventKind.CallEnded).ToDictionary(e => e.RecordIndex, e => e.At - connectedAt[e.RecordIndex]);
    }
}
