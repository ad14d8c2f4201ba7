using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using Xunit;

namespace ContactCenter.Core.Tests.Contacts;

public sealed class ContactNumberTests
{
    [Fact]
    public void Defaults_to_an_unknown_type_without_reachable_hours()
    {
        var contact = new ContactNumber(PhoneNumber.Parse("+13125550142"));

        Assert.Equal(PhoneNumberType.Unknown, contact.Type);
        Assert.Null(contact.ReachableHours);
    }

    [Fact]
    public void ToString_shows_the_number_redacted()
    {
        var contact = new ContactNumber(PhoneNumber.Parse("+13125550142"), PhoneNumberType.Mobile, LocalTimeRange.Parse("09:00-18:00"));

        var text = contact.ToString();

        Assert.Contains("+1312\u2022\u2022\u2022\u2022\u202242", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("3125550142", text, System.StringComparison.Ordinal);
        Assert.Contains("Mobile", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Is_a_value()
    {
        var a = new ContactNumber(PhoneNumber.Parse("+33612345678"), PhoneNumberType.Mobile);
        var b = new ContactNumber(PhoneNumber.Parse("+33 6 12 34 56 78"), PhoneNumberType.Mobile);

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { Type = PhoneNumberType.Home });
    }
}
