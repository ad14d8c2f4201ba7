using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Pacing;
using ContactCenter.Simulation;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Samples.OutboundCampaign;

/// <summary>
/// A predictive campaign in virtual time: 20 agents work a list of 3,000 records across the US for two hours, the
/// real <see cref="Campaign"/> hands out only the records whose legal calling window is open, the real
/// <see cref="PredictivePacing"/> decides how many calls to place, and the simulated network answers (live people,
/// answering machines, busy lines, invalid numbers, no answers). Prints a progress line every 15 simulated minutes,
/// then the report.
/// </summary>
/// <remarks>
/// The run starts at 08:30 in New York on a Tuesday: Chicago's window opens half an hour later, Denver's and
/// Phoenix's after an hour and a half, Los Angeles's only after the two hours, so the west coast waits. The run is
/// deterministic (seeded network, virtual clock, culture-invariant formatting): the output is the same on every run
/// and every machine — until the predictive pacer's defaults change.
/// </remarks>
public static class OutboundCampaignRun
{
    /// <summary>The seed of the network's draws and of the list.</summary>
    public const int Seed = 2026;

    /// <summary>How many agents.</summary>
    public const int Agents = 20;

    /// <summary>How many records.</summary>
    public const int Records = 3_000;

    /// <summary>The zone the progress lines are printed in (the centre's).</summary>
    public const string CentreZone = "America/New_York";

    private static readonly LocalTimePattern s_time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDateTimePattern s_dateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm");

    /// <summary>The length of the campaign: two hours.</summary>
    public static Duration ShiftLength { get; } = Duration.FromHours(2);

    /// <summary>The length of the smoke run (<c>--smoke</c>): 30 minutes.</summary>
    public static Duration SmokeShiftLength { get; } = Duration.FromMinutes(30);

    /// <summary>Tuesday 3 March 2026, 08:30 in New York (13:30 UTC).</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 3, 3, 13, 30);

    /// <summary>The calling list (personal data: the numbers are never printed in clear).</summary>
    /// <returns>The list.</returns>
    public static CallingList List() => UsCallingList.Create(Records, Seed);

    /// <summary>The campaign's policy: retries within the day for busy lines, no answers, machines and dropped calls.</summary>
    public static CampaignOptions Options { get; } = new()
    {
        RetryRules = new Dictionary<CampaignCallResult, RetryRule>
        {
            [CampaignCallResult.Busy] = new(Duration.FromMinutes(5), 3),
            [CampaignCallResult.NoAnswer] = new(Duration.FromMinutes(30), 3),
            [CampaignCallResult.AnsweringMachine] = new(Duration.FromHours(1), 2),
            [CampaignCallResult.Dropped] = new(Duration.FromMinutes(10), 3),
        },
        MaxAttemptsPerRecord = 6,
    };

    /// <summary>The scenario: 20 agents, the list in a real campaign with the default US compliance profile, the network.</summary>
    /// <param name="shiftLength">How long the dialer may place calls.</param>
    /// <returns>The scenario.</returns>
    public static SimulationScenario Scenario(Duration shiftLength) =>
        new SimulationScenario { Name = "spring", Seed = Seed, Start = Start, ShiftLength = shiftLength }
            .WithTeam(Agents, Distribution.Uniform(10, 30))
            .WithNetwork(n => n with
            {
                LiveAnswerProbability = 0.30,
                AnsweringMachineProbability = 0.20,
                BusyProbability = 0.05,
                InvalidProbability = 0.02,
            })
            .WithCampaign(new SimulatedCampaign(List())
            {
                Id = "spring-2026",
                Name = "Spring offer",
                Options = Options,
                Dispositions = ["Sale", "Not interested", "Wrong person"],
            });

    /// <summary>Runs the two-hour campaign, printing its progress and its report to <paramref name="output"/>.</summary>
    /// <param name="output">Where to print.</param>
    /// <returns>The simulation's report.</returns>
    /// <exception cref="InvalidOperationException">The run was not sound (a command was refused, nothing was connected).</exception>
    public static SimulationReport Run(TextWriter output) => Run(output, ShiftLength);

