namespace ContactCenter.Core.Pacing;

/// <summary>Why a pacing strategy decided as it did (for a UI, a log or a scoreboard).</summary>
public enum PacingReason
{
    /// <summary>No agent is logged in: nothing is placed.</summary>
    NoAgentsLoggedIn,

    /// <summary>One preview record per free agent without one (preview and push preview).</summary>
    OneRecordPerFreeAgent,

    /// <summary>Progressive: lines per free agent minus the calls already ringing or waiting.</summary>
    LinesPerFreeAgent,

    /// <summary>Fixed ratio: the ratio times the free agents, minus the calls already ringing or waiting.</summary>
    FixedRatio,

    /// <summary>Predictive, still warming up (too few completed talks or answers): behaves as progressive.</summary>
    WarmUp,

    /// <summary>Predictive, the recent or windowed abandon rate reached the hard cap: behaves as progressive.</summary>
    AbandonCap,

    /// <summary>Predictive: placed calls until the next one's abandon risk would exceed the tuned threshold.</summary>
    RiskThreshold,

    /// <summary>Predictive: stopped at the maximum lines per agent.</summary>
    LineLimit,
}
