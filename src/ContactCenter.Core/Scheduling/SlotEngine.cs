using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>
/// The slot search: expands every window once into sorted instant intervals, intersects them stage
/// by stage (centre hours, customer window, legal windows, minimum notice), walks the centre's local
/// grid through what is left, and explains the days left without a slot.
/// </summary>
internal static class SlotEngine
{
    private const byte Candidate = 1;
    private const byte Timely = 2;
    private const byte HasCapacity = 4;
    private const byte Available = 8;

    public static SlotSearchResult Search(SlotQuery query, ISlotBookings bookings, Instant now)
    {
        var windows = SlotWindows.Compute(query, now, restrict: null);
        var slots = new List<Slot>();
        var flags = new byte[query.HorizonDays];
        Walk(windows, bookings, query.ReportFullSlots, slots, flags);
        var days = ExplainDays(windows, flags);
        return new SlotSearchResult(slots, days, windows.Today, windows.Horizon, windows.Earliest, TimeZoneIds.TzdbVersion);
    }

    /// <summary>The slot starting at <paramref name="slotStart"/>, full or not, or why there is none.</summary>
    public static Slot? Find(SlotQuery query, ISlotBookings bookings, Instant now, Instant slotStart, out string? whyNot)
    {
        var windows = SlotWindows.Compute(query, now, new Interval(slotStart, slotStart + query.SlotLength));
        var slots = new List<Slot>(1);
        Walk(windows, bookings, reportFull: true, slots, new byte[query.HorizonDays]);
        foreach (var slot in slots)
        {
            if (slot.Start == slotStart)
            {
                whyNot = null;
                return slot;
            }
        }

        whyNot = ExplainSlot(windows, slotStart);
        return null;
    }

    private static void Walk(SlotWindows windows, ISlotBookings bookings, bool reportFull, List<Slot> slots, byte[] flags)
    {
        var offered = windows.Legal;
        if (offered.Count == 0)
        {
            return;
        }

        var query = windows.Query;
        var length = query.SlotLength;
        var lengthTicks = length.BclCompatibleTicks;
        var capacity = query.Capacity;
        var centreZone = query.CentreZone;
        var customerZone = query.CustomerZone;
        var earliest = windows.Earliest;
        var counts = Sorted(bookings.GetBookedCounts(new Interval(offered[0].Start, offered[offered.Count - 1].End)));
        var booking = 0;

        var customerFrom = Instant.MaxValue;
        var customerUntil = Instant.MinValue;
        var customerOffset = Offset.Zero;
        var lastDate = windows.Today;
        var lastIndex = 0;

        foreach (var interval in offered)
        {
            var end = interval.End;
            var t = interval.Start;
            while (t < end)
            {
                // One stretch of constant centre offset: the grid is an arithmetic progression in it.
                var zoneInterval = centreZone.GetZoneInterval(t);
                var centreOffset = zoneInterval.WallOffset;
                var pieceEnd = zoneInterval.HasEnd && zoneInterval.End < end ? zoneInterval.End : end;
                var remainder = Mod(t.ToUnixTimeTicks() + centreOffset.Ticks, lengthTicks);
                var start = remainder == 0 ? t : t + Duration.FromTicks(lengthTicks - remainder);
                for (; start < pieceEnd && start + length <= end; start += length)
                {
                    if (start < customerFrom || start >= customerUntil)
                    {
                        var customerInterval = customerZone.GetZoneInterval(start);
                        customerOffset = customerInterval.WallOffset;
                        customerFrom = customerInterval.HasStart ? customerInterval.Start : Instant.MinValue;
                        customerUntil = customerInterval.HasEnd ? customerInterval.End : Instant.MaxValue;
                    }

                    var customerLocal = start.WithOffset(customerOffset);
                    var date = customerLocal.Date;
                    if (date != lastDate)
                    {
                        lastDate = date;
                        lastIndex = Period.DaysBetween(windows.Today, date);
                    }

                    if (lastIndex < 0 || lastIndex >= flags.Length)
                    {
                        continue; // a repeated hour of a day outside the horizon (fall-back at midnight)
                    }

                    flags[lastIndex] |= Candidate;
                    if (start < earliest)
                    {
                        continue;
                    }

                    flags[lastIndex] |= Timely;
                    var centreLocal = start.WithOffset(centreOffset);
                    var total = capacity.At(centreLocal.LocalDateTime);
                    if (total == 0)
                    {
                        continue;
                    }

                    flags[lastIndex] |= HasCapacity;
                    while (booking < counts.Count && counts[booking].SlotStart < start)
                    {
                        booking++;
                    }

                    var booked = booking < counts.Count && counts[booking].SlotStart == start ? counts[booking].Count : 0;
                    var remaining = total > booked ? total - booked : 0;
                    if (remaining > 0)
                    {
                        flags[lastIndex] |= Available;
                    }

                    if (remaining > 0 || reportFull)
                    {
                        slots.Add(new Slot(start, length, customerLocal, centreLocal, remaining, total));
                    }
                }

                t = pieceEnd;
            }
        }
    }

