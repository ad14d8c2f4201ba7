using System.Globalization;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>
/// A callback slot: the half-open interval <c>[Start, Start + Length)</c> of elapsed time, identified
/// by its <see cref="Start"/> instant, shown in the customer's and the centre's local time with their
/// offsets. The two 01:00 slots of a fall-back night are two slots, with two instants and two offsets.
/// </summary>
public sealed record Slot
{
    internal Slot(Instant start, Duration length, OffsetDateTime customerLocal, OffsetDateTime centreLocal, int remaining, int total)
    {
        Start = start;
        Length = length;
        CustomerLocal = customerLocal;
        CentreLocal = centreLocal;
        Remaining = remaining;
        Total = total;
    }

    /// <summary>The instant the slot starts: its identity, used to book it.</summary>
    public Instant Start { get; }

    /// <summary>The slot's length (elapsed time).</summary>
    public Duration Length { get; }

    /// <summary>The instant the slot ends (exclusive).</summary>
    public Instant End => Start + Length;

    /// <summary>The start in the customer's local time, with the customer's offset at that instant.</summary>
    public OffsetDateTime CustomerLocal { get; }

    /// <summary>The start in the centre's local time, with the centre's offset at that instant.</summary>
    public OffsetDateTime CentreLocal { get; }

    /// <summary>How many more callbacks the slot can take.</summary>
    public int Remaining { get; }

    /// <summary>How many callbacks the slot takes in all (its capacity).</summary>
    public int Total { get; }

    /// <summary>Whether no seat remains (listed only when <see cref="SlotQuery.ReportFullSlots"/> is set).</summary>
    public bool IsFull => Remaining == 0;

    /// <summary>Formats as <c>2026-03-08T03:00-04:00 customer / 2026-03-08T08:00+01:00 centre, 15 min, 2 of 3 free</c> (invariant).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} customer / {1} centre, {2}, {3}",
        SlotText.DateTime(CustomerLocal),
        SlotText.DateTime(CentreLocal),
        SlotText.Minutes(Length),
        IsFull ? "full" : string.Format(CultureInfo.InvariantCulture, "{0} of {1} free", Remaining, Total));
}
