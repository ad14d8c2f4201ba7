namespace ContactCenter.Pacing.Scoreboard.Dialers;

/// <summary>What the VICIdial-style dialer does to its dial level when the drop rate breaches the limit.</summary>
internal enum AdaptiveDropMethod
{
    /// <summary>ADAPT_AVERAGE: the level is halved (never below 1) at each adjustment while the shift's drop rate is over the limit.</summary>
    Average,

    /// <summary>ADAPT_HARD_LIMIT: the level is reset to 1 at each adjustment while the shift's drop rate is over the limit.</summary>
    HardLimit,
}
