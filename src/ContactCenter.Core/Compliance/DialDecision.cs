using System.Collections.Generic;
using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// The answer of <see cref="DialingCompliance.Check"/>: whether the number may be dialled now, every
/// reason why not, when it next may be, and a sentence that says all of it
/// (<c>not dialable: 21:04 is past 21:00 in America/Chicago (US federal); next window opens 2026-11-22 08:00-06:00</c>).
/// </summary>
public sealed class DialDecision
{
    internal DialDecision(
        DialRequest request,
        Instant checkedAt,
        NumberLocation location,
        IReadOnlyList<CallingWindowPolicy> applied,
        IReadOnlyList<DialRefusal> refusals,
        Instant? nextWindowOpensAt,
        string explanation)
    {
        Request = request;
        CheckedAt = checkedAt;
        Location = location;
        Applied = applied;
        Refusals = refusals;
        NextWindowOpensAt = nextWindowOpensAt;
        Explanation = explanation;
    }

    /// <summary>The call that was checked.</summary>
    public DialRequest Request { get; }

    /// <summary>The instant the check was made for.</summary>
    public Instant CheckedAt { get; }

    /// <summary>Whether the call may be placed at <see cref="CheckedAt"/>.</summary>
    public bool IsDialable => Refusals.Count == 0;

    /// <summary>Every reason the call is refused; empty when it is dialable.</summary>
    public IReadOnlyList<DialRefusal> Refusals { get; }

    /// <summary>
    /// The earliest instant at or after <see cref="CheckedAt"/> at which the check would say dialable,
    /// assuming no other call is placed meanwhile: <see cref="CheckedAt"/> itself when dialable;
    /// <see langword="null"/> when the do-not-call list blocks the number, when the zone is unknown, or
    /// when no window opens within <see cref="DialingCompliance.SearchHorizon"/>.
    /// </summary>
    public Instant? NextWindowOpensAt { get; }

    /// <summary>The decision in one sentence, invariant culture: what was checked when dialable; every reason and the next opening when not.</summary>
    public string Explanation { get; }

    /// <summary>The policies that held for the call.</summary>
    public IReadOnlyList<CallingWindowPolicy> Applied { get; }

    /// <summary>Where the number rings, as checked (with the request's zones when it carried some).</summary>
    public NumberLocation Location { get; }

    /// <summary>The <see cref="Explanation"/>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString() => Explanation;
}
