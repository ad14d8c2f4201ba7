using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Pacing.Scoreboard.Dialers;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>The results of a scoreboard run, summarised per scenario and dialer, in a fixed order.</summary>
internal sealed class Scoreboard
{
    private Scoreboard(
        IReadOnlyList<ScoreboardCase> grid,
        IReadOnlyList<ScoreboardCase> beyond,
        IReadOnlyList<long> seeds,
        IReadOnlyList<DialerSpec> dialers,
        IReadOnlyList<CellSummary> cells)
    {
        Grid = grid;
        Beyond = beyond;
        Seeds = seeds;
        Dialers = dialers;
        Cells = cells;
    }

    public IReadOnlyList<ScoreboardCase> Grid { get; }

    public IReadOnlyList<ScoreboardCase> Beyond { get; }

    public IReadOnlyList<long> Seeds { get; }

    public IReadOnlyList<DialerSpec> Dialers { get; }

    /// <summary>Every (case, dialer) summary: grid cases first, then the cases beyond it, each in dialer order.</summary>
    public IReadOnlyList<CellSummary> Cells { get; }

    /// <summary>The summary of <paramref name="dialer"/> on <paramref name="scenario"/>, or null when it did not run.</summary>
    public CellSummary? Cell(ScoreboardCase scenario, string dialer) =>
        Cells.FirstOrDefault(c => ReferenceEquals(c.Case, scenario) && c.Dialer == dialer);

    /// <summary>Groups <paramref name="results"/> (any order) into summaries; the bound rows are computed.</summary>
    public static Scoreboard Build(
        IReadOnlyList<ScoreboardCase> grid,
        IReadOnlyList<ScoreboardCase> beyond,
        IReadOnlyList<long> seeds,
        IReadOnlyList<DialerSpec> dialers,
        IReadOnlyList<ShiftResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var byKey = results
            .GroupBy(r => (r.Case, r.Dialer))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ShiftResult>)g.OrderBy(r => r.Seed).ToList());
        var cells = new List<CellSummary>();
        foreach (var scenario in grid.Concat(beyond))
        {
            byKey.TryGetValue((scenario.Label, DialerCatalog.Progressive), out var progressive);
            foreach (var dialer in dialers)
            {
                if (dialer.IsBound)
                {
                    cells.Add(CellSummary.BoundOf(scenario, dialer.Name, ScoreboardCase.BoundOf(scenario.Build(seeds.Count > 0 ? seeds[0] : 1))));
                }
                else if (byKey.TryGetValue((scenario.Label, dialer.Name), out var shifts))
                {
                    cells.Add(CellSummary.Of(scenario, dialer.Name, shifts, dialer.Name == DialerCatalog.Progressive ? null : progressive));
                }
            }
        }

        return new Scoreboard(grid, beyond, seeds, dialers, cells);
    }

    /// <summary>Total refused commands over every shift (a defect of the harness or the SDK when not 0).</summary>
    public int Refusals => Cells.Sum(c => c.Shifts.Sum(s => s.Refusals));
}
