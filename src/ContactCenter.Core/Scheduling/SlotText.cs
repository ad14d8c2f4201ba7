using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Core.Scheduling;

/// <summary>Invariant formatting for slots, results and explanations.</summary>
internal static class SlotText
{
    private static readonly OffsetDateTimePattern s_dateTime =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<m>");

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string DateTime(OffsetDateTime value) => s_dateTime.Format(value);

    public static string DateTime(Instant instant, DateTimeZone zone) => s_dateTime.Format(instant.InZone(zone).ToOffsetDateTime());

    public static string Minutes(Duration duration)
    {
        var minutes = duration.TotalMinutes;
        return minutes == System.Math.Floor(minutes)
            ? string.Format(CultureInfo.InvariantCulture, "{0:0} min", minutes)
            : string.Format(CultureInfo.InvariantCulture, "{0:0.###} min", minutes);
    }
}