    private static IReadOnlyList<SlotBookingCount> Sorted(IReadOnlyList<SlotBookingCount> counts)
    {
        for (var i = 1; i < counts.Count; i++)
        {
            if (counts[i - 1].SlotStart >= counts[i].SlotStart)
            {
                // A store broke the port's promise: merge duplicates and sort, rather than miscount.
                return counts.GroupBy(static c => c.SlotStart)
                    .Select(static g => new SlotBookingCount(g.Key, g.Sum(static c => c.Count)))
                    .OrderBy(static c => c.SlotStart)
                    .ToList();
            }
        }

        return counts;
    }

    private static long Mod(long value, long modulus)
    {
        var remainder = value % modulus;
        return remainder < 0 ? remainder + modulus : remainder;
    }

    private static IReadOnlyList<DayWithoutSlots> ExplainDays(SlotWindows windows, byte[] flags)
    {
        List<DayWithoutSlots>? days = null;
        List<Interval>? openIgnoringHolidays = null;
        var query = windows.Query;
        for (var index = 0; index < flags.Length; index++)
        {
            var flag = flags[index];
            if ((flag & Available) != 0)
            {
                continue;
            }

            var date = windows.Today.PlusDays(index);
            var dayStart = query.CustomerZone.AtStartOfDay(date).ToInstant();
            var dayEnd = query.CustomerZone.AtStartOfDay(date.PlusDays(1)).ToInstant();
            NoSlotReason reason;
            string explanation;
            if (!IntervalAlgebra.Overlaps(windows.Open, dayStart, dayEnd))
            {
                openIgnoringHolidays ??= windows.ExpandCentre(ignoreHolidays: true);
                if (IntervalAlgebra.Overlaps(openIgnoringHolidays, dayStart, dayEnd))
                {
                    reason = NoSlotReason.Holiday;
                    explanation = $"The centre ({query.CentreZone.Id}) is closed for its holiday on {string.Join(" and ", windows.HolidaysOverlapping(dayStart, dayEnd).Select(SlotText.Date))} (centre-local date).";
                }
                else
                {
                    reason = NoSlotReason.Closed;
                    explanation = $"The centre ({query.CentreZone.Id}) has no opening hours that fall on this day.";
                }
            }
            else if (!IntervalAlgebra.Overlaps(windows.Reachable, dayStart, dayEnd))
            {
                reason = NoSlotReason.NoOverlap;
                explanation = $"The centre's hours do not overlap the customer's reachable hours ({query.CustomerZone.Id}) on this day.";
            }
            else if (!IntervalAlgebra.Overlaps(windows.Legal, dayStart, dayEnd))
            {
                reason = NoSlotReason.OutsideLegalWindow;
                explanation = $"No time when the centre is open and the customer reachable lies inside {windows.DescribeLegalBlocking(dayStart, dayEnd, whole: false)}.";
            }
            else if ((flag & Candidate) == 0)
            {
                reason = NoSlotReason.NoSlotFits;
                explanation = $"The windows overlap on this day only in pieces that hold no whole {SlotText.Minutes(query.SlotLength)} slot of the centre's grid.";
            }
            else if ((flag & Timely) == 0)
            {
                reason = NoSlotReason.TooSoon;
                explanation = query.MinimumNotice == Duration.Zero
                    ? "Every slot of this day is already past."
                    : $"Every slot of this day that is not past starts less than the minimum notice ({SlotText.Minutes(query.MinimumNotice)}) after now.";
            }
            else if ((flag & HasCapacity) == 0)
            {
                reason = NoSlotReason.NoCapacity;
                explanation = "No seats are planned (capacity 0) for the slots of this day.";
            }
            else
            {
                reason = NoSlotReason.Full;
                explanation = "Every slot of this day is fully booked.";
            }

            (days ??= []).Add(new DayWithoutSlots(date, reason, explanation));
        }

        return days is null ? Array.Empty<DayWithoutSlots>() : days;
    }

