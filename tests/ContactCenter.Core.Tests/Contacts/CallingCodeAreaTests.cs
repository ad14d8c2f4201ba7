using System;
using ContactCenter.Core.Contacts;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Contacts;

public sealed class CallingCodeAreaTests
{
    private static readonly DateTimeZone s_london = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Fact]
    public void Normalises_the_codes()
    {
        var area = new CallingCodeArea("44", "gb", "eng", s_london);

        Assert.Equal("44", area.Prefix);
        Assert.Equal("GB", area.Country);
        Assert.Equal("ENG", area.Region);
        Assert.Same(s_london, Assert.Single(area.Zones));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0044")]
    [InlineData("4a")]
    [InlineData("1234567890123456")]
    public void Refuses_a_prefix_that_is_not_leading_digits(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new CallingCodeArea(prefix, "GB", null, s_london));
    }

    [Fact]
    public void Refuses_a_row_without_country_or_zone()
    {
        Assert.Throws<ArgumentException>(() => new CallingCodeArea("44", " ", null, s_london));
        Assert.Throws<ArgumentException>(() => new CallingCodeArea("44", "GB", null));
        Assert.Throws<ArgumentException>(() => new CallingCodeArea("44", "GB", null, null!, s_london));
    }
}
