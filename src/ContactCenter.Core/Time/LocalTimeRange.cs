using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Core.Time;

/// <summary>
/// A range of local clock times, <c>[Start, End)</c>, that starts on one day: opening hours, a
/// customer's reachable window, a legal calling window. When <see cref="End"/> is not after
/// <see cref="Start"/> the range crosses midnight and ends on the next day; an <see cref="End"/> of
/// <see cref="LocalTime.Midnight"/> means "until 24:00", the start of the next day. So
/// <c>22:00–02:00</c> runs into the next morning, <c>09:00–24:00</c> runs to the end of the day and
/// <c>00:00–24:00</c> is the whole day.
/// </summary>
/// <remarks>
/// A range is local clock time: it becomes instants only in a zone on a date, by the rules of
/// <see cref="LocalIntervals"/> (skipped and ambiguous times are resolved explicitly).
/// </remarks>
public readonly record struct LocalTimeRange
{
    private static readonly LocalTimePattern s_pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Creates a range.</summary>
    /// <param name="start">The first local time inside the range.</param>
    /// <param name="end">The first local time after the range; at or before <paramref name="start"/> means the next day.</param>
    public LocalTimeRange(LocalTime start, LocalTime end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The whole day, <c>00:00–24:00</c>.</summary>
    public static LocalTimeRange WholeDay => new(LocalTime.Midnight, LocalTime.Midnight);

    /// <summary>The first local time inside the range.</summary>
    public LocalTime Start { get; }

    /// <summary>The first local time after the range (exclusive); see <see cref="CrossesMidnight"/>.</summary>
    public LocalTime End { get; }

    /// <summary>Whether the range ends on the day after it starts (its end is at or before its start).</summary>
    public bool CrossesMidnight => End <= Start;

    /// <summary>The nominal length on a day without clock changes.</summary>
    public Period NominalLength => CrossesMidnight
        ? Period.Between(Start, End) + Period.FromHours(24)
        : Period.Between(Start, End);

    /// <summary>Creates a range from hours and minutes; <c>24:00</c> is accepted as an end.</summary>
    /// <param name="startHour">Start hour, 0–23.</param>
    /// <param name="startMinute">Start minute, 0–59.</param>
    /// <param name="endHour">End hour, 0–24 (24 only with minute 0).</param>
    /// <param name="endMinute">End minute, 0–59.</param>
    /// <returns>The range.</returns>
    public static LocalTimeRange FromHours(int startHour, int startMinute, int endHour, int endMinute)
    {
        if (endHour == 24 && endMinute == 0)
        {
            endHour = 0;
        }

        return new LocalTimeRange(CreateTime(startHour, startMinute, "start"), CreateTime(endHour, endMinute, "end"));
    }

    /// <summary>
    /// Parses <c>HH:mm-HH:mm</c> (a hyphen or an en dash between the times); <c>24:00</c> is accepted
    /// as the end. Examples: <c>08:00-21:00</c>, <c>22:00-02:00</c>, <c>09:00-24:00</c>.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The range.</returns>
    /// <exception cref="FormatException">The text is not a range.</exception>
    public static LocalTimeRange Parse(string text)
    {
        if (TryParse(text, out var range))
        {
            return range;
        }

        throw new FormatException($"'{text}' is not a local time range: expected HH:mm-HH:mm, for example 08:00-21:00 or 22:00-24:00.");
    }

    /// <summary>Parses <c>HH:mm-HH:mm</c> without throwing; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="range">The range when the text is valid.</param>
    /// <returns>Whether the text is a range.</returns>
    public static bool TryParse(string? text, out LocalTimeRange range)
    {
        range = default;
        if (text is null)
        {
            return false;
        }

        var separator = text.IndexOfAny(['-', '\u2013']);
        if (separator < 0)
        {
            return false;
        }

        var startText = text.Substring(0, separator).Trim();
        var endText = text.Substring(separator + 1).Trim();
        var start = s_pattern.Parse(startText);
        if (!start.Success)
        {
            return false;
        }

        LocalTime end;
        if (endText == "24:00")
        {
            end = LocalTime.Midnight;
        }
        else
        {
            var parsed = s_pattern.Parse(endText);
            if (!parsed.Success)
            {
                return false;
            }

            end = parsed.Value;
        }

        range = new LocalTimeRange(start.Value, end);
        return true;
    }

    /// <summary>Whether a local time falls inside the range on the day the range starts or, for a range crossing midnight, on the next day.</summary>
    /// <param name="time">The local time.</param>
    /// <returns>Whether the time is inside.</returns>
    public bool Contains(LocalTime time) => CrossesMidnight
        ? time >= Start || time < End
        : time >= Start && time < End;

    /// <summary>Formats as <c>HH:mm–HH:mm</c>, with <c>24:00</c> for an end at midnight.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        s_pattern.Format(Start) + "\u2013" + (End == LocalTime.Midnight ? "24:00" : s_pattern.Format(End));

    private static LocalTime CreateTime(int hour, int minute, string which)
    {
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            throw new ArgumentOutOfRangeException(which, string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00} is not a time of day (the end may be 24:00).", hour, minute));
        }

        return new LocalTime(hour, minute);
    }
}