    private static string ExplainSlot(SlotWindows windows, Instant start)
    {
        var query = windows.Query;
        var end = start + query.SlotLength;
        var centreLocal = SlotText.DateTime(start, query.CentreZone);
        var prefix = $"No slot starts at {centreLocal} (centre) / {SlotText.DateTime(start, query.CustomerZone)} (customer): ";
        if (start < windows.Horizon.Start || end > windows.Horizon.End
            || Period.DaysBetween(windows.Today, start.InZone(query.CustomerZone).Date) is var day && (day < 0 || day >= query.HorizonDays))
        {
            return prefix + string.Format(
                CultureInfo.InvariantCulture,
                "it is outside the horizon of {0} customer-local days from {1}.",
                query.HorizonDays,
                SlotText.Date(windows.Today));
        }

        var centreOffset = query.CentreZone.GetUtcOffset(start);
        if (Mod(start.ToUnixTimeTicks() + centreOffset.Ticks, query.SlotLength.BclCompatibleTicks) != 0)
        {
            return prefix + $"it is not on the centre's {SlotText.Minutes(query.SlotLength)} grid (slots start every {SlotText.Minutes(query.SlotLength)} from centre-local midnight).";
        }

        if (!IntervalAlgebra.Covers(windows.Open, start, end))
        {
            return prefix + "the centre is not open for the whole slot.";
        }

        if (!IntervalAlgebra.Covers(windows.Reachable, start, end))
        {
            return prefix + "the customer is not reachable for the whole slot.";
        }

        if (!IntervalAlgebra.Covers(windows.Legal, start, end))
        {
            return prefix + $"it is not wholly inside {windows.DescribeLegalBlocking(start, end, whole: true)}.";
        }

        if (start < windows.Earliest)
        {
            return prefix + $"it starts before the earliest allowed start {SlotText.DateTime(windows.Earliest, query.CustomerZone)} (now plus the minimum notice of {SlotText.Minutes(query.MinimumNotice)}).";
        }

        return prefix + "no seats are planned for it (capacity 0).";
    }

    /// <summary>The expanded windows of one search, stage by stage; each list sorted and disjoint.</summary>
    private sealed class SlotWindows
    {
        private readonly List<(CallingWindowPolicy Policy, DateTimeZone Zone, List<Interval> Allowed)> _legalByPolicy = [];
        private HashSet<LocalDate>? _holidays;

        private SlotWindows(SlotQuery query) => Query = query;

        public SlotQuery Query { get; }

        public LocalDate Today { get; private set; }

        public Interval Horizon { get; private set; }

        public Interval Within { get; private set; }

        public Instant Earliest { get; private set; }

        /// <summary>Centre hours, with holidays and overrides.</summary>
        public List<Interval> Open { get; } = [];

        /// <summary>Open ∩ customer windows.</summary>
        public List<Interval> Reachable { get; } = [];

        /// <summary>Reachable ∩ every legal window in every legal zone: where slots are walked.</summary>
        public List<Interval> Legal { get; } = [];

