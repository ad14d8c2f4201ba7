using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>A customer-local day of the horizon that offers no slot that can be booked, and why.</summary>
public sealed record DayWithoutSlots
{
    internal DayWithoutSlots(LocalDate customerDate, NoSlotReason reason, string explanation)
    {
        CustomerDate = customerDate;
        Reason = reason;
        Explanation = explanation;
    }

    /// <summary>The day, customer-local.</summary>
    public LocalDate CustomerDate { get; }

    /// <summary>The reason; the first that applies in the order of <see cref="NoSlotReason"/>.</summary>
    public NoSlotReason Reason { get; }

    /// <summary>A sentence for an agent or a log, in English, with invariant formatting.</summary>
    public string Explanation { get; }

    /// <summary>Formats as <c>2026-12-25 Holiday: …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => SlotText.Date(CustomerDate) + " " + Reason + ": " + Explanation;
}
