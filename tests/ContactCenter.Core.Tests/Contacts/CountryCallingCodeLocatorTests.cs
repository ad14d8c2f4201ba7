using System;
using System.Linq;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Contacts;

public sealed class CountryCallingCodeLocatorTests
{
    [Theory]
    [InlineData("+33 1 23 45 67 89", null, "Europe/Paris", "calling code +33")]
    [InlineData("+33 6 12 34 56 78", null, "Europe/Paris", "calling code +33")]
    [InlineData("+262 262 12 34 56", "RE", "Indian/Reunion", "calling code +262")]
    [InlineData("+262 692 12 34 56", "RE", "Indian/Reunion", "calling code +262")]
    [InlineData("+262 269 61 23 45", "YT", "Indian/Mayotte", "calling code +262269")]
    [InlineData("+262 639 12 34 56", "YT", "Indian/Mayotte", "calling code +262639")]
    [InlineData("+590 590 12 34 56", "GP", "America/Guadeloupe", "calling code +590")]
    [InlineData("+594 594 12 34 56", "GF", "America/Cayenne", "calling code +594")]
    [InlineData("+596 596 12 34 56", "MQ", "America/Martinique", "calling code +596")]
    public void France_maps_metropolitan_France_and_the_overseas_departments_to_their_own_zones(string number, string? region, string zone, string source)
    {
        var location = CountryCallingCodeLocator.France.Locate(PhoneNumber.Parse(number));

        Assert.NotNull(location);
        Assert.Equal("FR", location.Country);
        Assert.Equal(region, location.Region);
        Assert.Equal(zone, Assert.Single(location.CandidateZones).Id);
        Assert.Equal(source, location.Source);
        Assert.True(TimeZoneIds.IsLocation(location.CandidateZones[0]));
    }

    [Fact]
    public void Overseas_zones_keep_their_location_ids_and_their_offsets()
    {
        var reunion = CountryCallingCodeLocator.France.Locate(PhoneNumber.Parse("+262 262 12 34 56"))!.CandidateZones[0];
        var guiana = CountryCallingCodeLocator.France.Locate(PhoneNumber.Parse("+594 594 12 34 56"))!.CandidateZones[0];

        Assert.Equal("Indian/Reunion", reunion.Id);
        Assert.Equal(Offset.FromHours(4), reunion.GetUtcOffset(Instant.FromUtc(2026, 7, 1, 0, 0)));
        Assert.Equal(Offset.FromHours(-3), guiana.GetUtcOffset(Instant.FromUtc(2026, 7, 1, 0, 0)));
    }

    [Theory]
    [InlineData("+1 312 555 0142")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+34 912 345 678")]
    public void Does_not_locate_other_countries(string number)
    {
        Assert.Null(CountryCallingCodeLocator.France.Locate(PhoneNumber.Parse(number)));
    }

    [Fact]
    public void The_longest_prefix_wins_whatever_the_order_of_the_rows()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var jersey = DateTimeZoneProviders.Tzdb["Europe/Jersey"];
        var locator = new CountryCallingCodeLocator([new CallingCodeArea("44", "GB", null, london), new CallingCodeArea("441534", "JE", null, jersey)]);

        Assert.Equal("JE", locator.Locate(PhoneNumber.Parse("+44 1534 123456"))!.Country);
        Assert.Equal("GB", locator.Locate(PhoneNumber.Parse("+44 20 7946 0958"))!.Country);
        Assert.Equal(["441534", "44"], locator.Areas.Select(static a => a.Prefix));
    }

    [Fact]
    public void Refuses_duplicate_prefixes()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];

        var error = Assert.Throws<ArgumentException>(() => new CountryCallingCodeLocator([new CallingCodeArea("44", "GB", null, london), new CallingCodeArea("44", "GB", "ENG", london)]));
        Assert.Contains("44", error.Message, StringComparison.Ordinal);
    }
}
