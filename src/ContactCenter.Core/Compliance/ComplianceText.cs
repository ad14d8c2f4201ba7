using System.Globalization;
using ContactCenter.Core.Contacts;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Core.Compliance;

/// <summary>Invariant-culture wording of dialing decisions.</summary>
internal static class ComplianceText
{
    private static readonly LocalTimePattern s_time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDatePattern s_date = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");
    private static readonly LocalDateTimePattern s_minute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly LocalDateTimePattern s_precise = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss.FFFFFFFFF");
    private static readonly OffsetPattern s_offset = OffsetPattern.CreateWithInvariantCulture("+HH':'mm");

    /// <summary><c>21:04</c>: the local time, truncated to the minute.</summary>
    public static string Time(LocalTime time) => s_time.Format(time);

    /// <summary><c>2026-07-14</c>.</summary>
    public static string Date(LocalDate date) => s_date.Format(date);

    /// <summary>
    /// <c>2026-11-22 08:00-06:00</c>: the instant as local date-time in <paramref name="zone"/> with its
    /// offset; seconds (and fractions) appear only when the instant is not on a whole minute.
    /// </summary>
    public static string LocalWithOffset(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        var local = zoned.LocalDateTime;
        var onMinute = local.Second == 0 && local.NanosecondOfSecond == 0;
        return (onMinute ? s_minute : s_precise).Format(local) + s_offset.Format(zoned.Offset);
    }

    /// <summary><c>24 h</c>, <c>30 days</c>, <c>90 min</c>, <c>45 s</c>.</summary>
    public static string Period(Duration period)
    {
        var day = Duration.FromDays(1);
        if (period > day && period.BclCompatibleTicks % day.BclCompatibleTicks == 0)
        {
            return Invariant(period.BclCompatibleTicks / day.BclCompatibleTicks) + " days";
        }

        var hour = Duration.FromHours(1);
        if (period.BclCompatibleTicks % hour.BclCompatibleTicks == 0)
        {
            return Invariant(period.BclCompatibleTicks / hour.BclCompatibleTicks) + " h";
        }

        var minute = Duration.FromMinutes(1);
        return period.BclCompatibleTicks % minute.BclCompatibleTicks == 0
            ? Invariant(period.BclCompatibleTicks / minute.BclCompatibleTicks) + " min"
            : period.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }

    /// <summary><c>US-FL</c>, <c>FR</c>, or <c>an unknown country</c>.</summary>
    public static string Where(NumberLocation location) =>
        location.Country is null ? "an unknown country" : location.Region is null ? location.Country : location.Country + "-" + location.Region;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
