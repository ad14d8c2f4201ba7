using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// When, where and by whom a callback is to be made: what a reschedule changes. A callback's current schedule is
/// <see cref="Callback.Schedule"/>; one waiting for Mark done is <see cref="Callback.PendingReschedule"/>.
/// </summary>
/// <param name="DueAt">When the callback becomes due (is queued for an agent).</param>
/// <param name="Window">The instants at which the contact may be called, [start, end); <see langword="null"/> for no limit. The callback fails when the window ends before the contact is reached.</param>
/// <param name="Number">The number to call, with its type and reachable hours.</param>
/// <param name="Ownership">Shared, or personal to one agent.</param>
public sealed record CallbackSchedule(Instant DueAt, Interval? Window, ContactNumber Number, CallbackOwnership Ownership);
