using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>The answer of a slot search.</summary>
public sealed record SlotSearchResult
{
    internal SlotSearchResult(IReadOnlyList<Slot> slots, IReadOnlyList<DayWithoutSlots> daysWithoutSlots, LocalDate customerToday, Interval horizon, Instant earliestStart, string tzdbVersion)
    {
        Slots = slots;
        DaysWithoutSlots = daysWithoutSlots;
        CustomerToday = customerToday;
        Horizon = horizon;
        EarliestStart = earliestStart;
        TzdbVersion = tzdbVersion;
    }

    /// <summary>
    /// The slots, sorted by <see cref="Slot.Start"/>, each once: those with a free seat, and the full
    /// ones too when <see cref="SlotQuery.ReportFullSlots"/> is set.
    /// </summary>
    public IReadOnlyList<Slot> Slots { get; }

    /// <summary>Every customer-local day of the horizon without a slot that can be booked, in date order, with its reason.</summary>
    public IReadOnlyList<DayWithoutSlots> DaysWithoutSlots { get; }

    /// <summary>The customer's local date at the time of the search: the first day of the horizon.</summary>
    public LocalDate CustomerToday { get; }

    /// <summary>The instants searched: from the start of the customer's today to the start of the day after the horizon.</summary>
    public Interval Horizon { get; }

    /// <summary>The earliest instant a slot may start: now plus the minimum notice.</summary>
    public Instant EarliestStart { get; }

    /// <summary>The version of the tz database the local times were computed with, for example <c>2026a</c>.</summary>
    public string TzdbVersion { get; }
}
