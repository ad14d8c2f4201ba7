using ContactCenter.Core.Compliance;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class JurisdictionTests
{
    [Theory]
    [InlineData("US", null, "US", "FL", true)]
    [InlineData("US", null, "us", null, true)]
    [InlineData("US", "FL", "US", "FL", true)]
    [InlineData("US", "FL", "US", "fl", true)]
    [InlineData("US", "FL", "US", "IL", false)]
    [InlineData("US", "FL", "US", null, false)]
    [InlineData("US", null, "FR", null, false)]
    [InlineData("US", null, null, null, false)]
    [InlineData(null, null, null, null, true)]
    public void Covers_needs_the_country_and_the_region_to_be_known_to_match(string? country, string? region, string? numberCountry, string? numberRegion, bool covers)
    {
        Assert.Equal(covers, new Jurisdiction(country, region).Covers(numberCountry, numberRegion));
    }

    [Theory]
    [InlineData("US", "FL", "US", null, true)]
    [InlineData("US", "FL", null, null, true)]
    [InlineData("US", null, null, null, true)]
    [InlineData("US", "FL", "US", "FL", true)]
    [InlineData("US", "FL", "US", "IL", false)]
    [InlineData("US", null, "FR", null, false)]
    [InlineData("FR", null, "US", "FL", false)]
    public void MayCover_reads_an_unknown_country_or_region_as_any(string? country, string? region, string? numberCountry, string? numberRegion, bool mayCover)
    {
        Assert.Equal(mayCover, new Jurisdiction(country, region).MayCover(numberCountry, numberRegion));
    }

    [Fact]
    public void ToString_names_the_place()
    {
        Assert.Equal("anywhere", Jurisdiction.Anywhere.ToString());
        Assert.Equal("FR", new Jurisdiction("FR").ToString());
        Assert.Equal("US-FL", new Jurisdiction("US", "FL").ToString());
    }
}
