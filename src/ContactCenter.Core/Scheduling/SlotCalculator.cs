using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>
/// Computes the callback slots a customer can be offered: the slots of the centre's local grid that
/// lie wholly inside the centre's hours, the customer's reachable hours, every legal calling window
/// and the horizon, start at least the minimum notice after now, and have a seat left; and, for every
/// day of the horizon without one, the reason. Stateless and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var query = SlotQuery.Create("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-20:00")), "America/New_York")
///     with { CustomerWindows = WeeklyHours.Every(LocalTimeRange.Parse("09:00-18:00")), HorizonDays = 5 };
/// var result = SlotCalculator.Calculate(query, new SlotBook(), timeSource.Now);
/// </code>
/// </example>
public sealed class SlotCalculator
{
    private readonly ITimeSource _timeSource;

    /// <summary>Creates a calculator that reads now from <paramref name="timeSource"/>.</summary>
    /// <param name="timeSource">The clock.</param>
    public SlotCalculator(ITimeSource timeSource) => _timeSource = Guard.NotNull(timeSource);

    /// <summary>Searches the slots as of the time source's now.</summary>
    /// <param name="query">The search.</param>
    /// <param name="bookings">The bookings already made.</param>
    /// <returns>The slots and the days without any.</returns>
    /// <exception cref="System.ArgumentException">The query is invalid; the message lists every problem.</exception>
    public SlotSearchResult Calculate(SlotQuery query, ISlotBookings bookings) => Diagnostics.SlotQueryDiagnostics.Search(this, query, bookings, _timeSource.Now);

    /// <summary>Searches the slots as of <paramref name="now"/>.</summary>
    /// <param name="query">The search.</param>
    /// <param name="bookings">The bookings already made.</param>
    /// <param name="now">The current instant: it fixes the customer's today and the earliest start.</param>
    /// <returns>The slots and the days without any.</returns>
    /// <exception cref="System.ArgumentException">The query is invalid; the message lists every problem.</exception>
    public static SlotSearchResult Calculate(SlotQuery query, ISlotBookings bookings, Instant now)
    {
        return Diagnostics.SlotQueryDiagnostics.Search(null, query, bookings, now);
    }
}
