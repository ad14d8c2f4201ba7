using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Core.Tests.Scheduling;

/// <summary>Zones, instants and formatting shared by the scheduling tests.</summary>
internal static class SlotTestKit
{
    private static readonly LocalTimePattern s_time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly OffsetDateTimePattern s_local = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<m>");

    public static DateTimeZone Zone(string id) => TimeZoneIds.Resolve(id);

    /// <summary>The instant of a local date-time in a zone that has it exactly once.</summary>
    public static Instant At(string zoneId, int year, int month, int day, int hour = 0, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone(zoneId)).ToInstant();

    public static WeeklyHours Every(string range) => WeeklyHours.Every(LocalTimeRange.Parse(range));

    public static SlotSearchResult Search(SlotQuery query, Instant now, ISlotBookings? bookings = null) =>
        SlotCalculator.Calculate(query, bookings ?? new SlotBook(), now);

    /// <summary>The centre-local start times of the slots, "HH:mm".</summary>
    public static string[] CentreTimes(SlotSearchResult result) => result.Slots.Select(static s => s_time.Format(s.CentreLocal.TimeOfDay)).ToArray();

    /// <summary>The customer-local start times of the slots, "HH:mm".</summary>
    public static string[] CustomerTimes(SlotSearchResult result) => result.Slots.Select(static s => s_time.Format(s.CustomerLocal.TimeOfDay)).ToArray();

    public static string Local(OffsetDateTime value) => s_local.Format(value);

    /// <summary>The local time of day, "HH:mm".</summary>
    public static string Hm(OffsetDateTime value) => s_time.Format(value.TimeOfDay);

    public static string[] Times(string first, string last, int stepMinutes)
    {
        var times = new List<string>();
        var start = s_time.Parse(first).Value;
        var end = s_time.Parse(last).Value;
        for (var t = start; ; t = t.PlusMinutes(stepMinutes))
        {
            times.Add(s_time.Format(t));
            if (t == end)
            {
                return times.ToArray();
            }
        }
    }

    public static string[] Concat(params string[][] parts) => parts.SelectMany(static p => p).ToArray();

    public static CallingWindowPolicy Policy(string name, string range, IPublicHolidayCalendar? holidays = null) =>
        new(name, name + " rule", Every(range)) { NoCallsOnHolidays = holidays };

    public sealed class Holidays(string name, params LocalDate[] dates) : IPublicHolidayCalendar
    {
        public string Name { get; } = name;

        public bool IsHoliday(LocalDate localDate) => Array.IndexOf(dates, localDate) >= 0;
    }
}
