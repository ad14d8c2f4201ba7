using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NodaTime;

namespace ContactCenter.Core.Time;

/// <summary>
/// Local time ranges per day of the week: a centre's opening hours, a customer's reachable hours, a
/// legal calling window. A range belongs to the day it starts on and may cross midnight
/// (<c>Friday 22:00–02:00</c> ends on Saturday). Immutable.
/// </summary>
/// <example>
/// <code>
/// var hours = WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-20:00"))
///     .With(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("09:00-13:00"));
/// </code>
/// </example>
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    private static readonly IReadOnlyList<LocalTimeRange> s_none = Array.Empty<LocalTimeRange>();

    // Static initialisers run in textual order: AllDays must exist before None and Always are built.
    private static readonly IsoDayOfWeek[] s_allDays =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    private readonly IReadOnlyList<LocalTimeRange>[] _days; // index 0 = Monday

    private WeeklyHours(IReadOnlyList<LocalTimeRange>[] days)
    {
        _days = days;
        IsAlways = Array.TrueForAll(days, static d => d.Count == 1 && d[0] == LocalTimeRange.WholeDay);
    }

    /// <summary>No hours on any day.</summary>
    public static WeeklyHours None { get; } = new(Enumerable.Repeat(s_none, 7).ToArray());

    /// <summary>Every day, all day.</summary>
    public static WeeklyHours Always { get; } = Every(LocalTimeRange.WholeDay);

    /// <summary>Whether every day is one whole-day range, so the hours cover every instant in any zone.</summary>
    internal bool IsAlways { get; }

    /// <summary>Whether no day has any range.</summary>
    public bool IsEmpty => _days.All(static d => d.Count == 0);

    /// <summary>The same ranges on every day of the week.</summary>
    /// <param name="ranges">The ranges.</param>
    /// <returns>The hours.</returns>
    public static WeeklyHours Every(params LocalTimeRange[] ranges) => None.With(AllDays, ranges);

    /// <summary>The same ranges Monday to Friday, nothing at the weekend.</summary>
    /// <param name="ranges">The ranges.</param>
    /// <returns>The hours.</returns>
    public static WeeklyHours Weekdays(params LocalTimeRange[] ranges) =>
        None.With([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], ranges);

    /// <summary>A copy with <paramref name="day"/>'s ranges replaced by <paramref name="ranges"/> (none closes the day).</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="ranges">The ranges that start on that day.</param>
    /// <returns>The new hours.</returns>
    public WeeklyHours With(IsoDayOfWeek day, params LocalTimeRange[] ranges) => With([day], ranges);

    /// <summary>A copy with each of <paramref name="days"/>' ranges replaced by <paramref name="ranges"/>.</summary>
    /// <param name="days">The days of the week.</param>
    /// <param name="ranges">The ranges that start on each of those days.</param>
    /// <returns>The new hours.</returns>
    public WeeklyHours With(IEnumerable<IsoDayOfWeek> days, params LocalTimeRange[] ranges)
    {
        Internal.Guard.NotNull(days);
        Internal.Guard.NotNull(ranges);
        var normalised = Normalise(ranges);
        var copy = (IReadOnlyList<LocalTimeRange>[])_days.Clone();
        foreach (var day in days)
        {
            copy[Index(day)] = normalised;
        }

        return new WeeklyHours(copy);
    }

    /// <summary>The ranges that start on <paramref name="day"/>, sorted by start.</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns>The ranges; empty when the day is closed.</returns>
    public IReadOnlyList<LocalTimeRange> For(IsoDayOfWeek day) => _days[Index(day)];

    /// <inheritdoc />
    public bool Equals(WeeklyHours? other) =>
        other is not null && _days.Zip(other._days, static (a, b) => a.SequenceEqual(b)).All(static same => same);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var day in _days)
        {
            foreach (var range in day)
            {
                hash = (hash * 31) + range.GetHashCode();
            }

            hash *= 7;
        }

        return hash;
    }

    /// <summary>Monday to Sunday.</summary>
    internal static IsoDayOfWeek[] AllDays => s_allDays;

    /// <summary>Formats as <c>Mon 08:00–20:00; Tue …</c>, omitting closed days.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var day in AllDays)
        {
            var ranges = For(day);
            if (ranges.Count == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(ShortName(day)).Append(' ').Append(string.Join(", ", ranges));
        }

        return text.Length == 0 ? "closed" : text.ToString();
    }

    private static string ShortName(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "Mon",
        IsoDayOfWeek.Tuesday => "Tue",
        IsoDayOfWeek.Wednesday => "Wed",
        IsoDayOfWeek.Thursday => "Thu",
        IsoDayOfWeek.Friday => "Fri",
        IsoDayOfWeek.Saturday => "Sat",
        _ => "Sun",
    };

    private static int Index(IsoDayOfWeek day) => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
        ? (int)day - 1
        : throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");

    private static IReadOnlyList<LocalTimeRange> Normalise(LocalTimeRange[] ranges) =>
        ranges.Length == 0 ? s_none : ranges.OrderBy(static r => r.Start).ThenBy(static r => r.End).Distinct().ToArray();
}
