using System;
using BenchmarkDotNet.Attributes;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Benchmarks.Scheduling;

/// <summary>
/// One callback slot search, <see cref="SlotCalculator.Calculate(SlotQuery, ISlotBookings, Instant)"/>,
/// for a centre in Paris open 07:00–23:00 every day with a holiday and an override in the horizon,
/// a customer in New York reachable 08:00–22:00, the US federal calling window 08:00–21:00 applied in
/// the customer's zone, 15-minute slots with 5 seats, and 1,000 bookings spread round robin over the
/// 252 slots of the first seven days (3 or 4 seats taken in each). <see cref="Days"/> is the
/// horizon, to show the cost grows linearly with it. The search runs from Monday 2026-06-01 00:00 in
/// New York, so the 7-day query covers a whole week.
/// </summary>
[MemoryDiagnoser]
public class SlotCalculatorBenchmarks
{
    private const int Bookings = 1_000;
    private static readonly Instant s_now = Instant.FromUtc(2026, 6, 1, 4, 0);

    private SlotQuery _query = null!;
    private SlotBook _book = null!;

    /// <summary>The horizon in customer-local days.</summary>
    [Params(1, 7, 30, 90)]
    public int Days { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var baseQuery = SlotQuery.Create("Europe/Paris", WeeklyHours.Every(LocalTimeRange.Parse("07:00-23:00")), "America/New_York") with
        {
            Capacity = SlotCapacity.Constant(5),
            CustomerWindows = WeeklyHours.Every(LocalTimeRange.Parse("08:00-22:00")),
            LegalPolicies = [new CallingWindowPolicy("US federal", "47 CFR 64.1200(c)(1)", WeeklyHours.Every(LocalTimeRange.Parse("08:00-21:00")))],
            Holidays = [new LocalDate(2026, 7, 14)],
            Overrides = new System.Collections.Generic.Dictionary<LocalDate, System.Collections.Generic.IReadOnlyList<LocalTimeRange>>
            {
                [new LocalDate(2026, 6, 24)] = [LocalTimeRange.Parse("10:00-16:00")],
            },
        };

        // 1,000 bookings, round robin over the slots of the first week.
        _book = new SlotBook();
        var week = baseQuery with { HorizonDays = 7 };
        var slots = SlotCalculator.Calculate(week, _book, s_now).Slots;
        for (var i = 0; i < Bookings; i++)
        {
            if (!_book.TryBook(week, slots[i % slots.Count].Start, "b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), s_now, maxAlternatives: 0).Succeeded)
            {
                throw new InvalidOperationException("The benchmark's bookings do not fit the first week.");
            }
        }

        _query = baseQuery with { HorizonDays = Days };
        var result = Calculate();
        if (result.Slots.Count == 0 || result.DaysWithoutSlots.Count > Days / 7 + 1)
        {
            throw new InvalidOperationException($"Unexpected search result: {result.Slots.Count} slots, {result.DaysWithoutSlots.Count} days without.");
        }
    }

    [Benchmark]
    public SlotSearchResult Calculate() => SlotCalculator.Calculate(_query, _book, s_now);
}
