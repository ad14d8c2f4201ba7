namespace ContactCenter.Simulation;

/// <summary>
/// The independent random draws of one call attempt. Each draw gives its own uniform draw for the
/// same (seed, record, attempt), so drawing one quantity never shifts another (each is its own stream of common random numbers).
/// </summary>
public enum RandomDraw
{
    /// <summary>What the call reaches: a live person, an answering machine, a busy line, an invalid number or no answer.</summary>
    Outcome = 1,

    /// <summary>How long the call rings before it is answered or otherwise resolved.</summary>
    RingTime = 2,

    /// <summary>How long the contact talks once connected to an agent.</summary>
    TalkTime = 3,

    /// <summary>How long the agent's after-call work lasts after the call.</summary>
    WrapUp = 4,

    /// <summary>Which disposition the agent gives a connected record of a campaign-driven run (<see cref="SimulatedCampaign.Dispositions"/>).</summary>
    Disposition = 5,
}
