using System;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class LocalTimeRangeTests
{
    [Theory]
    [InlineData("08:00-21:00", 8, 0, 21, 0)]
    [InlineData("08:00\u201321:00", 8, 0, 21, 0)]
    [InlineData(" 22:30 - 02:15 ", 22, 30, 2, 15)]
    [InlineData("09:00-24:00", 9, 0, 0, 0)]
    public void Parse_reads_hyphen_or_en_dash_and_24_00(string text, int startHour, int startMinute, int endHour, int endMinute)
    {
        var range = LocalTimeRange.Parse(text);

        Assert.Equal(new LocalTime(startHour, startMinute), range.Start);
        Assert.Equal(new LocalTime(endHour, endMinute), range.End);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("08:00")]
    [InlineData("8-9")]
    [InlineData("24:00-08:00")]
    [InlineData("08:00-24:30")]
    [InlineData("08:00-25:00")]
    [InlineData("08h00-09h00")]
    public void Invalid_text_is_refused(string? text)
    {
        Assert.False(LocalTimeRange.TryParse(text, out var range));
        Assert.Equal(default, range);
        if (text is not null)
        {
            var error = Assert.Throws<FormatException>(() => LocalTimeRange.Parse(text));
            Assert.Contains("HH:mm-HH:mm", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_range_whose_end_is_not_after_its_start_crosses_midnight()
    {
        var evening = LocalTimeRange.Parse("08:00-20:00");
        var night = LocalTimeRange.Parse("22:00-02:00");
        var untilMidnight = LocalTimeRange.Parse("18:00-24:00");

        Assert.False(evening.CrossesMidnight);
        Assert.True(night.CrossesMidnight);
        Assert.True(untilMidnight.CrossesMidnight);
        Assert.True(LocalTimeRange.WholeDay.CrossesMidnight);
        Assert.Equal(Duration.FromHours(12), evening.NominalLength.ToDuration());
        Assert.Equal(Duration.FromHours(4), night.NominalLength.ToDuration());
        Assert.Equal(Duration.FromHours(6), untilMidnight.NominalLength.ToDuration());
        Assert.Equal(Duration.FromHours(24), LocalTimeRange.WholeDay.NominalLength.ToDuration());
    }

    [Fact]
    public void Contains_is_half_open_and_wraps_after_midnight()
    {
        var day = LocalTimeRange.Parse("08:00-20:00");
        var night = LocalTimeRange.Parse("22:00-02:00");

        Assert.True(day.Contains(new LocalTime(8, 0)));
        Assert.False(day.Contains(new LocalTime(20, 0)));
        Assert.False(day.Contains(new LocalTime(7, 59)));
        Assert.True(night.Contains(new LocalTime(23, 0)));
        Assert.True(night.Contains(new LocalTime(1, 59)));
        Assert.False(night.Contains(new LocalTime(2, 0)));
        Assert.False(night.Contains(new LocalTime(12, 0)));
        Assert.True(LocalTimeRange.WholeDay.Contains(new LocalTime(13, 37)));
    }

    [Fact]
    public void FromHours_accepts_24_00_as_an_end_and_refuses_other_out_of_range_times()
    {
        Assert.Equal(LocalTimeRange.Parse("09:00-24:00"), LocalTimeRange.FromHours(9, 0, 24, 0));
        Assert.Equal(LocalTimeRange.Parse("09:30-17:45"), LocalTimeRange.FromHours(9, 30, 17, 45));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalTimeRange.FromHours(24, 0, 9, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalTimeRange.FromHours(9, 0, 24, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalTimeRange.FromHours(9, 60, 10, 0));
    }

    [Fact]
    public void ToString_is_invariant_and_round_trips_through_Parse()
    {
        foreach (var text in new[] { "08:00\u201321:00", "22:00\u201302:00", "09:00\u201324:00", "00:00\u201324:00" })
        {
            Assert.Equal(text, LocalTimeRange.Parse(text).ToString());
        }

        Assert.Equal(LocalTimeRange.WholeDay, LocalTimeRange.Parse(LocalTimeRange.WholeDay.ToString()));
    }
}
