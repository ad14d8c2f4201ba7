namespace ContactCenter.Core.Scheduling;

/// <summary>
/// Why a customer-local day of the horizon offers no slot that can be booked. When several causes
/// apply, the first in this order is reported: the order of the members, from the most structural
/// (the centre is closed) to the most transient (the day is booked up).
/// </summary>
public enum NoSlotReason
{
    /// <summary>The centre has no opening hours that fall on this day.</summary>
    Closed = 0,

    /// <summary>The centre would be open on this day but a holiday (a centre-local date) closes it.</summary>
    Holiday,

    /// <summary>The centre's hours do not overlap the customer's reachable hours on this day.</summary>
    NoOverlap,

    /// <summary>The centre is open and the customer reachable, but never inside every legal calling window.</summary>
    OutsideLegalWindow,

    /// <summary>The windows overlap only in pieces that hold no whole slot of the centre's grid.</summary>
    NoSlotFits,

    /// <summary>Every slot of the day is already past or starts less than the minimum notice after now.</summary>
    TooSoon,

    /// <summary>Every slot of the day has a total capacity of zero (no seats planned).</summary>
    NoCapacity,

    /// <summary>Every slot of the day is fully booked.</summary>
    Full,
}
