using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;
using ContactCenter.Pacing.Scoreboard.Dialers;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>
/// Writes <c>scoreboard.svg</c> by hand: occupancy as % of the clairvoyant bound against the number of
/// agents (log scale), one panel per p, one line per dialer, and the goal's reference as a dashed line.
/// </summary>
internal static class SvgPlot
{
    private const double PanelWidth = 300;
    private const double PanelHeight = 260;
    private const double Left = 60;
    private const double Top = 74;
    private const double Gap = 40;
    private const double LegendHeight = 64;

    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, string> s_colours = new(StringComparer.Ordinal)
    {
        [DialerCatalog.Preview] = "#bcbd22",
        [DialerCatalog.Progressive] = "#1f77b4",
        [DialerCatalog.FixedRatio] = "#ff7f0e",
        [DialerCatalog.Adaptive] = "#9467bd",
        [DialerCatalog.Ours] = "#d62728",
        [DialerCatalog.Clairvoyant] = "#2ca02c",
    };

    public static string Write(Scoreboard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var rates = board.Grid.Select(c => c.LiveAnswerProbability).Distinct().ToList();
        var agents = board.Grid.Select(c => c.Agents).Distinct().OrderBy(n => n).ToList();
        double width = Left + (rates.Count * (PanelWidth + Gap)) + 20;
        double height = Top + PanelHeight + 50 + LegendHeight;
        var values = board.Cells.Where(c => board.Grid.Contains(c.Case)).Select(c => c.OfBound * 100d).ToList();
        double yMin = values.Count == 0 ? 0d : Math.Max(0d, Math.Floor((values.Min() - 5d) / 10d) * 10d);
        const double YMax = 105d;

        var svg = new StringBuilder();
        Add(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"12\">", N(width), N(height));
        Add(svg, "<rect x=\"0\" y=\"0\" width=\"{0}\" height=\"{1}\" fill=\"white\"/>", N(width), N(height));
        Add(svg, "<text x=\"{0}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Occupancy as % of the clairvoyant bound, by team size</text>", N(Left));
        Add(svg, "<text x=\"{0}\" y=\"44\" fill=\"#555\">4-hour shifts, mean of seeds {1}; x: agents (log scale)</text>", N(Left), Escape(string.Join(", ", board.Seeds)));

        for (int panel = 0; panel < rates.Count; panel++)
        {
            double x0 = Left + (panel * (PanelWidth + Gap));
            double p = rates[panel];
            double xOf(int n) => agents.Count < 2
                ? x0 + (PanelWidth / 2)
                : x0 + 20 + ((PanelWidth - 40) * (Math.Log(n) - Math.Log(agents[0])) / (Math.Log(agents[^1]) - Math.Log(agents[0])));
            double yOf(double percent) => Top + (PanelHeight * (YMax - Math.Clamp(percent, yMin, YMax)) / (YMax - yMin));

            Add(svg, "<g>");
            Add(svg, "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" font-weight=\"bold\">p = {2}</text>", N(x0 + (PanelWidth / 2)), N(Top - 6), p.ToString("0.00", s_inv));
            for (double tick = yMin; tick <= 100d + 1e-9; tick += 10d)
            {
                Add(svg, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#e5e5e5\"/>", N(x0), N(yOf(tick)), N(x0 + PanelWidth));
                if (panel == 0)
                {
                    Add(svg, "<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\">{2}</text>", N(x0 - 6), N(yOf(tick) + 4), N(tick));
                }
            }

            Add(svg, "<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{3}\" fill=\"none\" stroke=\"#333\"/>", N(x0), N(Top), N(PanelWidth), N(PanelHeight));
            foreach (int n in agents)
            {
                Add(svg, "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}</text>", N(xOf(n)), N(Top + PanelHeight + 16), n.ToString(s_inv));
            }

            Add(svg, "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" fill=\"#555\">agents</text>", N(x0 + (PanelWidth / 2)), N(Top + PanelHeight + 32));

            var goal = agents
                .Select(n => (n, GoalReference.OfBoundPercent(n, p)))
                .Where(point => point.Item2 is not null)
                .Select(point => (point.n, point.Item2!.Value))
                .ToList();
            if (goal.Count > 1)
            {
                Add(svg, "<polyline fill=\"none\" stroke=\"#777\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\" points=\"{0}\"/>",
                    string.Join(" ", goal.Select(point => N(xOf(point.n)) + "," + N(yOf(point.Value)))));
            }

            foreach (var dialer in board.Dialers)
            {
                var points = agents
                    .Select(n => board.Grid.FirstOrDefault(c => c.Agents == n && c.LiveAnswerProbability == p))
                    .OfType<ScoreboardCase>()
                    .Select(c => board.Cell(c, dialer.Name))
                    .OfType<CellSummary>()
                    .Select(c => (X: xOf(c.Case.Agents), Y: yOf(c.OfBound * 100d)))
                    .ToList();
                if (points.Count == 0)
                {
                    continue;
                }

                string colour = Colour(dialer.Name);
                string stroke = dialer.Name == DialerCatalog.Ours ? "3" : "1.8";
                Add(svg, "<polyline fill=\"none\" stroke=\"{0}\" stroke-width=\"{1}\" points=\"{2}\"/>",
                    colour, stroke, string.Join(" ", points.Select(point => N(point.X) + "," + N(point.Y))));
                foreach (var (x, y) in points)
                {
                    Add(svg, "<circle cx=\"{0}\" cy=\"{1}\" r=\"3.5\" fill=\"{2}\"/>", N(x), N(y), colour);
                }
            }

            Add(svg, "</g>");
        }

        Add(svg, "<text x=\"14\" y=\"{0}\" transform=\"rotate(-90 14 {0})\" text-anchor=\"middle\" fill=\"#555\">occupancy, % of bound</text>", N(Top + (PanelHeight / 2)));

        double legendY = Top + PanelHeight + 56;
        var entries = board.Dialers.Select(d => (Label: d.Name == DialerCatalog.Ours ? d.Name + " (ours)" : d.Name, Colour: Colour(d.Name), Dashed: false))
            .Append((Label: "goal (reference)", Colour: "#777", Dashed: true))
            .ToList();
        const int PerRow = 4;
        for (int i = 0; i < entries.Count; i++)
        {
            double x = Left + ((i % PerRow) * 190);
            double y = legendY + ((i / PerRow) * 22);
            var entry = entries[i];
            Add(svg, "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\" stroke-width=\"2.5\"{4}/>",
                N(x), N(y), N(x + 28), entry.Colour, entry.Dashed ? " stroke-dasharray=\"5 4\"" : "");
            Add(svg, "<text x=\"{0}\" y=\"{1}\">{2}</text>", N(x + 34), N(y + 4), Escape(entry.Label));
        }

        Add(svg, "</svg>");
        return svg.ToString();
    }

    private static string Colour(string dialer) => s_colours.TryGetValue(dialer, out string? colour) ? colour : "#000000";

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", s_inv);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static void Add(StringBuilder svg, string format, params object?[] args) =>
        svg.Append(string.Format(s_inv, format, args)).Append('\n');
}
