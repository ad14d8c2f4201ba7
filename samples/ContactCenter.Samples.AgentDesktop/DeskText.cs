using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>How the desktop writes times and dates: NodaTime patterns, invariant culture, never the machine's zone.</summary>
internal static class DeskText
{
    private static readonly LocalTimePattern s_time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern s_seconds = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");
    private static readonly LocalDatePattern s_day = LocalDatePattern.CreateWithInvariantCulture("ddd d MMM");
    private static readonly ZonedDateTimePattern s_clock = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu HH:mm:ss", null);

    public static string Time(LocalTime time) => s_time.Format(time);

    public static string Seconds(Instant instant, DateTimeZone zone) => s_seconds.Format(instant.InZone(zone).TimeOfDay);

    public static string Day(LocalDate date) => s_day.Format(date);

    public static string IsoDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static bool TryParseIso(string? text, out Instant instant)
    {
        var result = InstantPattern.ExtendedIso.Parse(text ?? string.Empty);
        instant = result.Success ? result.Value : default;
        return result.Success;
    }

    public static string Clock(Instant instant, DateTimeZone zone) => s_clock.Format(instant.InZone(zone)) + " " + zone.Id;

    public static string CustomerSlot(OffsetDateTime start) => s_day.Format(start.Date) + " " + s_time.Format(start.TimeOfDay);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
