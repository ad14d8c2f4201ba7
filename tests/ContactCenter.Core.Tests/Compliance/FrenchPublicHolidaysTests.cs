using System;
using System.Linq;
using ContactCenter.Core.Compliance;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class FrenchPublicHolidaysTests
{
    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), FrenchPublicHolidays.EasterSunday(year));
    }

    [Fact]
    public void Easter_outside_the_Gregorian_years_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchPublicHolidays.EasterSunday(1582));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchPublicHolidays.EasterSunday(10000));
    }

    [Fact]
    public void The_eleven_holidays_of_2026()
    {
        var expected = new[]
        {
            new LocalDate(2026, 1, 1), new LocalDate(2026, 4, 6), new LocalDate(2026, 5, 1), new LocalDate(2026, 5, 8),
            new LocalDate(2026, 5, 14), new LocalDate(2026, 5, 25), new LocalDate(2026, 7, 14), new LocalDate(2026, 8, 15),
            new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 11), new LocalDate(2026, 12, 25),
        };

        Assert.Equal(expected, FrenchPublicHolidays.Instance.HolidaysIn(2026));
        Assert.All(expected, static d => Assert.True(FrenchPublicHolidays.Instance.IsHoliday(d), d.ToString()));
    }

    [Theory]
    [InlineData(2024, 4, 1, "Easter Monday")]
    [InlineData(2024, 5, 9, "Ascension")]
    [InlineData(2024, 5, 20, "Whit Monday")]
    [InlineData(2025, 4, 21, "Easter Monday")]
    [InlineData(2025, 5, 29, "Ascension")]
    [InlineData(2025, 6, 9, "Whit Monday")]
    [InlineData(2038, 6, 3, "Ascension, latest possible")]
    [InlineData(2038, 6, 14, "Whit Monday, latest possible")]
    public void Movable_feasts_follow_Easter(int year, int month, int day, string name)
    {
        Assert.True(FrenchPublicHolidays.Instance.IsHoliday(new LocalDate(year, month, day)), name);
    }

    [Theory]
    [InlineData(2026, 4, 5, "Easter Sunday itself is a Sunday, not a listed holiday")]
    [InlineData(2026, 4, 3, "Good Friday, outside Alsace-Moselle")]
    [InlineData(2026, 12, 26, "26 December, outside Alsace-Moselle")]
    [InlineData(2026, 5, 24, "Whit Sunday")]
    [InlineData(2026, 7, 13, "the day before Bastille Day")]
    [InlineData(2026, 11, 2, "All Souls' Day")]
    public void Other_days_are_not_holidays(int year, int month, int day, string name)
    {
        Assert.False(FrenchPublicHolidays.Instance.IsHoliday(new LocalDate(year, month, day)), name);
    }

    [Fact]
    public void Alsace_Moselle_adds_Good_Friday_and_26_December()
    {
        var alsace = FrenchPublicHolidays.AlsaceMoselle;

        Assert.True(alsace.IncludesAlsaceMoselle);
        Assert.True(alsace.IsHoliday(new LocalDate(2026, 4, 3)));
        Assert.True(alsace.IsHoliday(new LocalDate(2026, 12, 26)));
        Assert.True(alsace.IsHoliday(new LocalDate(2026, 7, 14)));
        Assert.Equal(13, alsace.HolidaysIn(2026).Count);
        Assert.Equal(
            FrenchPublicHolidays.Instance.HolidaysIn(2026).Concat([new LocalDate(2026, 4, 3), new LocalDate(2026, 12, 26)]).OrderBy(static d => d),
            alsace.HolidaysIn(2026));
        Assert.Equal("French public holidays, Alsace-Moselle", alsace.Name);
        Assert.Equal("French public holidays", FrenchPublicHolidays.Instance.ToString());
    }

    [Fact]
    public void Dates_of_another_calendar_system_are_compared_as_ISO_dates()
    {
        var bastilleDay = new LocalDate(2026, 7, 14).WithCalendar(CalendarSystem.Julian);
        var ascension = new LocalDate(2026, 5, 14).WithCalendar(CalendarSystem.Julian);

        Assert.True(FrenchPublicHolidays.Instance.IsHoliday(bastilleDay));
        Assert.True(FrenchPublicHolidays.Instance.IsHoliday(ascension));
    }

    [Fact]
    public void Ascension_on_1_May_is_listed_once()
    {
        // Easter 2008 was on 23 March, so Ascension fell on 1 May.
        var holidays = FrenchPublicHolidays.Instance.HolidaysIn(2008);

        Assert.Equal(10, holidays.Count);
        Assert.Single(holidays, static d => d == new LocalDate(2008, 5, 1));
    }

    [Fact]
    public void IsHoliday_agrees_with_the_list_every_day_of_a_century()
    {
        foreach (var calendar in new[] { FrenchPublicHolidays.Instance, FrenchPublicHolidays.AlsaceMoselle })
        {
            for (var year = 2000; year <= 2100; year++)
            {
                var holidays = calendar.HolidaysIn(year);
                Assert.Equal(holidays.Count, holidays.Distinct().Count());
                Assert.InRange(holidays.Count, calendar.IncludesAlsaceMoselle ? 12 : 10, calendar.IncludesAlsaceMoselle ? 13 : 11);
                var count = 0;
                for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
                {
                    if (calendar.IsHoliday(date))
                    {
                        count++;
                        Assert.Contains(date, holidays);
                    }
                }

                Assert.Equal(holidays.Count, count);
            }
        }
    }
}