        public static SlotWindows Compute(SlotQuery query, Instant now, Interval? restrict)
        {
            query.Validate();
            var windows = new SlotWindows(query);
            var customerZone = query.CustomerZone;
            var today = now.InZone(customerZone).Date;
            windows.Today = today;
            windows.Horizon = new Interval(customerZone.AtStartOfDay(today).ToInstant(), customerZone.AtStartOfDay(today.PlusDays(query.HorizonDays)).ToInstant());
            windows.Earliest = now + query.MinimumNotice;
            var within = windows.Horizon;
            if (restrict is { } r)
            {
                var start = r.Start > within.Start ? r.Start : within.Start;
                var end = r.End < within.End ? r.End : within.End;
                within = new Interval(start, end > start ? end : start);
            }

            windows.Within = within;
            if (within.Start >= within.End)
            {
                return windows;
            }

            if (query.Holidays.Count > 0)
            {
                windows._holidays = [.. query.Holidays];
            }

            windows.ExpandCentreInto(windows.Open, ignoreHolidays: false);
            if (query.CustomerWindows.IsAlways)
            {
                windows.Reachable.AddRange(windows.Open);
            }
            else
            {
                var customer = new List<Interval>();
                LocalIntervals.ExpandInto(query.CustomerWindows, customerZone, within, customer);
                IntervalAlgebra.Intersect(windows.Open, customer, windows.Reachable);
            }

            var legal = new List<Interval>(windows.Reachable);
            var scratch = new List<Interval>();
            foreach (var policy in query.LegalPolicies)
            {
                foreach (var zone in query.EffectiveLegalZones)
                {
                    var allowed = new List<Interval>();
                    policy.AllowedIntervalsInto(zone, within, allowed);
                    windows._legalByPolicy.Add((policy, zone, allowed));
                    IntervalAlgebra.Intersect(legal, allowed, scratch);
                    (legal, scratch) = (scratch, legal);
                }
            }

            windows.Legal.AddRange(legal);
            return windows;
        }

        public List<Interval> ExpandCentre(bool ignoreHolidays)
        {
            var into = new List<Interval>();
            ExpandCentreInto(into, ignoreHolidays);
            return into;
        }

        /// <summary>The holidays (centre-local dates) whose weekly hours would have overlapped <c>[start, end)</c>.</summary>
        public IEnumerable<LocalDate> HolidaysOverlapping(Instant start, Instant end)
        {
            var zone = Query.CentreZone;
            var last = end.InZone(zone).Date;
            for (var date = start.InZone(zone).Date.PlusDays(-1); date <= last; date = date.PlusDays(1))
            {
                if (_holidays is null || !_holidays.Contains(date) || Query.Overrides.ContainsKey(date))
                {
                    continue;
                }

                foreach (var range in Query.CentreHours.For(date.DayOfWeek))
                {
                    if (LocalIntervals.Resolve(range, date, zone) is { } interval && interval.Start < end && interval.End > start)
                    {
                        yield return date;
                        break;
                    }
                }
            }
        }

        /// <summary>Names the legal windows that leave nothing of the reachable time in <c>[start, end)</c>.</summary>
        /// <remarks>For a slot (<paramref name="whole"/>), the windows that do not cover all of it.</remarks>
        public string DescribeLegalBlocking(Instant start, Instant end, bool whole)
        {
            var blocking = _legalByPolicy
                .Where(p => whole ? !IntervalAlgebra.Covers(p.Allowed, start, end) : !IntervalAlgebra.OverlapBetween(Reachable, p.Allowed, start, end))
                .ToList();
            var named = (blocking.Count > 0 ? blocking : _legalByPolicy)
                .Select(p => Query.EffectiveLegalZones.Count > 1 || p.Zone != Query.CustomerZone
                    ? $"{p.Policy.Name} ({p.Policy.Source}) applied in {p.Zone.Id}"
                    : $"{p.Policy.Name} ({p.Policy.Source})")
                .Distinct(StringComparer.Ordinal);
            return "the legal calling window of " + string.Join(" and of ", named);
        }

        private void ExpandCentreInto(List<Interval> into, bool ignoreHolidays)
        {
            into.Clear();
            var within = Within;
            if (within.Start >= within.End)
            {
                return;
            }

            var zone = Query.CentreZone;
            var last = within.End.InZone(zone).Date;
            for (var date = within.Start.InZone(zone).Date.PlusDays(-1); date <= last; date = date.PlusDays(1))
            {
                foreach (var range in RangesOn(date, ignoreHolidays))
                {
                    if (LocalIntervals.Resolve(range, date, zone) is { } interval)
                    {
                        IntervalAlgebra.AddClipped(into, interval, within);
                    }
                }
            }

            IntervalAlgebra.Normalise(into);
        }

        private IReadOnlyList<LocalTimeRange> RangesOn(LocalDate date, bool ignoreHolidays)
        {
            if (Query.Overrides.Count > 0 && Query.Overrides.TryGetValue(date, out var ranges))
            {
                return ranges;
            }

            return !ignoreHolidays && _holidays is not null && _holidays.Contains(date)
                ? Array.Empty<LocalTimeRange>()
                : Query.CentreHours.For(date.DayOfWeek);
        }
    }
}
