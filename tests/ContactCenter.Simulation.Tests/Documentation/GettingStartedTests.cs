using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Simulation.Tests.Documentation;

/// <summary>
/// The examples of docs/getting-started.md, run: each is the text between its markers below, shown
/// verbatim in the guide (writing to <c>Console</c> there, to an injected writer here), and what its
/// comments say it prints is what it prints.
/// </summary>
public sealed class GettingStartedTests
{
    [Fact]
    public void An_agent_and_a_call_print_what_the_guide_says()
    {
        using var console = new StringWriter { NewLine = "\n" };

        AgentAndCall(console);

        Assert.Equal(
            string.Join("\n",
                "Ready",
                "Accept, Reject",
                "Talking / Busy",
                "Done / AfterCallWork",
                "Ready",
                ""),
            console.ToString());
    }

    [Fact]
    public void A_first_shift_compares_progressive_and_predictive()
    {
        using var console = new StringWriter { NewLine = "\n" };

        FirstShift(console);

        var lines = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var pattern = new Regex(@"^(?<name>\S+) +(?<calls>\d+) calls, occupancy (?<occupancy>\d+) %, abandoned (?<abandon>\d+\.\d) %$");
        var rows = lines.Select(l => pattern.Match(l)).ToList();
        Assert.All(rows, r => Assert.True(r.Success, $"unexpected line: {r.Value}"));
        Assert.Equal(["progressive", "predictive"], rows.Select(r => r.Groups["name"].Value));
        int occupancyOf(Match r) => int.Parse(r.Groups["occupancy"].Value, CultureInfo.InvariantCulture);
        Assert.True(occupancyOf(rows[1]) >= occupancyOf(rows[0]), "predictive keeps at least as many agents talking as progressive");
        Assert.True(double.Parse(rows[1].Groups["abandon"].Value, CultureInfo.InvariantCulture) <= 3.0);
    }

    [Theory]
    [InlineData("agent-and-call")]
    [InlineData("first-shift")]
    public void The_guide_shows_the_example_verbatim(string name)
    {
        string source = File.ReadAllText(Path.Combine(Root(), "tests", "ContactCenter.Simulation.Tests", "Documentation", "GettingStartedTests.cs"));
        string guide = File.ReadAllText(Path.Combine(Root(), "docs", "getting-started.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains(Snippet(source, name), guide, StringComparison.Ordinal);
    }

    private static void AgentAndCall(TextWriter console)
    {
        // <agent-and-call>
        var time = new VirtualTimeSource(Instant.FromUtc(2026, 3, 2, 8, 0));
        var alice = new Agent("alice", new AgentOptions(), time);
        alice.LogIn();
        alice.SetReady();
        console.WriteLine(alice.State);                                    // Ready

        var options = new InteractionOptions { Dispositions = ["Resolved", "CallBackLater"], TimeSource = time };
        var call = Interaction.Create(
            new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33 1 23 45 67 89") { AgentAddress = "alice" },
            options);
        using var link = AgentInteractionLink.Follow(alice, call, "support"); // keeps alice in step with the call
        alice.Reserve(call.Id, MediaType.Voice, "support");                 // the router offers the call to alice
        console.WriteLine(string.Join(", ", call.PermittedCommands));       // Accept, Reject

        call.Accept();
        console.WriteLine($"{call.State} / {alice.State}");                 // Talking / Busy
        call.Hold();
        call.Resume();
        call.Disconnect();
        call.SetDisposition("Resolved");
        call.MarkDone();
        console.WriteLine($"{call.State} / {alice.State}");                 // Done / AfterCallWork
        time.AdvanceBy(Duration.FromMinutes(1));                            // after-call work ends on the clock
        console.WriteLine(alice.State);                                    // Ready
        // </agent-and-call>
    }

    private static void FirstShift(TextWriter console)
    {
        // <first-shift>
        var shift = new SimulationScenario { Name = "first shift", Seed = 42, ShiftLength = Duration.FromHours(1) }
            .WithTeam(10, Distribution.Constant(15));                     // 10 agents, 15 s of wrap-up
        foreach (IPacingStrategy pacer in new IPacingStrategy[] { new ProgressivePacing(), new PredictivePacing() })
        {
            SimulationReport report = Simulator.Run(shift, new PacingSimulationDialer(pacer));
            SimulationMetrics m = report.Metrics;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pacer.Name,-12} {m.CallsPlaced,4} calls, occupancy {m.Occupancy * 100:F0} %, abandoned {m.AbandonRate * 100:F1} %"));
        }
        // </first-shift>
    }

    private static string Snippet(string source, string name)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == $"// <{name}>") + 1;
        int end = Array.FindIndex(lines, l => l.Trim() == $"// </{name}>");
        var body = lines[start..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()))
            .Replace("console.", "Console.", StringComparison.Ordinal);
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ContactCenter.Core.sln not found above {AppContext.BaseDirectory}.");
    }
}
