using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Simulation.Tests;

/// <summary>Campaign-driven runs: the harness takes records from a real <see cref="Campaign"/> and reports their results.</summary>
public class SimulatedCampaignTests(ITestOutputHelper output)
{
    /// <summary>Monday 2026-01-05 13:00 UTC: 08:00 in New York, 07:00 in Chicago, 06:00 in Denver, 05:00 in Los Angeles.</summary>
    private static readonly Instant s_eightInNewYork = Instant.FromUtc(2026, 1, 5, 13, 0);

    private static readonly NetworkModel s_network = new()
    {
        LiveAnswerProbability = 0.30,
        AnsweringMachineProbability = 0.20,
        BusyProbability = 0.15,
        InvalidProbability = 0.05,
    };

    private static SimulationScenario Scenario(long seed, CallingList list, Instant start, Duration length, int agents, CampaignOptions? options = null) =>
        new SimulationScenario { Name = "campaign", Seed = seed, Start = start, ShiftLength = length, Network = s_network }
            .WithTeam(agents, Distribution.Constant(15))
            .WithCampaign(new SimulatedCampaign(list) { Options = options ?? TestCampaigns.ShortRetries });

    [Fact]
    public void Dials_stay_legal_single_and_before_the_final_disposition_and_abandons_recount_from_the_log()
    {
        var arbitrary = Arb.From(
            from seed in Gen.Choose(1, int.MaxValue - 1)
            from agents in Gen.Choose(1, 6)
            from records in Gen.Choose(10, 80)
            from startHour in Gen.Choose(0, 47)
            from hours in Gen.Choose(1, 5)
            from ratio in Gen.Choose(10, 30)
            select (seed, agents, records, startHour, hours, ratio / 10.0));
        long dials = 0, retries = 0, abandons = 0, waits = 0, done = 0;
        PropertyRunner.Check(
            output,
            "campaign runs keep the dialing rules",
            defaultSeed: 2026,
            maxTest: 25,
            arbitrary,
            input =>
            {
                var (seed, agents, records, startHour, hours, ratio) = input;
                var list = TestCampaigns.RandomList(new Random(seed), records);
                var start = Instant.FromUtc(2026, 1, 5, 0, 0) + Duration.FromHours(startHour);
                var report = Simulator.Run(Scenario(seed, list, start, Duration.FromHours(hours), agents), TestDialers.FixedRatio(ratio));

                Assert.Empty(report.Refusals);
                AssertDialsAreLegal(report);
                AssertNeverTwiceAtOnce(report);
                AssertNeverAfterTheFinalDisposition(report);
                AssertAbandonsRecount(report);
                AssertEveryDialIsInTheCallHistory(report);

                dials += report.Counts.CallsPlaced;
                retries += report.Events.Count(e => e.Kind == SimulationEventKind.CallPlaced && e.Attempt > 1);
                abandons += report.Counts.Abandoned;
                waits += report.CampaignEvents.OfType<CallingRecordWaiting>().Count();
                done += report.Campaign!.Records.Count(r => r.IsDone);
            });

        // The cases exercised what the properties are about: retries, abandons and records kept waiting.
        output.WriteLine($"{dials} dials, {retries} retries, {abandons} abandons, {waits} waits, {done} records done");
        Assert.True(dials > 0 && retries > 0 && abandons > 0 && waits > 0 && done > 0);
    }

