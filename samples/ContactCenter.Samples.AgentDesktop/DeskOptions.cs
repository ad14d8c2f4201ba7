using NodaTime;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>How the agent desktop runs: the clock, the port, the seed of the simulated counterpart.</summary>
public sealed record DeskOptions
{
    /// <summary>The instant a virtual clock starts at: Monday 23 November 2026, 15:00 in Paris, 09:00 in New York.</summary>
    public static readonly Instant DefaultVirtualStart = Instant.FromUtc(2026, 11, 23, 14, 0);

    /// <summary>
    /// Whether the desktop runs on a virtual clock (tests, <c>--smoke</c>, <c>--virtual</c>): time moves only when
    /// <c>POST /api/simulation/advance</c> (the page's "+5 s" and "+1 min" buttons) moves it, so the counterpart acts
    /// only then. Otherwise the system clock: the counterpart acts by itself, seconds later.
    /// </summary>
    public bool VirtualTime { get; init; }

    /// <summary>The virtual clock's start; <see cref="DefaultVirtualStart"/> by default. Ignored on the system clock.</summary>
    public Instant VirtualStart { get; init; } = DefaultVirtualStart;

    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The seed of the counterpart's draws (ring, answer and talk times): the same seed, the same delays.</summary>
    public long Seed { get; init; } = 20261123;

    /// <summary>
    /// The folder of the desk's SQLite store (<c>contactcenter.db</c>), opened and recovered when the host starts;
    /// <see langword="null"/> (the default) for the application's data folder (<c>SqliteDataFolder</c>:
    /// <c>~/.local/share/ContactCenter.Samples.AgentDesktop</c> on Linux), unless
    /// <c>ContactCenter:Storage:Sqlite:Path</c> is configured. Tests and <c>--smoke</c> give a temporary folder.
    /// </summary>
    public string? DataFolder { get; init; }

    /// <summary>Whether ASP.NET Core's own log lines are written to the console.</summary>
    public bool ServerLogging { get; init; }
}
