using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Tests.StateMachines.Model;
using ContactCenter.Core.Time;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Scheduling;

/// <summary>
/// Random searches over real zones (DST in both hemispheres, 30-minute shifts, +05:45, skipped
/// midnights, the date line), random hours crossing midnight, holidays, overrides, legal windows,
/// capacities and bookings, checked against an independent oracle that resolves every window
/// instant by instant. Each case is built from one integer seed.
/// </summary>
public sealed class SlotCalculatorPropertyTests
{
    private static readonly string[] s_zones =
    [
        "America/New_York", "Europe/Paris", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago",
        "America/Havana", "Asia/Beirut", "Pacific/Kiritimati", "Pacific/Honolulu", "Pacific/Auckland",
        "Pacific/Pago_Pago", "Europe/London", "America/Los_Angeles", "Asia/Tokyo",
    ];

    // Around the 2026 transitions of the zones above, and an ordinary week.
    private static readonly Instant[] s_anchors =
    [
        Instant.FromUtc(2026, 3, 8, 7, 0), Instant.FromUtc(2026, 11, 1, 6, 0), Instant.FromUtc(2026, 3, 29, 1, 0),
        Instant.FromUtc(2026, 10, 25, 1, 0), Instant.FromUtc(2026, 4, 4, 15, 0), Instant.FromUtc(2026, 10, 3, 15, 30),
        Instant.FromUtc(2026, 9, 6, 4, 0), Instant.FromUtc(2026, 4, 5, 3, 0), Instant.FromUtc(2026, 3, 28, 22, 0),
        Instant.FromUtc(2026, 10, 24, 21, 0), Instant.FromUtc(2026, 9, 26, 14, 0), Instant.FromUtc(2026, 6, 10, 12, 0),
    ];

    private static readonly int[] s_lengths = [5, 10, 15, 20, 30, 45, 60, 90, 120];

    private readonly ITestOutputHelper _output;

    public SlotCalculatorPropertyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_offered_slot_lies_inside_every_window_and_every_qualifying_grid_slot_is_offered() =>
        PropertyRunner.Check(_output, nameof(Every_offered_slot_lies_inside_every_window_and_every_qualifying_grid_slot_is_offered), 0x5107_0001, 150, Seeds(), static seed =>
        {
            var (query, now, book) = Scenario(seed);
            var oracle = new Oracle(query, now);
            var result = SlotCalculator.Calculate(query, book, now);
            var offered = new HashSet<Instant>();
            foreach (var slot in result.Slots)
            {
                offered.Add(slot.Start);
                var why = oracle.WhyNot(slot.Start, book);
                Check(why is null, $"offered {slot} although {why}");
                Check(slot.Remaining > 0 || query.ReportFullSlots, $"full slot {slot} listed without ReportFullSlots");
                Check(slot.Remaining == Math.Max(0, slot.Total - book.BookedCount(slot.Start)), $"{slot} miscounts its bookings");
                Check(slot.CentreLocal == slot.Start.InZone(query.CentreZone).ToOffsetDateTime(), $"{slot} centre-local time is wrong");
                Check(slot.CustomerLocal == slot.Start.InZone(query.CustomerZone).ToOffsetDateTime(), $"{slot} customer-local time is wrong");
            }

            // Completeness: every grid instant the oracle accepts, with a free seat, is offered.
            var step = Duration.FromMinutes(5);
            for (var start = oracle.Horizon.Start; start < oracle.Horizon.End; start += step)
            {
                if (oracle.WhyNot(start, book) is null && book.BookedCount(start) < oracle.Capacity(start))
                {
                    Check(offered.Contains(start), $"{start} qualifies but is not offered");
                }
            }
        });

    [Fact]
    public void Output_is_sorted_unique_deterministic_and_every_day_is_accounted_for() =>
        PropertyRunner.Check(_output, nameof(Output_is_sorted_unique_deterministic_and_every_day_is_accounted_for), 0x5107_0002, 200, Seeds(), static seed =>
        {
            var (query, now, book) = Scenario(seed);
            var first = SlotCalculator.Calculate(query, book, now);
            var second = SlotCalculator.Calculate(query, book, now);

            Check(first.Slots.SequenceEqual(second.Slots), "two searches differ");
            Check(first.DaysWithoutSlots.SequenceEqual(second.DaysWithoutSlots), "two searches explain days differently");
            Check(first.Slots.Zip(first.Slots.Skip(1)).All(static p => p.First.Start < p.Second.Start), "slots not strictly increasing");
            for (var day = 0; day < query.HorizonDays; day++)
            {
                var date = first.CustomerToday.PlusDays(day);
                var bookable = first.Slots.Any(s => s.CustomerLocal.Date == date && s.Remaining > 0);
                var explained = first.DaysWithoutSlots.Count(d => d.CustomerDate == date);
                Check(bookable ? explained == 0 : explained == 1, $"{date}: bookable={bookable}, explained {explained} times");
            }

            Check(first.DaysWithoutSlots.Select(static d => d.CustomerDate).SequenceEqual(first.DaysWithoutSlots.Select(static d => d.CustomerDate).Order()), "days not in date order");
        });

