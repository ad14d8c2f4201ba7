using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Pacing.Scoreboard.Dialers;

namespace ContactCenter.Pacing.Scoreboard;

/// <summary>The command line of the scoreboard.</summary>
internal sealed record ScoreboardOptions
{
    public const string Usage = """
        Usage: ContactCenter.Pacing.Scoreboard [options]
          --quick              a smoke run: N = 10 and 25, p = 0.30, seeds 1-2, no scenarios beyond the grid
          --out DIR            write DIR/scoreboard.md and DIR/scoreboard.svg (otherwise the table goes to stdout)
          --dialers A,B,...    the dialers to run (default: all): preview, progressive, fixed-ratio,
                               vicidial-adaptive, predictive, clairvoyant
          --seeds K            seeds 1..K (default 5)
          --agents N,N,...     team sizes of the grid (default 10,25,50,100)
          --rates P,P,...      live-answer probabilities of the grid (default 0.15,0.30,0.60)
          --no-beyond          skip the scenarios beyond the grid
          --workers K          parallel shifts, at most the processor count (default: the processor count)
          --require-goal       exit 1 when our dialer misses the goal in a grid cell
          --help               this text
        Benchmark-runner arguments (--job, --filter, --artifacts DIR) are accepted so that the benchmark
        dry run of CI can start it: --job means --quick and --artifacts DIR means --out DIR.
        """;

    public bool Quick { get; init; }

    public string? OutputDirectory { get; init; }

    public IReadOnlyList<string> Dialers { get; init; } = DialerCatalog.All.Select(d => d.Name).ToList();

    public IReadOnlyList<long> Seeds { get; init; } = [1, 2, 3, 4, 5];

    public IReadOnlyList<int> Agents { get; init; } = ScoreboardGrid.AgentCounts;

    public IReadOnlyList<double> Rates { get; init; } = ScoreboardGrid.AnswerRates;

    public bool Beyond { get; init; } = true;

    public int Workers { get; init; } = Environment.ProcessorCount;

    public bool RequireGoal { get; init; }

    public bool Help { get; init; }

    /// <summary>Parses the arguments; unknown arguments throw <see cref="ArgumentException"/>.</summary>
    public static ScoreboardOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ScoreboardOptions();
        bool explicitSeeds = false, explicitAgents = false, explicitRates = false, explicitBeyond = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--quick":
                case "--job":
                    options = options with { Quick = true };
                    if (arg == "--job")
                    {
                        _ = Value(args, ref i, arg);
                    }

                    break;
                case "--out":
                case "--artifacts":
                    options = options with { OutputDirectory = Value(args, ref i, arg) };
                    break;
                case "--filter":
                    _ = Value(args, ref i, arg);
                    break;
                case "--dialers":
                    options = options with { Dialers = DialerCatalog.Select(List(Value(args, ref i, arg))).Select(d => d.Name).ToList() };
                    break;
                case "--seeds":
                    int count = Integer(Value(args, ref i, arg), arg, 1, 1000);
                    options = options with { Seeds = Enumerable.Range(1, count).Select(s => (long)s).ToList() };
                    explicitSeeds = true;
                    break;
                case "--agents":
                    options = options with { Agents = List(Value(args, ref i, arg)).Select(v => Integer(v, arg, 1, 10_000)).ToList() };
                    explicitAgents = true;
                    break;
                case "--rates":
                    options = options with { Rates = List(Value(args, ref i, arg)).Select(v => Probability(v, arg)).ToList() };
                    explicitRates = true;
                    break;
                case "--no-beyond":
                    options = options with { Beyond = false };
                    explicitBeyond = true;
                    break;
                case "--workers":
                    options = options with { Workers = Integer(Value(args, ref i, arg), arg, 1, 1024) };
                    break;
                case "--require-goal":
                    options = options with { RequireGoal = true };
                    break;
                case "--help":
                case "-h":
                    options = options with { Help = true };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument \"{arg}\".");
            }
        }

        if (options.Quick)
        {
            options = options with
            {
                Seeds = explicitSeeds ? options.Seeds : [1, 2],
                Agents = explicitAgents ? options.Agents : [10, 25],
                Rates = explicitRates ? options.Rates : [0.30],
                Beyond = explicitBeyond && options.Beyond,
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        i++;
        return args[i];
    }

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Integer(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ArgumentException($"{name}: \"{value}\" is not a whole number in [{min}, {max}].");

    private static double Probability(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed > 0d && parsed <= 1d
            ? parsed
            : throw new ArgumentException($"{name}: \"{value}\" is not a probability in (0, 1].");
}
