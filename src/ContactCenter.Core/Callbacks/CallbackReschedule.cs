using ContactCenter.Core.Contacts;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Scheduling;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// What <see cref="Callback.Reschedule"/> asks: a new instant and, optionally, a new window, a new number and a new
/// ownership. Omitted values are kept, except the window (see <see cref="Window"/>).
/// </summary>
/// <param name="At">The new due instant; not in the past.</param>
public sealed record CallbackReschedule(Instant At)
{
    /// <summary>
    /// The new window, [start, end), which must contain <see cref="At"/>; <see langword="null"/> for none. A reschedule
    /// is a new appointment: the previous window is not kept.
    /// </summary>
    public Interval? Window { get; init; }

    /// <summary>A new number (with its type and reachable from/until hours); <see langword="null"/> keeps the current one.</summary>
    public ContactNumber? Number { get; init; }

    /// <summary>
    /// Personal (to an agent) or shared; <see langword="null"/> keeps the current ownership, or applies
    /// <see cref="CallbackOptions.ForcedOwnership"/>. A centre that forces one kind refuses the other.
    /// </summary>
    public CallbackOwnership? Ownership { get; init; }

    /// <summary>
    /// A reschedule to a slot the customer picked from the slot grid (book it first with
    /// <see cref="SlotBook.TryBook"/>, so that its capacity is held): due at the slot's start. With
    /// <paramref name="withinSlot"/> the callback may only be made during the slot and fails with
    /// <see cref="CallbackEndReason.WindowExpired"/> when no agent could make it by the slot's end.
    /// </summary>
    /// <param name="slot">The slot.</param>
    /// <param name="withinSlot">Whether the slot is also the callback's window.</param>
    /// <returns>The reschedule.</returns>
    public static CallbackReschedule ToSlot(Slot slot, bool withinSlot = false)
    {
        Guard.NotNull(slot);
        return new CallbackReschedule(slot.Start) { Window = withinSlot ? new Interval(slot.Start, slot.End) : null };
    }
}
