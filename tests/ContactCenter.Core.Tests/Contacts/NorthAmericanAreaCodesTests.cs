using System;
using System.Linq;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using Xunit;

namespace ContactCenter.Core.Tests.Contacts;

public sealed class NorthAmericanAreaCodesTests
{
    private static readonly NorthAmericanAreaCodes s_table = NorthAmericanAreaCodes.Instance;

    [Theory]
    [InlineData("+1 312 555 0142", "US", "IL", "America/Chicago")]
    [InlineData("+1 212 555 0142", "US", "NY", "America/New_York")]
    [InlineData("+1 303 555 0142", "US", "CO", "America/Denver")]
    [InlineData("+1 602 555 0142", "US", "AZ", "America/Phoenix")]
    [InlineData("+1 415 555 0142", "US", "CA", "America/Los_Angeles")]
    [InlineData("+1 808 555 0142", "US", "HI", "Pacific/Honolulu")]
    [InlineData("+1 305 555 0142", "US", "FL", "America/New_York")]
    [InlineData("+1 813 555 0142", "US", "FL", "America/New_York")]
    [InlineData("+1 787 555 0142", "US", "PR", "America/Puerto_Rico")]
    [InlineData("+1 671 555 0142", "US", "GU", "Pacific/Guam")]
    [InlineData("+1 416 555 0142", "CA", "ON", "America/Toronto")]
    [InlineData("+1 604 555 0142", "CA", "BC", "America/Vancouver")]
    public void Maps_single_zone_area_codes(string number, string country, string region, string zone)
    {
        var location = s_table.Locate(PhoneNumber.Parse(number));

        Assert.NotNull(location);
        Assert.Equal(country, location.Country);
        Assert.Equal(region, location.Region);
        Assert.Equal([zone], location.CandidateZones.Select(static z => z.Id));
        Assert.False(location.IsFallback);
        Assert.Equal($"NANP area code {number.AsSpan(3, 3)}", location.Source);
    }

    [Theory]
    [InlineData(850, "FL", "America/Chicago", "America/New_York")]
    [InlineData(541, "OR", "America/Los_Angeles", "America/Boise")]
    [InlineData(458, "OR", "America/Los_Angeles", "America/Boise")]
    [InlineData(208, "ID", "America/Boise", "America/Los_Angeles")]
    [InlineData(605, "SD", "America/Chicago", "America/Denver")]
    [InlineData(701, "ND", "America/Chicago", "America/Denver")]
    [InlineData(785, "KS", "America/Chicago", "America/Denver")]
    [InlineData(915, "TX", "America/Denver", "America/Chicago")]
    [InlineData(432, "TX", "America/Chicago", "America/Denver")]
    [InlineData(270, "KY", "America/Chicago", "America/New_York")]
    [InlineData(812, "IN", "America/Indiana/Indianapolis", "America/Chicago")]
    [InlineData(219, "IN", "America/Chicago", "America/Indiana/Indianapolis")]
    [InlineData(574, "IN", "America/Indiana/Indianapolis", "America/Chicago")]
    [InlineData(906, "MI", "America/Detroit", "America/Menominee")]
    [InlineData(928, "AZ", "America/Phoenix", "America/Denver")]
    [InlineData(907, "AK", "America/Anchorage", "America/Adak")]
    [InlineData(709, "NL", "America/St_Johns", "America/Goose_Bay")]
    public void Maps_area_codes_that_span_two_zones_to_both(int areaCode, string region, string first, string second)
    {
        var location = s_table.Find(areaCode);

        Assert.NotNull(location);
        Assert.Equal(region, location.Region);
        Assert.Equal([first, second], location.CandidateZones.Select(static z => z.Id));
    }

    [Theory]
    [InlineData("+1 636 555 0142")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+1 312 555 01")]
    public void Does_not_locate_numbers_outside_the_table(string number)
    {
        Assert.Null(s_table.Locate(PhoneNumber.Parse(number)));
    }

    [Fact]
    public void Every_zone_of_the_table_is_an_IANA_location_and_every_entry_names_its_region()
    {
        Assert.True(s_table.AreaCodes.Count >= 60);
        Assert.Equal(s_table.AreaCodes.OrderBy(static c => c), s_table.AreaCodes);
        foreach (var code in s_table.AreaCodes)
        {
            var location = s_table.Find(code)!;
            Assert.Contains(location.Country, new[] { "US", "CA" });
            Assert.False(string.IsNullOrEmpty(location.Region));
            Assert.All(location.CandidateZones, z => Assert.True(TimeZoneIds.IsLocation(z), $"{code}: {z.Id}"));
        }
    }

    [Fact]
    public void Every_Florida_area_code_of_the_table_is_in_Florida()
    {
        foreach (var code in new[] { 305, 407, 561, 786, 813, 850, 904, 954 })
        {
            Assert.Equal("FL", s_table.Find(code)!.Region);
        }
    }
}
