using System.Linq;
using System.Xml.Linq;
using ContactCenter.Pacing.Scoreboard.Dialers;
using NodaTime;
using Xunit;

namespace ContactCenter.Pacing.Scoreboard.Tests;

public class GridRunnerTests
{
    /// <summary>A one-hour grid of two small cells, so that every dialer runs in well under a second.</summary>
    private static ScoreboardCase[] SmallGrid() =>
        ScoreboardGrid.Cells([4, 8], [0.30])
            .Select(c => c with { Build = seed => c.Build(seed) with { ShiftLength = Duration.FromHours(1) } })
            .ToArray();

    [Fact]
    public void Jobs_are_every_case_seed_and_simulated_dialer_in_a_fixed_order()
    {
        var jobs = GridRunner.Jobs(SmallGrid(), [1, 2], DialerCatalog.All);

        Assert.Equal(2 * 2 * 5, jobs.Count);
        Assert.DoesNotContain(jobs, j => j.Dialer.IsBound);
        Assert.Equal(("N=4 p=0.30", 1L, "preview"), (jobs[0].Case.Label, jobs[0].Seed, jobs[0].Dialer.Name));
        Assert.Equal(("N=8 p=0.30", 2L, "predictive"), (jobs[^1].Case.Label, jobs[^1].Seed, jobs[^1].Dialer.Name));
    }

    [Fact]
    public void Results_and_the_written_files_do_not_depend_on_the_number_of_workers()
    {
        var grid = SmallGrid();
        var jobs = GridRunner.Jobs(grid, [1, 2], DialerCatalog.All);

        var serial = GridRunner.RunAll(jobs, workers: 1);
        var parallel = GridRunner.RunAll(jobs, workers: 2);

        Assert.Equal(serial, parallel);
        var a = Scoreboard.Build(grid, [], [1, 2], DialerCatalog.All, serial);
        var b = Scoreboard.Build(grid, [], [1, 2], DialerCatalog.All, parallel.Reverse().ToList());
        Assert.Equal(MarkdownReport.Write(a, "cmd"), MarkdownReport.Write(b, "cmd"));
        Assert.Equal(SvgPlot.Write(a), SvgPlot.Write(b));
        Assert.Equal(0, a.Refusals);
    }

    [Fact]
    public void The_scoreboard_compares_every_dialer_with_progressive_and_the_bound()
    {
        var grid = SmallGrid();
        var board = Scoreboard.Build(grid, [], [1], DialerCatalog.All, GridRunner.RunAll(GridRunner.Jobs(grid, [1], DialerCatalog.All), 2));

        Assert.Equal(2 * 6, board.Cells.Count);
        var progressive = board.Cell(grid[1], DialerCatalog.Progressive)!;
        var bound = board.Cell(grid[1], DialerCatalog.Clairvoyant)!;
        Assert.Equal(0d, progressive.MaxAbandonRate);
        Assert.True(progressive.OfBound is > 0.3 and < 1d);
        Assert.Equal(1d, bound.OfBound);
        Assert.Equal(0, board.Cell(grid[1], DialerCatalog.FixedRatio)!.ShiftsBelowProgressive);

        string markdown = MarkdownReport.Write(board, "dotnet run");
        Assert.Contains("## Goal: ours against the reference", markdown);
        Assert.Contains("| N=8 p=0.30 | vicidial-adaptive |", markdown);

        var svg = XDocument.Parse(SvgPlot.Write(board));
        XNamespace ns = "http://www.w3.org/2000/svg";
        // One line per dialer in the single panel, and one legend entry per dialer plus the goal.
        Assert.Equal(6, svg.Descendants(ns + "polyline").Count());
        Assert.Equal(7, svg.Root!.Elements(ns + "line").Count());
    }
}