    /// <summary>Runs the campaign for <paramref name="shiftLength"/>, printing its progress and its report to <paramref name="output"/>.</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="shiftLength">How long the dialer may place calls.</param>
    /// <returns>The simulation's report.</returns>
    /// <exception cref="InvalidOperationException">The run was not sound (a command was refused, nothing was connected).</exception>
    public static SimulationReport Run(TextWriter output, Duration shiftLength)
    {
        ArgumentNullException.ThrowIfNull(output);
        var zone = DateTimeZoneProviders.Tzdb[CentreZone];
        var scenario = Scenario(shiftLength);
        var dialer = new PacingSimulationDialer(new PredictivePacing());

        output.WriteLine(Invariant($"Outbound campaign \"Spring offer\": predictive pacing, {Agents} agents, {Records:N0} records, {Hours(shiftLength)} from {s_dateTime.Format(Start.InZone(zone).LocalDateTime)} ({CentreZone})"));
        var n = scenario.Network;
        output.WriteLine(Invariant($"Network: {n.LiveAnswerProbability:P0} live, {n.AnsweringMachineProbability:P0} answering machines, {n.BusyProbability:P0} busy, {n.InvalidProbability:P0} invalid, the rest no answer (rings out at {n.NoAnswerTimeout.TotalSeconds:F0} s); a live contact hangs up after {n.AbandonAfter.TotalSeconds:F0} s without an agent"));
        output.WriteLine("Retries: " + string.Join(", ", Options.RetryRules.OrderBy(r => r.Key).Select(r => Invariant($"{r.Key} after {Minutes(r.Value.Delay)} (at most {r.Value.MaxAttempts})"))) + Invariant($"; at most {Options.MaxAttemptsPerRecord} attempts a record"));
        output.WriteLine("Compliance: the default profile (US federal 08:00-21:00, Florida 08:00-20:00 and 3 calls a day), in every zone a number may ring in");
        output.WriteLine();
        output.WriteLine(" time  records done  dials  connects  abandon  talk min/agent h  talking");

        var report = Simulator.Run(scenario, dialer, Duration.FromMinutes(15), progress => output.WriteLine(ProgressLine(progress, zone)));

        output.WriteLine();
        WriteReport(output, report, dialer, zone);
        Check(report);
        return report;
    }

    /// <summary>One progress line: the time in the centre's zone, records done, dials, connects, abandon rate, talk per agent hour, agents talking.</summary>
    private static string ProgressLine(SimulationProgress progress, DateTimeZone zone)
    {
        var state = progress.State;
        int done = progress.Campaign!.Records.Count(r => r.IsDone);
        return Invariant($"{s_time.Format(progress.At.InZone(zone).TimeOfDay),5}  {done,12:N0}  {state.CallsPlaced,5:N0}  {state.Connected,8:N0}  {progress.Metrics.AbandonRate,7:P2}  {progress.Metrics.TalkMinutesPerAgentHour,16:F2}  {state.TalkingAgents,4}/{state.LoggedInAgents}");
    }

