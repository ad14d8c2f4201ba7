using System;
using System.Linq;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Contacts;

public sealed class NumberLocationTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    [Fact]
    public void Normalises_codes_and_drops_duplicate_zones()
    {
        var location = new NumberLocation("us", "fl", [Zone("America/Chicago"), Zone("America/New_York"), Zone("America/Chicago")], "test");

        Assert.Equal("US", location.Country);
        Assert.Equal("FL", location.Region);
        Assert.Equal(["America/Chicago", "America/New_York"], location.CandidateZones.Select(static z => z.Id));
        Assert.False(location.IsFallback);
        Assert.True(location.HasZones);
        Assert.Equal("US-FL in America/Chicago, America/New_York (test)", location.ToString());
    }

    [Fact]
    public void Refuses_a_location_without_zones_or_source()
    {
        Assert.Throws<ArgumentException>(() => new NumberLocation("US", null, [], "test"));
        Assert.Throws<ArgumentException>(() => new NumberLocation("US", null, [null!], "test"));
        Assert.Throws<ArgumentException>(() => new NumberLocation("US", null, [Zone("America/Chicago")], " "));
        Assert.Throws<ArgumentNullException>(() => new NumberLocation("US", null, null!, "test"));
    }

    [Fact]
    public void Fallback_of_an_unmapped_NANP_number_is_a_US_number_of_unknown_state_in_every_zone_from_Hawaii_to_Newfoundland()
    {
        var location = NumberLocation.Fallback(PhoneNumber.Parse("+1 636 555 0100"));

        Assert.True(location.IsFallback);
        Assert.Equal("US", location.Country);
        Assert.Null(location.Region);
        Assert.Equal(NumberLocation.NorthAmericanFallbackZoneIds, location.CandidateZones.Select(static z => z.Id));
        Assert.Equal("area code 636 is not in the table: treated as a US number of unknown state in every zone from Hawaii to Newfoundland", location.Note);
        Assert.All(location.CandidateZones, static z => Assert.True(TimeZoneIds.IsLocation(z), z.Id));
    }

    [Fact]
    public void Fallback_zones_span_every_offset_from_Hawaii_to_Newfoundland()
    {
        var location = NumberLocation.Fallback(PhoneNumber.Parse("+1 636 555 0100"));
        var winter = Instant.FromUtc(2026, 1, 15, 12, 0);

        var offsets = location.CandidateZones.Select(z => z.GetUtcOffset(winter)).ToList();

        Assert.Equal(Offset.FromHours(-10), offsets.Min());
        Assert.Equal(Offset.FromHoursAndMinutes(-3, -30), offsets.Max());
    }

    [Fact]
    public void Fallback_of_another_country_has_no_zone_and_says_so()
    {
        var location = NumberLocation.Fallback(PhoneNumber.Parse("+44 20 7946 0958"));

        Assert.True(location.IsFallback);
        Assert.Null(location.Country);
        Assert.False(location.HasZones);
        Assert.Empty(location.CandidateZones);
        Assert.Equal("no locator maps country calling code +44", location.Note);
        Assert.Equal("unknown country in no known zone (fallback, fallback)", location.ToString());
    }

    [Fact]
    public void WithZones_replaces_the_zones_and_keeps_country_region_and_fallback_flag()
    {
        var fallback = NumberLocation.Fallback(PhoneNumber.Parse("+1 636 555 0100"));

        var located = fallback.WithZones([Zone("America/Chicago")], "the record");

        Assert.Equal(["America/Chicago"], located.CandidateZones.Select(static z => z.Id));
        Assert.Equal("the record", located.Source);
        Assert.Equal("US", located.Country);
        Assert.True(located.IsFallback);
        Assert.Throws<ArgumentException>(() => fallback.WithZones([], "the record"));
    }
}
