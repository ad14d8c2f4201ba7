using System;
using System.Globalization;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>
/// How many callbacks a slot can take: the same number for every slot, or a number per day of the
/// week and hour, both read on the <em>centre's</em> local clock at the slot's start. Two slots that
/// start in the same local hour (the two 01:00 slots of a fall-back night) each get that hour's
/// capacity. Zero means no seats are planned: such a slot is not offered. Immutable.
/// </summary>
public sealed class SlotCapacity
{
    private readonly int[] _seats; // index (weekday - 1) * 24 + hour

    private SlotCapacity(int[] seats, bool isConstant)
    {
        _seats = seats;
        IsConstant = isConstant;
    }

    /// <summary>Whether every slot has the same capacity.</summary>
    public bool IsConstant { get; }

    /// <summary>The same capacity for every slot.</summary>
    /// <param name="seats">Callbacks per slot; zero or more.</param>
    /// <returns>The capacity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seats"/> is negative.</exception>
    public static SlotCapacity Constant(int seats)
    {
        CheckSeats(seats, nameof(seats));
        var table = new int[7 * 24];
#if NET6_0_OR_GREATER
        Array.Fill(table, seats);
#else
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = seats;
        }
#endif
        return new SlotCapacity(table, isConstant: true);
    }

    /// <summary>
    /// A capacity per centre-local day of the week and hour (0–23) of the slot's start. The function
    /// is called once for each of the 168 combinations, here, and its answers are kept.
    /// </summary>
    /// <param name="seats">Callbacks per slot starting on that day in that hour; zero or more.</param>
    /// <returns>The capacity.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The function returns a negative number.</exception>
    public static SlotCapacity PerWeekdayAndHour(Func<IsoDayOfWeek, int, int> seats)
    {
        Internal.Guard.NotNull(seats);
        var table = new int[7 * 24];
        var constant = true;
        for (var day = 1; day <= 7; day++)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                var value = seats((IsoDayOfWeek)day, hour);
                CheckSeats(value, nameof(seats));
                table[((day - 1) * 24) + hour] = value;
                constant &= value == table[0];
            }
        }

        return new SlotCapacity(table, constant);
    }

    /// <summary>The capacity of a slot starting on <paramref name="day"/> in <paramref name="hour"/>, centre-local.</summary>
    /// <param name="day">The centre-local day of the week.</param>
    /// <param name="hour">The centre-local hour, 0–23.</param>
    /// <returns>The number of callbacks the slot can take.</returns>
    public int For(IsoDayOfWeek day, int hour)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");
        }

        if (hour is < 0 or > 23)
        {
            throw new ArgumentOutOfRangeException(nameof(hour), hour, "An hour is 0–23.");
        }

        return _seats[(((int)day - 1) * 24) + hour];
    }

    /// <summary>Formats as <c>3 per slot</c> or <c>per weekday and hour (0–5 per slot)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsConstant)
        {
            return string.Format(CultureInfo.InvariantCulture, "{0} per slot", _seats[0]);
        }

        int min = int.MaxValue, max = 0;
        foreach (var seats in _seats)
        {
            min = Math.Min(min, seats);
            max = Math.Max(max, seats);
        }

        return string.Format(CultureInfo.InvariantCulture, "per weekday and hour ({0}\u2013{1} per slot)", min, max);
    }

    /// <summary>The capacity at a centre-local date-time, without argument checks.</summary>
    internal int At(LocalDateTime centreLocal) => _seats[(((int)centreLocal.DayOfWeek - 1) * 24) + centreLocal.Hour];

    private static void CheckSeats(int seats, string name)
    {
        if (seats < 0)
        {
            throw new ArgumentOutOfRangeException(name, seats, "A slot's capacity must not be negative.");
        }
    }
}
