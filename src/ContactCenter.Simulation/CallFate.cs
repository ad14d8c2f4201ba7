using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// Everything the network decides about one call attempt, drawn from (seed, record, attempt) by
/// <see cref="CommonRandomNumbers"/>: the same record and attempt have the same fate under every dialer.
/// </summary>
/// <param name="RecordIndex">The record of the calling list (0-based).</param>
/// <param name="Attempt">The attempt number on the record (1 for the first call).</param>
/// <param name="Outcome">What the call reaches.</param>
/// <param name="RingTime">How long after placing the call the outcome happens: the live or machine answer,
/// the busy or invalid signal, or the no-answer timeout.</param>
/// <param name="TalkTime">For a live answer, how long the contact talks once connected to an agent.</param>
/// <param name="WrapUpUniform">The uniform draw, in (0, 1), from which the connected agent's wrap-up distribution
/// gives the after-call work of this call.</param>
public readonly record struct CallFate(
    long RecordIndex,
    int Attempt,
    SimulatedCallOutcome Outcome,
    Duration RingTime,
    Duration TalkTime,
    double WrapUpUniform);
