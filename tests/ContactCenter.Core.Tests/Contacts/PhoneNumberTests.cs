using System;
using ContactCenter.Core.Contacts;
using Xunit;

namespace ContactCenter.Core.Tests.Contacts;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+1 (312) 555-0142", "+13125550142")]
    [InlineData("+13125550142", "+13125550142")]
    [InlineData("0033 1 23 45 67 89", "+33123456789")]
    [InlineData("+33.6.12.34.56.78", "+33612345678")]
    [InlineData("+977 1 4412345", "+97714412345")]
    public void Parse_accepts_international_numbers_with_separators(string text, string e164)
    {
        Assert.Equal(e164, PhoneNumber.Parse(text).E164);
    }

    [Theory]
    [InlineData("312 555 0142", 1, "+13125550142")]
    [InlineData("1 312 555 0142", 1, "+13125550142")]
    [InlineData("01 23 45 67 89", 33, "+33123456789")]
    [InlineData("+44 20 7946 0958", 33, "+442079460958")]
    public void Parse_with_a_default_country_reads_national_numbers(string text, int country, string e164)
    {
        Assert.Equal(e164, PhoneNumber.Parse(text, country).E164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("312 555 0142")]
    [InlineData("+1 312 555 01x2")]
    [InlineData("+0123456789")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+")]
    public void TryParse_refuses_what_is_not_an_international_number_and_says_why(string text)
    {
        Assert.False(PhoneNumber.TryParse(text, out var number, out var reason));
        Assert.Equal(default, number);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void TryParse_of_null_is_refused()
    {
        Assert.False(PhoneNumber.TryParse(null, out _, out var reason));
        Assert.Equal("A phone number is required.", reason);
    }

    [Theory]
    [InlineData("--", 33)]
    [InlineData("()", 1)]
    [InlineData("0", 33)]
    public void Parse_with_a_default_country_refuses_text_without_digits_with_a_format_exception(string text, int country)
    {
        Assert.Throws<FormatException>(() => PhoneNumber.Parse(text, country));
    }

    [Fact]
    public void Parse_with_an_invalid_default_country_code_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneNumber.Parse("0123456789", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PhoneNumber.Parse("0123456789", 1000));
    }

    [Fact]
    public void Refusal_messages_mask_the_middle_digits()
    {
        Assert.False(PhoneNumber.TryParse("3125550142", out _, out var reason));

        Assert.Equal("'3125\u2022\u2022\u2022\u202242' has no country code: write it with a leading + (or 00), or give the default country calling code.", reason);
    }

    [Theory]
    [InlineData("+13125550142", 1, "3125550142")]
    [InlineData("+33612345678", 33, "612345678")]
    [InlineData("+262262123456", 262, "262123456")]
    [InlineData("+97714412345", 977, "14412345")]
    [InlineData("+74951234567", 7, "4951234567")]
    [InlineData("+8613812345678", 86, "13812345678")]
    public void Country_calling_code_and_national_number_follow_the_ITU_code_lengths(string e164, int code, string national)
    {
        var number = PhoneNumber.Parse(e164);

        Assert.Equal(code, number.CountryCallingCode);
        Assert.Equal(national, number.NationalNumber);
    }

    [Theory]
    [InlineData("+13125550142", "+1312\u2022\u2022\u2022\u2022\u202242")]
    [InlineData("+33612345678", "+33612\u2022\u2022\u2022\u202278")]
    [InlineData("+12345678", "+1234\u2022\u202278")]
    public void ToString_is_redacted(string e164, string redacted)
    {
        var number = PhoneNumber.Parse(e164);

        Assert.Equal(redacted, number.ToString());
        Assert.Equal(redacted, number.Redacted);
        Assert.DoesNotContain(e164, $"{number}", StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_number_holds_nothing()
    {
        PhoneNumber none = default;

        Assert.Equal("(none)", none.ToString());
        Assert.Throws<InvalidOperationException>(() => none.E164);
        Assert.Equal(0, none.GetHashCode());
    }

    [Fact]
    public void Numbers_are_equal_by_their_digits()
    {
        var a = PhoneNumber.Parse("+1 312 555 0142");
        var b = PhoneNumber.Parse("001-312-555-0142");
        var c = PhoneNumber.Parse("+1 312 555 0143");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.False(a.Equals("+13125550142"));
    }
}