    [Fact]
    public void Capacity_is_never_exceeded_under_concurrent_booking() =>
        PropertyRunner.Check(_output, nameof(Capacity_is_never_exceeded_under_concurrent_booking), 0x5107_0003, 40, Seeds(), static seed =>
        {
            var random = new Random(seed);
            var query = SlotQuery.Create("Europe/Paris", WeeklyHours.Every(LocalTimeRange.Parse("09:00-10:30")), "America/New_York") with
            {
                HorizonDays = 1,
                Capacity = SlotCapacity.PerWeekdayAndHour((day, hour) => (((int)day * 7) + hour + seed) % 3),
            };
            var now = Instant.FromUtc(2026, 6, 1, 4, 0);
            var candidates = SlotCalculator.Calculate(query with { ReportFullSlots = true }, new SlotBook(), now).Slots;
            var book = new SlotBook();
            const int Threads = 4;
            const int Attempts = 16;
            var plan = Enumerable.Range(0, Threads * Attempts).Select(_ => candidates[random.Next(candidates.Count)].Start).ToArray();
            var successes = new int[plan.Length];
            using var barrier = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                barrier.SignalAndWait();
                for (var i = t; i < plan.Length; i += Threads)
                {
                    successes[i] = book.TryBook(query, plan[i], "b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), now, maxAlternatives: 0).Succeeded ? 1 : 0;
                }
            })).ToList();
            threads.ForEach(static t => t.Start());
            threads.ForEach(static t => t.Join());

