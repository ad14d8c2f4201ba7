namespace ContactCenter.Simulation;

/// <summary>What a simulated call reaches when placed.</summary>
public enum SimulatedCallOutcome
{
    /// <summary>A live person answers; the call needs an agent within the abandon threshold.</summary>
    Live,

    /// <summary>An answering machine picks up; the dialer hangs up (excluded from the abandon rate).</summary>
    AnsweringMachine,

    /// <summary>The line is busy.</summary>
    Busy,

    /// <summary>The number is invalid (special information tone).</summary>
    Invalid,

    /// <summary>Nobody answers: the call rings out at the no-answer timeout.</summary>
    NoAnswer,
}
