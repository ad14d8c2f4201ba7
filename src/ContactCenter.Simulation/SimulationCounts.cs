namespace ContactCenter.Simulation;

/// <summary>
/// The counters a run keeps as it goes, independently of its event log (so the two can be checked against
/// each other).
/// </summary>
public sealed record SimulationCounts
{
    /// <summary>Calls placed.</summary>
    public long CallsPlaced { get; init; }

    /// <summary>Live answers.</summary>
    public long LiveAnswers { get; init; }

    /// <summary>Answering machines.</summary>
    public long AnsweringMachines { get; init; }

    /// <summary>Busy lines.</summary>
    public long BusyLines { get; init; }

    /// <summary>Invalid numbers.</summary>
    public long InvalidNumbers { get; init; }

    /// <summary>Calls that rang out unanswered.</summary>
    public long NoAnswers { get; init; }

    /// <summary>Live answers connected to an agent.</summary>
    public long Connected { get; init; }

    /// <summary>Live answers abandoned.</summary>
    public long Abandoned { get; init; }

    /// <summary>Connected calls that ended.</summary>
    public long CallsEnded { get; init; }

    /// <summary>Real <c>Interaction</c>s created (one per live answer).</summary>
    public long Interactions { get; init; }

    /// <summary>Dialer decisions asked for.</summary>
    public long Decisions { get; init; }

    /// <summary>Commands refused by a real agent or interaction.</summary>
    public long RefusedCommands { get; init; }
}
