using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactCenter.Pacing.Scoreboard.Dialers;

namespace ContactCenter.Pacing.Scoreboard;

internal static class Program
{
    private static int Main(string[] args)
    {
        ScoreboardOptions options;
        try
        {
            options = ScoreboardOptions.Parse(args);
        }
        catch (ArgumentException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            Console.Error.WriteLine(ScoreboardOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(ScoreboardOptions.Usage);
            return 0;
        }

        var dialers = DialerCatalog.Select(options.Dialers);
        var grid = ScoreboardGrid.Cells(options.Agents, options.Rates);
        var beyond = options.Beyond ? ScoreboardGrid.Beyond() : [];
        var jobs = GridRunner.Jobs(grid.Concat(beyond), options.Seeds, dialers);
        Console.Error.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "Scoreboard: {0} grid cells, {1} beyond, {2} seeds, {3} dialers: {4} shifts on {5} workers.",
            grid.Count, beyond.Count, options.Seeds.Count, dialers.Count, jobs.Count, Math.Min(options.Workers, Environment.ProcessorCount)));

        var watch = Stopwatch.StartNew();
        int lastPercent = -1;
        var results = GridRunner.RunAll(jobs, options.Workers, (done, total) =>
        {
            int percent = done * 10 / total * 10;
            if (percent != lastPercent)
            {
                lastPercent = percent;
                Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0} / {1} shifts, {2:0.0} s", done, total, watch.Elapsed.TotalSeconds));
            }
        });
        watch.Stop();

        var board = Scoreboard.Build(grid, beyond, options.Seeds, dialers, results);
        string command = "dotnet run -c Release --project benchmarks/ContactCenter.Pacing.Scoreboard -- " + string.Join(" ", args);
        string markdown = MarkdownReport.Write(board, command);
        if (options.OutputDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "scoreboard.md"), markdown);
            File.WriteAllText(Path.Combine(directory, "scoreboard.svg"), SvgPlot.Write(board));
            Console.WriteLine("Wrote " + Path.Combine(directory, "scoreboard.md") + " and scoreboard.svg.");
        }
        else
        {
            Console.WriteLine(markdown);
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} shifts in {1:0.0} s of wall time.", jobs.Count, watch.Elapsed.TotalSeconds));
        if (board.Refusals > 0)
        {
            Console.Error.WriteLine($"{board.Refusals} commands were refused by the real aggregates: a defect of the harness or the SDK.");
            return 1;
        }

        if (options.RequireGoal)
        {
            var missed = grid
                .Select(c => board.Cell(c, DialerCatalog.Ours))
                .OfType<CellSummary>()
                .Where(c => !GoalReference.Judge(c).Met)
                .Select(c => c.Case.Label)
                .ToList();
            if (missed.Count > 0)
            {
                Console.Error.WriteLine("Goal missed in: " + string.Join("; ", missed) + ".");
                return 1;
            }
        }

        return 0;
    }
}
