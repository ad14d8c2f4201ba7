using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// The public holidays of France listed by Code du travail art. L. 3133-1: 1 January, Easter Monday,
/// 1 May, 8 May, Ascension Day, Whit Monday, 14 July, 15 August, 1 November, 11 November and
/// 25 December; with <see cref="AlsaceMoselle"/>, also the two extra days of the Bas-Rhin, Haut-Rhin
/// and Moselle (Code du travail art. L. 3134-13): Good Friday and 26 December. Easter is computed by
/// the Gregorian computus, so any year works.
/// </summary>
public sealed class FrenchPublicHolidays : IPublicHolidayCalendar
{
    private FrenchPublicHolidays(bool includesAlsaceMoselle)
    {
        IncludesAlsaceMoselle = includesAlsaceMoselle;
        Name = includesAlsaceMoselle ? "French public holidays, Alsace-Moselle" : "French public holidays";
    }

    /// <summary>The eleven public holidays of Code du travail art. L. 3133-1.</summary>
    public static FrenchPublicHolidays Instance { get; } = new(includesAlsaceMoselle: false);

    /// <summary>The eleven holidays plus Good Friday and 26 December (Alsace-Moselle).</summary>
    public static FrenchPublicHolidays AlsaceMoselle { get; } = new(includesAlsaceMoselle: true);

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Whether Good Friday and 26 December are holidays too.</summary>
    public bool IncludesAlsaceMoselle { get; }

    /// <summary>Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher).</summary>
    /// <param name="year">The year, 1583 to 9999.</param>
    /// <returns>The date of Easter Sunday.</returns>
    public static LocalDate EasterSunday(int year)
    {
        if (year is < 1583 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The Gregorian computus covers the years 1583 to 9999.");
        }

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>The holidays of a year, in date order, each date once (Ascension can fall on 1 May, as in 2008).</summary>
    /// <param name="year">The year, 1583 to 9999.</param>
    /// <returns>The dates.</returns>
    public IReadOnlyList<LocalDate> HolidaysIn(int year)
    {
        var easter = EasterSunday(year);
        var dates = new List<LocalDate> { new(year, 1, 1) };
        if (IncludesAlsaceMoselle)
        {
            dates.Add(easter.PlusDays(-2));
        }

        dates.Add(easter.PlusDays(1));
        dates.Add(new LocalDate(year, 5, 1));
        dates.Add(new LocalDate(year, 5, 8));
        dates.Add(easter.PlusDays(39));
        dates.Add(easter.PlusDays(50));
        dates.Add(new LocalDate(year, 7, 14));
        dates.Add(new LocalDate(year, 8, 15));
        dates.Add(new LocalDate(year, 11, 1));
        dates.Add(new LocalDate(year, 11, 11));
        dates.Add(new LocalDate(year, 12, 25));
        if (IncludesAlsaceMoselle)
        {
            dates.Add(new LocalDate(year, 12, 26));
        }

        dates.Sort();
        return dates.Distinct().ToArray();
    }

    /// <inheritdoc />
    public bool IsHoliday(LocalDate localDate)
    {
        var date = localDate.Calendar == CalendarSystem.Iso ? localDate : localDate.WithCalendar(CalendarSystem.Iso);
        switch (date.Month, date.Day)
        {
            case (1, 1):
            case (5, 1):
            case (5, 8):
            case (7, 14):
            case (8, 15):
            case (11, 1):
            case (11, 11):
            case (12, 25):
                return true;
            case (12, 26):
                return IncludesAlsaceMoselle;
        }

        if (date.Month is < 3 or > 6 || date.Year is < 1583 or > 9999)
        {
            return false;
        }

        var fromEaster = Period.Between(EasterSunday(date.Year), date, PeriodUnits.Days).Days;
        return fromEaster is 1 or 39 or 50 || (IncludesAlsaceMoselle && fromEaster == -2);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
