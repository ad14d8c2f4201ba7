using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>A callback booked in a slot.</summary>
public sealed record SlotBooking
{
    /// <summary>Creates a booking record.</summary>
    /// <param name="id">The booking's identifier, unique in its book.</param>
    /// <param name="slot">The slot booked (as offered when it was booked).</param>
    /// <param name="bookedAt">When it was booked.</param>
    public SlotBooking(string id, Slot slot, Instant bookedAt)
    {
        Id = Internal.Guard.NotNull(id);
        var booked = Internal.Guard.NotNull(slot);
        SlotStart = booked.Start;
        Length = booked.Length;
        CustomerLocal = booked.CustomerLocal;
        CentreLocal = booked.CentreLocal;
        BookedAt = bookedAt;
    }

    /// <summary>The booking's identifier.</summary>
    public string Id { get; }

    /// <summary>The slot's start instant: the key of the booking.</summary>
    public Instant SlotStart { get; }

    /// <summary>The slot's length.</summary>
    public Duration Length { get; }

    /// <summary>The slot's start in the customer's local time, with offset.</summary>
    public OffsetDateTime CustomerLocal { get; }

    /// <summary>The slot's start in the centre's local time, with offset.</summary>
    public OffsetDateTime CentreLocal { get; }

    /// <summary>When the booking was made.</summary>
    public Instant BookedAt { get; }

    /// <summary>Formats as <c>cb-42 at 2026-03-08T03:00-04:00 customer / 2026-03-08T08:00+01:00 centre</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} at {SlotText.DateTime(CustomerLocal)} customer / {SlotText.DateTime(CentreLocal)} centre";
}