    private static void WriteReport(TextWriter output, SimulationReport report, PacingSimulationDialer dialer, DateTimeZone zone)
    {
        var m = report.Metrics;
        var campaign = report.Campaign!;
        output.WriteLine(Invariant($"Report (from {s_time.Format(report.Window.Start.InZone(zone).TimeOfDay)} to {s_time.Format(report.EndedAt.InZone(zone).TimeOfDay)}, the last calls and wrap-ups included)"));
        output.WriteLine(Invariant($"  agent hours                 {m.AgentHours,10:F2}"));
        output.WriteLine(Invariant($"  talk minutes per agent hour {m.TalkMinutesPerAgentHour,10:F2}"));
        output.WriteLine(Invariant($"  occupancy                   {m.Occupancy,10:P1}"));
        output.WriteLine(Invariant($"  utilisation                 {m.Utilisation,10:P1}"));
        output.WriteLine(Invariant($"  dials per agent hour        {m.DialsPerAgentHour,10:F1}"));
        output.WriteLine(Invariant($"  abandon rate                {m.AbandonRate,10:P2}  ({m.Abandoned} of {m.LiveAnswers} live answers)"));
        output.WriteLine(Invariant($"  agent wait per connect      {m.AgentWaitPerConnectedCall.TotalSeconds,8:F1} s"));
        output.WriteLine(Invariant($"  contact wait (mean / max)   {m.MeanContactWait.TotalSeconds,8:F2} s / {m.MaxContactWait.TotalSeconds:F2} s"));
        output.WriteLine("  pacing decisions            " + string.Join(", ", dialer.DecisionReasons.OrderBy(r => r.Key).Select(r => Invariant($"{r.Key} {r.Value:N0}"))));
        output.WriteLine();

        output.WriteLine("Calls by result");
        Row(output, "live answer, connected", m.Connected, m.CallsPlaced);
        Row(output, "live answer, abandoned", m.Abandoned, m.CallsPlaced);
        Row(output, "answering machine", m.AnsweringMachines, m.CallsPlaced);
        Row(output, "busy", m.BusyLines, m.CallsPlaced);
        Row(output, "invalid number", m.InvalidNumbers, m.CallsPlaced);
        Row(output, "no answer", m.NoAnswers, m.CallsPlaced);
        Row(output, "all calls", m.CallsPlaced, m.CallsPlaced);
        int retries = report.Events.Count(e => e.Kind == SimulationEventKind.CallPlaced && e.Attempt > 1);
        output.WriteLine(Invariant($"  ({retries:N0} of them retries: attempt 2 or later)"));
        output.WriteLine();

        output.WriteLine("Records by end reason");
        var records = campaign.Records;
        foreach (var group in records.Where(r => r.IsDone).GroupBy(r => (r.EndReason, r.Disposition)).OrderBy(g => g.Key.EndReason).ThenBy(g => g.Key.Disposition, StringComparer.Ordinal))
        {
            Row(output, Invariant($"done: {group.Key.EndReason} ({group.Key.Disposition})"), group.Count(), records.Count);
        }

        Row(output, "scheduled for a retry", records.Count(r => r.State == CallingRecordState.Scheduled), records.Count);
        Row(output, "never dialled", records.Count(r => r.State == CallingRecordState.Ready && r.Attempts.Count == 0), records.Count);
        Row(output, "all records", records.Count, records.Count);
        output.WriteLine();

        // A record waits with its explanation once the campaign has looked at it; records further down the list are
        // not looked at before their turn, and a wait whose window opened before the end is no longer one.
        var end = report.Scenario.End;
        var waiting = campaign.WaitingRecords.Where(r => r.WaitReason!.NextOpeningAt is not { } opens || opens > end).ToList();
        output.WriteLine(Invariant($"Records still waiting to be dialled legally at the end of the shift: {waiting.Count:N0} (among the records the campaign reached)"));
        foreach (var group in waiting.GroupBy(r => r.WaitReason!.NextOpeningAt).OrderBy(g => g.Key ?? Instant.MaxValue))
        {
            string opens = group.Key is { } at ? "until " + s_dateTime.Format(at.InZone(zone).LocalDateTime) + " in " + CentreZone : "no opening known";
            output.WriteLine(Invariant($"  {group.Count(),6:N0}  {opens}"));
        }

        // One example for the calling window, and one for the other reasons (a frequency cap) when there are some.
        var first = waiting.OrderBy(r => r.WaitReason!.NextOpeningAt ?? Instant.MaxValue).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();
        var last = waiting.OrderByDescending(r => r.WaitReason!.NextOpeningAt ?? Instant.MaxValue).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();
        foreach (var example in new[] { first, last }.Distinct())
        {
            if (example is not null && (example == first || example.WaitReason!.Explanation.Contains("limit", StringComparison.Ordinal)))
            {
                output.WriteLine(Invariant($"  for example {example.Id}: {example.WaitReason!.Explanation}"));
            }
        }
    }

    /// <summary>Throws when the run is not sound: what <c>--smoke</c> checks.</summary>
    private static void Check(SimulationReport report)
    {
        if (report.Refusals.Count > 0)
        {
            throw new InvalidOperationException("A command was refused: " + report.Refusals[0]);
        }

        if (report.Metrics.Connected == 0 || report.Campaign is not { } campaign || !campaign.Records.Any(r => r.IsDone))
        {
            throw new InvalidOperationException("The campaign connected no call.");
        }

        if (report.Metrics.LiveAnswers != report.Metrics.Connected + report.Metrics.Abandoned)
        {
            throw new InvalidOperationException("A live answer was neither connected nor abandoned.");
        }
    }

    private static void Row(TextWriter output, string label, long count, long total) =>
        output.WriteLine(Invariant($"  {label,-40} {count,6:N0}  {(total == 0 ? 0 : (double)count / total),7:P1}"));

    private static string Hours(Duration length) => length.TotalHours >= 1 && length.Minutes == 0
        ? Invariant($"{length.TotalHours:F0} h")
        : Invariant($"{length.TotalMinutes:F0} min");

    private static string Minutes(Duration delay) => delay.TotalMinutes >= 60 && delay.TotalMinutes % 60 == 0
        ? Invariant($"{delay.TotalHours:F0} h")
        : Invariant($"{delay.TotalMinutes:F0} min");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