            foreach (var slot in candidates)
            {
                var attempts = plan.Count(p => p == slot.Start);
                var won = Enumerable.Range(0, plan.Length).Where(i => plan[i] == slot.Start).Sum(i => successes[i]);
                Check(book.BookedCount(slot.Start) <= slot.Total, $"{slot} holds {book.BookedCount(slot.Start)} bookings");
                Check(won == Math.Min(attempts, slot.Total), $"{slot}: {won} successes for {attempts} attempts");
                Check(won == book.BookedCount(slot.Start), $"{slot}: {won} successes but {book.BookedCount(slot.Start)} booked");
            }
        });

    private static FsCheck.Arbitrary<int> Seeds() => Arb.From(Gen.Choose(0, int.MaxValue - 1));

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static (SlotQuery Query, Instant Now, SlotBook Book) Scenario(int seed)
    {
        var random = new Random(seed);
        var centre = TimeZoneIds.Resolve(s_zones[random.Next(s_zones.Length)]);
        var customer = TimeZoneIds.Resolve(s_zones[random.Next(s_zones.Length)]);
        var now = s_anchors[random.Next(s_anchors.Length)] + Duration.FromMinutes(random.Next(-3 * 24 * 60, 2 * 24 * 60));
        var centreToday = now.InZone(centre).Date;
        var query = new SlotQuery(centre, RandomHours(random, 2), customer)
        {
            SlotLength = Duration.FromMinutes(s_lengths[random.Next(s_lengths.Length)]),
            HorizonDays = random.Next(1, 5),
            MinimumNotice = Duration.FromMinutes(random.Next(4) == 0 ? 0 : random.Next(0, 240)),
            CustomerWindows = random.Next(2) == 0 ? WeeklyHours.Always : RandomHours(random, 2),
            Holidays = Enumerable.Range(0, random.Next(3)).Select(_ => centreToday.PlusDays(random.Next(-1, 5))).ToArray(),
            Overrides = Enumerable.Range(0, random.Next(2))
                .Select(_ => centreToday.PlusDays(random.Next(0, 4)))
                .Distinct()
                .ToDictionary(static d => d, d => (IReadOnlyList<LocalTimeRange>)RandomRanges(random, 2)),
            Capacity = random.Next(2) == 0
                ? SlotCapacity.Constant(random.Next(0, 3))
                : SlotCapacity.PerWeekdayAndHour((day, hour) => ((int)day + hour + seed) % 3),
            LegalPolicies = Enumerable.Range(0, random.Next(3)).Select(i => new CallingWindowPolicy("P" + i, "rule " + i, RandomHours(random, 1))
            {
                NoCallsOnHolidays = random.Next(3) == 0 ? new SlotTestKit.Holidays("H", now.InZone(customer).Date.PlusDays(random.Next(0, 3))) : null,
            }).ToArray(),
            LegalZones = random.Next(3) == 0 ? [customer, TimeZoneIds.Resolve(s_zones[random.Next(s_zones.Length)])] : [],
            ReportFullSlots = random.Next(2) == 0,
        };

        // Book a few seats, some of them the last of their slot.
        var book = new SlotBook();
        var slots = SlotCalculator.Calculate(query, book, now).Slots;
        for (var i = 0; i < slots.Count / 4; i++)
        {
            book.TryBook(query, slots[random.Next(slots.Count)].Start, "seed" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), now, maxAlternatives: 0);
        }

        return (query, now, book);
    }

    private static WeeklyHours RandomHours(Random random, int maxRangesPerDay)
    {
        var hours = WeeklyHours.None;
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(static d => d != IsoDayOfWeek.None))
        {
            if (random.Next(5) > 0)
            {
                hours = hours.With(day, RandomRanges(random, maxRangesPerDay));
            }
        }

        return hours;
    }

    private static LocalTimeRange[] RandomRanges(Random random, int max) =>
        Enumerable.Range(0, random.Next(1, max + 1)).Select(_ =>
        {
            // Five-minute boundaries: with offsets in quarter hours, every window edge is on a five-minute UTC boundary.
            var start = new LocalTime(0, 0).PlusMinutes(5 * random.Next(0, 288));
            var end = random.Next(6) == 0 ? LocalTime.Midnight : new LocalTime(0, 0).PlusMinutes(5 * random.Next(0, 288));
            return new LocalTimeRange(start, end);
        }).ToArray();

    /// <summary>Decides instant by instant, with no interval algebra, whether a slot start qualifies.</summary>
    private sealed class Oracle
    {
        private readonly SlotQuery _query;
        private readonly Instant _earliest;
        private readonly LocalDate _today;
        private readonly List<IReadOnlyList<Interval>> _legal = [];

        public Oracle(SlotQuery query, Instant now)
        {
            _query = query;
            _earliest = now + query.MinimumNotice;
            _today = now.InZone(query.CustomerZone).Date;
            Horizon = new Interval(query.CustomerZone.AtStartOfDay(_today).ToInstant(), query.CustomerZone.AtStartOfDay(_today.PlusDays(query.HorizonDays)).ToInstant());
            foreach (var policy in query.LegalPolicies)
            {
                foreach (var zone in query.LegalZones.Count == 0 ? [query.CustomerZone] : query.LegalZones)
                {
                    _legal.Add(policy.AllowedIntervals(zone, Horizon));
                }
            }
        }

        public Interval Horizon { get; }

        public int Capacity(Instant start)
        {
            var local = start.InZone(_query.CentreZone);
            return _query.Capacity.For(local.DayOfWeek, local.Hour);
        }

        public string? WhyNot(Instant start, SlotBook book)
        {
            var end = start + _query.SlotLength;
            var centreLocal = start.InZone(_query.CentreZone).LocalDateTime;
            var customerDate = start.InZone(_query.CustomerZone).Date;
            if (start < Horizon.Start || end > Horizon.End || customerDate < _today || customerDate >= _today.PlusDays(_query.HorizonDays))
            {
                return "outside the horizon";
            }

            if (((centreLocal.Hour * 60) + centreLocal.Minute) % (int)_query.SlotLength.TotalMinutes != 0 || centreLocal.Second != 0)
            {
                return "off the grid";
            }

            if (start < _earliest)
            {
                return "too soon";
            }

            if (Capacity(start) == 0)
            {
                return "no capacity";
            }

            if (!_query.ReportFullSlots && book.BookedCount(start) >= Capacity(start))
            {
                return "full";
            }

            for (var instant = start; instant < end; instant += Duration.FromMinutes(5))
            {
                if (!Inside(_query.CentreHours, _query.CentreZone, instant, withDates: true))
                {
                    return $"centre closed at {instant}";
                }

                if (!Inside(_query.CustomerWindows, _query.CustomerZone, instant, withDates: false))
                {
                    return $"customer unreachable at {instant}";
                }

                if (_legal.Any(allowed => !allowed.Any(i => i.Contains(instant))))
                {
                    return $"outside a legal window at {instant}";
                }
            }

            return null;
        }

        private bool Inside(WeeklyHours hours, DateTimeZone zone, Instant instant, bool withDates)
        {
            var date = instant.InZone(zone).Date;
            for (var day = date.PlusDays(-2); day <= date; day = day.PlusDays(1))
            {
                IReadOnlyList<LocalTimeRange> ranges = hours.For(day.DayOfWeek);
                if (withDates && _query.Overrides.TryGetValue(day, out var overridden))
                {
                    ranges = overridden;
                }
                else if (withDates && _query.Holidays.Contains(day))
                {
                    ranges = [];
                }

                foreach (var range in ranges)
                {
                    if (LocalIntervals.Resolve(range, day, zone) is { } interval && interval.Contains(instant))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
