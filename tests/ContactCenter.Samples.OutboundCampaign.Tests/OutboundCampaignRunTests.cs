using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ContactCenter.Core.Campaigns;
using ContactCenter.Simulation;
using Xunit;
using static ContactCenter.Samples.Testing.SampleOutput;

namespace ContactCenter.Samples.OutboundCampaign.Tests;

/// <summary>
/// The sample's output is part of the documentation: it is compared with the committed expected-output.txt. After an
/// intended change, run the tests once with CONTACTCENTER_UPDATE_SAMPLES=1 to rewrite that file, and review its diff.
/// </summary>
public sealed partial class OutboundCampaignRunTests
{
    private const string ExpectedOutputFile = "expected-output.txt";
    private const string UpdateVariable = "CONTACTCENTER_UPDATE_SAMPLES";

    private static readonly Lazy<(string Output, SimulationReport Report)> s_run = new(() => RunCampaign());

    [Fact]
    public void Output_matches_the_committed_expected_output()
    {
        string actual = s_run.Value.Output;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory("ContactCenter.Samples.OutboundCampaign.Tests"), ExpectedOutputFile), actual);
            return;
        }

        string expected = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, ExpectedOutputFile)));
        if (expected != actual)
        {
            Assert.Fail($"The outbound campaign's output differs from {ExpectedOutputFile}: {FirstDifference(expected, actual)}\n" +
                "The numbers come from the real PredictivePacing: they change whenever the pacer's defaults or the campaign's " +
                "delivery change. If the change is intended, regenerate the file: run the tests with " +
                $"{UpdateVariable}=1 and review the diff of {ExpectedOutputFile}.");
        }
    }

    [Fact]
    public void Output_shows_no_phone_number_in_clear()
    {
        string output = s_run.Value.Output;
        string digits = DigitsOf(output);

        foreach (var number in OutboundCampaignRun.List().Records.SelectMany(r => r.Numbers))
        {
            Assert.DoesNotContain(number.Number.E164, output, StringComparison.Ordinal);
            Assert.DoesNotContain(number.Number.NationalNumber, digits, StringComparison.Ordinal);
        }

        Assert.False(NorthAmericanNumberLike().IsMatch(output), $"Something like a phone number was printed: \"{NorthAmericanNumberLike().Match(output).Value}\".");
    }

    [Fact]
    public void Two_runs_print_the_same()
    {
        Assert.Equal(s_run.Value.Output, RunCampaign().Output);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        // A culture with other separators everywhere (built by hand: no ICU data needed).
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NumberGroupSeparator = ".";
        odd.NumberFormat.PercentDecimalSeparator = ",";
        odd.NumberFormat.NegativeSign = "~";
        odd.DateTimeFormat.TimeSeparator = ".";
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = odd;
            Assert.Equal(s_run.Value.Output, RunCampaign().Output);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_run_prints_a_progress_line_every_quarter_hour_and_the_report()
    {
        string output = s_run.Value.Output;

        foreach (string time in new[] { "08:45", "09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30" })
        {
            Assert.Contains("\n" + time + " ", output, StringComparison.Ordinal);
        }

        Assert.Contains("\nCalls by result\n", output, StringComparison.Ordinal);
        Assert.Contains("\nRecords by end reason\n", output, StringComparison.Ordinal);
        Assert.Contains("America/Los_Angeles (US federal)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_campaign_is_sound_the_west_coast_waits_and_retries_happen()
    {
        var report = s_run.Value.Report;
        var campaign = report.Campaign!;

        Assert.Empty(report.Refusals);
        Assert.Equal(report.Metrics.LiveAnswers, report.Metrics.Connected + report.Metrics.Abandoned);
        Assert.True(report.Metrics.Connected > 300, $"{report.Metrics.Connected} connected");
        Assert.Contains(report.Events, e => e.Kind == SimulationEventKind.CallPlaced && e.Attempt > 1);
        Assert.Contains(campaign.Records, r => r.State == CallingRecordState.Scheduled);
        Assert.Contains(campaign.WaitingRecords, r => r.WaitReason!.Explanation.Contains("America/Los_Angeles", StringComparison.Ordinal));
        Assert.Equal(CampaignState.Paused, campaign.State);
    }

    [Fact]
    public void The_smoke_run_is_shorter_and_passes()
    {
        var report = OutboundCampaignRun.Run(TextWriter.Null, OutboundCampaignRun.SmokeShiftLength);

        Assert.Equal(OutboundCampaignRun.SmokeShiftLength, report.Scenario.ShiftLength);
        Assert.True(report.Metrics.Connected > 0);
    }

    private static (string Output, SimulationReport Report) RunCampaign()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var report = OutboundCampaignRun.Run(output);
        return (Normalize(output.ToString()), report);
    }

    /// <summary>A North American number: +1 or 1, then ten digits, possibly separated by spaces, dots, dashes or brackets.</summary>
    [GeneratedRegex(@"\+?1?[ .\-(]*\d{3}[ .\-)]*\d{3}[ .\-]*\d{4}")]
    private static partial Regex NorthAmericanNumberLike();
}
