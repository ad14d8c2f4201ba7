using System;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class TimeZoneIdsTests
{
    [Theory]
    [InlineData("Europe/Paris", "Europe/Paris")]
    [InlineData("US/Central", "America/Chicago")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData("America/Godthab", "America/Nuuk")]
    [InlineData("Indian/Reunion", "Indian/Reunion")]
    [InlineData("Europe/Oslo", "Europe/Oslo")]
    [InlineData("Atlantic/Reykjavik", "Atlantic/Reykjavik")]
    public void Location_ids_resolve_and_aliases_are_canonicalised(string id, string canonical)
    {
        Assert.Equal(canonical, TimeZoneIds.Resolve(id).Id);
        Assert.Equal(canonical, TimeZoneIds.Canonicalise(id));
        Assert.True(TimeZoneIds.IsLocation(TimeZoneIds.Resolve(id)));
    }

    [Theory]
    [InlineData("EST", "abbreviation")]
    [InlineData("CET", "abbreviation")]
    [InlineData("EST5EDT", "abbreviation")]
    [InlineData("UTC", "fixed-offset")]
    [InlineData("Etc/UTC", "fixed-offset")]
    [InlineData("Etc/GMT+5", "UTC-5")]
    [InlineData("Etc/GMT-14", "UTC+14")]
    public void Abbreviations_and_fixed_offsets_are_refused_with_the_reason(string id, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => TimeZoneIds.Resolve(id));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("opt in", error.Message, StringComparison.Ordinal);
        Assert.False(TimeZoneIds.TryResolve(id, out var zone, out var reason));
        Assert.Null(zone);
        Assert.Equal(error.Message.Split(" (Parameter")[0], reason);
    }

    [Theory]
    [InlineData("EST")]
    [InlineData("Etc/GMT+5")]
    public void Opting_in_accepts_them_as_they_are(string id)
    {
        var zone = TimeZoneIds.Resolve(id, allowNonLocationIds: true);

        Assert.Equal(id, zone.Id);
        Assert.False(TimeZoneIds.IsLocation(zone));
        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(Instant.FromUtc(2026, 7, 1, 0, 0)));
    }

    [Fact]
    public void Unknown_blank_and_miscased_ids_are_refused_helpfully()
    {
        Assert.Contains(TimeZoneIds.TzdbVersion, Assert.Throws<ArgumentException>(() => TimeZoneIds.Resolve("Mars/Olympus_Mons")).Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Europe/Paris'", Assert.Throws<ArgumentException>(() => TimeZoneIds.Resolve("europe/paris")).Message, StringComparison.Ordinal);
        Assert.False(TimeZoneIds.TryResolve(" ", out _, out var blank));
        Assert.Contains("required", blank, StringComparison.Ordinal);
        Assert.False(TimeZoneIds.TryResolve(null, out _, out _));
    }

    [Fact]
    public void The_tz_database_version_is_reported()
    {
        Assert.Matches("^[0-9]{4}[a-z]$", TimeZoneIds.TzdbVersion);
    }
}
