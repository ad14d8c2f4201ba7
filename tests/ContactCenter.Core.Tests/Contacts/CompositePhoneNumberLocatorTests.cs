using System;
using System.Linq;
using ContactCenter.Core.Contacts;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Contacts;

public sealed class CompositePhoneNumberLocatorTests
{
    [Fact]
    public void Default_chains_the_NANP_table_France_and_the_fallback()
    {
        var locator = CompositePhoneNumberLocator.Default;

        Assert.Equal("NANP area code 850", locator.Locate(PhoneNumber.Parse("+1 850 555 0100")).Source);
        Assert.Equal("calling code +33", locator.Locate(PhoneNumber.Parse("+33 6 12 34 56 78")).Source);
        Assert.True(locator.Locate(PhoneNumber.Parse("+1 636 555 0100")).IsFallback);
        Assert.True(locator.Locate(PhoneNumber.Parse("+44 20 7946 0958")).IsFallback);
    }

    [Fact]
    public void The_first_locator_that_knows_the_number_wins()
    {
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var overrideChicago = new CountryCallingCodeLocator([new CallingCodeArea("1312", "US", "IL", tokyo)]);
        var locator = new CompositePhoneNumberLocator([overrideChicago, NorthAmericanAreaCodes.Instance]);

        Assert.Equal("Asia/Tokyo", locator.Locate(PhoneNumber.Parse("+1 312 555 0100")).CandidateZones[0].Id);
        Assert.Equal("America/New_York", locator.Locate(PhoneNumber.Parse("+1 212 555 0100")).CandidateZones[0].Id);
    }

    [Fact]
    public void A_custom_fallback_answers_for_unknown_numbers()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var locator = new CompositePhoneNumberLocator([], _ => new NumberLocation("GB", null, [london], "assumed UK"));

        var location = locator.Locate(PhoneNumber.Parse("+44 20 7946 0958"));

        Assert.Equal("assumed UK", location.Source);
        Assert.Equal("Europe/London", location.CandidateZones.Single().Id);
    }

    [Fact]
    public void A_fallback_that_returns_null_is_a_configuration_error()
    {
        var locator = new CompositePhoneNumberLocator([], _ => null!);

        Assert.Throws<InvalidOperationException>(() => locator.Locate(PhoneNumber.Parse("+44 20 7946 0958")));
    }

    [Fact]
    public void Refuses_null_locators()
    {
        Assert.Throws<ArgumentException>(() => new CompositePhoneNumberLocator([null!]));
        Assert.Throws<ArgumentNullException>(() => new CompositePhoneNumberLocator(null!));
    }
}