    [Fact]
    public void A_record_that_may_not_be_dialled_yet_waits_for_its_window_and_is_dialled_once_it_opens()
    {
        // 08:00 in New York; Los Angeles opens three hours later, within the run.
        var list = new CallingList("coasts", TestCampaigns.ListIn(212, 20).Records.Concat(TestCampaigns.ListIn(213, 20).Records.Select(r => r with { Id = "la" + r.Id })));
        var report = Simulator.Run(Scenario(3, list, s_eightInNewYork, Duration.FromHours(4), agents: 3), TestDialers.Progressive());

        Assert.Empty(report.Refusals);
        var placed = Placements(report);
        var opens = Instant.FromUtc(2026, 1, 5, 16, 0);
        Assert.All(placed.Where(p => p.Task.RecordId.StartsWith("la", StringComparison.Ordinal)), p => Assert.True(p.At >= opens, $"{p.Task.RecordId} dialled at {p.At}"));
        Assert.Contains(placed, p => p.Task.RecordId.StartsWith("la", StringComparison.Ordinal));
        var waited = report.CampaignEvents.OfType<CallingRecordWaiting>().Where(w => w.RecordId.StartsWith("la", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(waited);
        Assert.All(waited, w => Assert.Equal(opens, w.Wait.NextOpeningAt));
        Assert.Contains("America/Los_Angeles", waited[0].Wait.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_still_outside_their_window_at_the_end_of_the_shift_stay_waiting()
    {
        var list = TestCampaigns.ListIn(213, 10);
        var report = Simulator.Run(Scenario(4, list, s_eightInNewYork, Duration.FromHours(1), agents: 2), TestDialers.Progressive());

        Assert.Equal(0, report.Counts.CallsPlaced);
        Assert.Equal(10, report.Campaign!.WaitingRecords.Count);
        Assert.All(report.Campaign.Records, r => Assert.Equal(CallingRecordState.Ready, r.State));
        Assert.Equal(CampaignState.Paused, report.Campaign.State);
    }

    [Fact]
    public void Retries_take_the_next_attempt_and_its_own_fate()
    {
        var report = Simulator.Run(Scenario(8, TestCampaigns.ListIn(212, 40), s_eightInNewYork, Duration.FromHours(3), agents: 2), TestDialers.Progressive());
        var network = new SimulatedNetwork(report.Scenario.Network, report.Scenario.Seed);

        var byRecord = report.Events.Where(e => e.Kind == SimulationEventKind.CallPlaced).GroupBy(e => e.RecordIndex).ToList();
        Assert.Contains(byRecord, g => g.Count() > 1);
        foreach (var group in byRecord)
        {
            Assert.Equal(Enumerable.Range(1, group.Count()), group.Select(e => e.Attempt));
            var record = report.Campaign!.Records[(int)group.Key];
            Assert.Equal(group.Count(), record.Attempts.Count);
        }

        var resolutions = report.Events.Where(e => e.Kind is SimulationEventKind.CallAnsweredLive or SimulationEventKind.CallAnsweringMachine
            or SimulationEventKind.CallBusy or SimulationEventKind.CallInvalid or SimulationEventKind.CallNoAnswer);
        foreach (var e in resolutions)
        {
            Assert.Equal(ExpectedKind(network.FateOf(e.RecordIndex, e.Attempt).Outcome), e.Kind);
        }
    }

    [Fact]
    public void Frequency_caps_count_the_dials_the_run_writes_to_the_call_history()
    {
        // Florida: at most three calls a day to a person on the same subject. Every line is busy, retried after 1 minute.
        var options = new CampaignOptions
        {
            RetryRules = new Dictionary<CampaignCallResult, RetryRule> { [CampaignCallResult.Busy] = new(Duration.FromMinutes(1), 9) },
            MaxAttemptsPerRecord = 10,
        };
        var scenario = Scenario(5, TestCampaigns.ListIn(305, 6), s_eightInNewYork + Duration.FromHours(1), Duration.FromHours(2), agents: 2, options)
            .WithNetwork(n => n with { LiveAnswerProbability = 0, AnsweringMachineProbability = 0, BusyProbability = 1, InvalidProbability = 0 });

        var report = Simulator.Run(scenario, TestDialers.Progressive());

        Assert.Empty(report.Refusals);
        Assert.Equal(18, report.Counts.CallsPlaced);
        var campaign = report.Campaign!;
        Assert.All(campaign.Records, r => Assert.Equal(3, r.Attempts.Count));
        Assert.Equal(6, campaign.WaitingRecords.Count);
        Assert.All(campaign.WaitingRecords, r => Assert.Contains("reach the limit of 3 (Florida)", r.WaitReason!.Explanation, StringComparison.Ordinal));
        var all = new Interval(scenario.Start, scenario.End + Duration.FromHours(1));
        Assert.All(campaign.Records, r => Assert.Equal(3, report.CallHistory!.CallsTo(r.Numbers[0].Number, all).Count));
    }

    [Fact]
    public void The_same_campaign_scenario_gives_the_same_run()
    {
        var scenario = Scenario(11, TestCampaigns.RandomList(new Random(11), 150), s_eightInNewYork, Duration.FromHours(3), agents: 5);

        var first = Simulator.Run(scenario, new PacingSimulationDialer(new PredictivePacing()));
        var second = Simulator.Run(scenario, new PacingSimulationDialer(new PredictivePacing()));

        Assert.True(first.Counts.CallsPlaced > 100);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(
            first.Campaign!.Records.Select(r => (r.State, r.Disposition, r.EndReason, r.Attempts.Count)),
            second.Campaign!.Records.Select(r => (r.State, r.Disposition, r.EndReason, r.Attempts.Count)));
        output.WriteLine(first.ToString());
    }

    [Fact]
    public void Connected_records_get_a_configured_disposition_and_the_campaign_completes_when_every_record_is_done()
    {
        var options = TestCampaigns.ShortRetries with { RetryRules = new Dictionary<CampaignCallResult, RetryRule>() };
        var report = Simulator.Run(Scenario(6, TestCampaigns.ListIn(212, 30), s_eightInNewYork, Duration.FromHours(2), agents: 3, options), TestDialers.Progressive());

        var campaign = report.Campaign!;
        Assert.Equal(CampaignState.Completed, campaign.State);
        Assert.All(campaign.Records, r => Assert.True(r.IsDone));
        var completed = campaign.Records.Where(r => r.EndReason == RecordEndReason.Completed).ToList();
        Assert.Equal(report.Counts.Connected, completed.Count);
        Assert.All(completed, r => Assert.Contains(r.Disposition, new[] { "Sale", "Not interested" }));
        Assert.Contains(completed, r => r.Disposition == "Sale");
        Assert.Contains(completed, r => r.Disposition == "Not interested");
        Assert.Equal(0, report.Events.Count(e => e.Kind == SimulationEventKind.CallPlaced && e.Attempt > 1));
    }

    [Fact]
    public void A_campaign_and_a_list_size_together_are_refused()
    {
        var scenario = Scenario(1, TestCampaigns.ListIn(212, 3), s_eightInNewYork, Duration.FromHours(1), agents: 1) with { ListSize = 10 };

        var error = Assert.Throws<ArgumentException>(() => scenario.Validate());
        Assert.Contains("ListSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposition_the_options_do_not_know_is_refused()
    {
        var campaign = new SimulatedCampaign(TestCampaigns.ListIn(212, 3)) { Dispositions = ["Sale", "Maybe"] };

        var error = Assert.Throws<ArgumentException>(() => campaign.Validate());
        Assert.Contains("\"Maybe\"", error.Message, StringComparison.Ordinal);
    }

    // ----- the invariants ---------------------------------------------------------------------------

    /// <summary>Every call placed, with the campaign's task for it (matched by record and attempt).</summary>
    private static List<(SimulationEvent Placed, DialTask Task, Instant At)> Placements(SimulationReport report)
    {
        var tasks = report.CampaignEvents.OfType<CallingRecordDialled>().ToDictionary(d => (d.RecordId, d.Task.Attempt), d => d.Task);
        return report.Events.Where(e => e.Kind == SimulationEventKind.CallPlaced)
            .Select(e => (e, tasks[(report.Campaign!.Records[(int)e.RecordIndex].Id, e.Attempt)], e.At))
            .ToList();
    }

    /// <summary>Inside 08:00–21:00 local in every zone the number may ring in, computed here from the zones alone.</summary>
    private static void AssertDialsAreLegal(SimulationReport report)
    {
        var opens = new LocalTime(8, 0);
        var closes = new LocalTime(21, 0);
        foreach (var (placed, task, at) in Placements(report))
        {
            Assert.Equal(task.At, at);
            foreach (var zone in TestCampaigns.ExpectedZones(task.Number))
            {
                var local = at.InZone(zone).TimeOfDay;
                Assert.True(local >= opens && local < closes, $"record {task.RecordId} attempt {placed.Attempt} dialled at {local} in {zone.Id} ({at})");
            }
        }
    }

    /// <summary>From the log: a record is never placed while a call of it rings, waits or talks; every call ends.</summary>
    private static void AssertNeverTwiceAtOnce(SimulationReport report)
    {
        var inCall = new HashSet<long>();
        foreach (var e in report.Events)
        {
            switch (e.Kind)
            {
                case SimulationEventKind.CallPlaced:
                    Assert.True(inCall.Add(e.RecordIndex), $"record {e.RecordIndex} dialled again at {e.At} while a call of it was in progress");
                    break;
                case SimulationEventKind.CallAnsweringMachine or SimulationEventKind.CallBusy or SimulationEventKind.CallInvalid
                    or SimulationEventKind.CallNoAnswer or SimulationEventKind.CallAbandoned or SimulationEventKind.CallEnded:
                    Assert.True(inCall.Remove(e.RecordIndex), $"record {e.RecordIndex}: {e.Kind} without a call");
                    break;
                default:
                    break;
            }
        }

        Assert.Empty(inCall);
    }

    /// <summary>No call of a record is placed at or after the campaign completed it; a done record's attempts are its calls.</summary>
    private static void AssertNeverAfterTheFinalDisposition(SimulationReport report)
    {
        var campaign = report.Campaign!;
        var doneAt = report.CampaignEvents.OfType<CallingRecordCompleted>().ToDictionary(c => c.RecordId, c => c.At);
        var calls = report.Events.Where(e => e.Kind == SimulationEventKind.CallPlaced).ToLookup(e => campaign.Records[(int)e.RecordIndex].Id);
        foreach (var record in campaign.Records)
        {
            Assert.Equal(calls[record.Id].Count(), record.Attempts.Count);
            if (doneAt.TryGetValue(record.Id, out var done))
            {
                Assert.True(record.IsDone);
                Assert.All(calls[record.Id], c => Assert.True(c.At < done, $"record {record.Id} dialled at {c.At}, done at {done}"));
            }
            else
            {
                Assert.False(record.IsDone);
            }
        }
    }

    /// <summary>Abandons recounted from the event log match the counters, the metrics and the campaign's dropped results.</summary>
    private static void AssertAbandonsRecount(SimulationReport report)
    {
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
                    Assert.True(resolved.Add(e.CallId));
                    Assert.Equal(answered[e.CallId] + abandonAfter, e.At);
                    break;
                case SimulationEventKind.CallConnected:
                    connected++;
                    Assert.True(resolved.Add(e.CallId));
                    Assert.True(e.At - answered[e.CallId] <= abandonAfter);
                    break;
                default:
                    break;
            }
        }

        Assert.Equal(answered.Count, resolved.Count);
        Assert.Equal(abandoned, report.Counts.Abandoned);
        Assert.Equal(abandoned, report.Metrics.Abandoned);
        Assert.Equal(connected, report.Metrics.Connected);
        Assert.Equal(answered.Count, report.Metrics.LiveAnswers);
        Assert.Equal(answered.Count == 0 ? 0 : (double)abandoned / answered.Count, report.Metrics.AbandonRate, 12);

        var results = report.CampaignEvents.OfType<CallingRecordCallResult>().Select(r => r.Attempt.Result).ToList();
        Assert.Equal(abandoned, results.Count(r => r == CampaignCallResult.Dropped));
        long connectedAttempts = report.Campaign!.Records.SelectMany(r => r.Attempts).Count(a => a.Result == CampaignCallResult.LiveAnswer);
        Assert.Equal(connected, connectedAttempts);
    }

    private static void AssertEveryDialIsInTheCallHistory(SimulationReport report)
    {
        var all = new Interval(report.Scenario.Start, report.EndedAt + Duration.Epsilon);
        foreach (var group in Placements(report).GroupBy(p => p.Task.Number.Number))
        {
            Assert.Equal(group.Select(p => p.At).OrderBy(a => a), report.CallHistory!.CallsTo(group.Key, all).Select(c => c.PlacedAt).OrderBy(a => a));
        }
    }

    private static SimulationEventKind ExpectedKind(SimulatedCallOutcome outcome) => outcome switch
    {
        SimulatedCallOutcome.Live => SimulationEventKind.CallAnsweredLive,
        SimulatedCallOutcome.AnsweringMachine => SimulationEventKind.CallAnsweringMachine,
        SimulatedCallOutcome.Busy => SimulationEventKind.CallBusy,
        SimulatedCallOutcome.Invalid => SimulationEventKind.CallInvalid,
        _ => SimulationEventKind.CallNoAnswer,
    };
}
