using System;
using System.Text;

namespace ContactCenter.Core.Contacts;

/// <summary>
/// A phone number in E.164 form (<c>+13125550142</c>). Its <see cref="ToString"/> is redacted
/// (<c>+1312•••••42</c>) so that numbers never reach logs by accident; read <see cref="E164"/> when the
/// full number is really needed (to dial it).
/// </summary>
public readonly struct PhoneNumber : IEquatable<PhoneNumber>
{
    private readonly string? _e164;

    private PhoneNumber(string e164) => _e164 = e164;

    /// <summary>The full number, <c>+</c> then 8 to 15 digits.</summary>
    public string E164 => _e164 ?? throw new InvalidOperationException("The default PhoneNumber holds no number.");

    /// <summary>The ITU country calling code (<c>1</c> for the North American Numbering Plan, <c>33</c> for France).</summary>
    public int CountryCallingCode
    {
        get
        {
            var digits = E164.AsSpan(1);
            var length = CountryCodeLength(digits);
            var code = 0;
            for (var i = 0; i < length; i++)
            {
                code = (code * 10) + (digits[i] - '0');
            }

            return code;
        }
    }

    /// <summary>The digits after the country calling code (for NANP numbers: area code, exchange, line).</summary>
    public string NationalNumber => E164.Substring(1 + CountryCodeLength(E164.AsSpan(1)));

    /// <summary>The number with its middle digits masked, safe for logs: country code, three more digits, the last two.</summary>
    public string Redacted
    {
        get
        {
            if (_e164 is null)
            {
                return "(none)";
            }

            var keepStart = Math.Min(1 + CountryCodeLength(_e164.AsSpan(1)) + 3, _e164.Length - 2);
            var text = new StringBuilder(_e164.Length);
            text.Append(_e164, 0, keepStart);
            text.Append('\u2022', _e164.Length - keepStart - 2);
            text.Append(_e164, _e164.Length - 2, 2);
            return text.ToString();
        }
    }

    /// <summary>
    /// Parses a number written with a leading <c>+</c> (or the international prefix <c>00</c>);
    /// spaces, dots, hyphens and parentheses are ignored. National formats need
    /// <see cref="Parse(string, int)"/>.
    /// </summary>
    /// <param name="text">The number, for example <c>+1 (312) 555-0142</c> or <c>0033 1 23 45 67 89</c>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not an international number.</exception>
    public static PhoneNumber Parse(string text) =>
        TryParse(text, out var number, out var reason) ? number : throw new FormatException(reason);

    /// <summary>
    /// Parses an international number, or a national one of the given country: a leading trunk
    /// <c>0</c> is dropped (<c>01 23 45 67 89</c> with 33 → <c>+33123456789</c>); for country code 1,
    /// a leading <c>1</c> before ten digits is the trunk prefix.
    /// </summary>
    /// <param name="text">The number.</param>
    /// <param name="defaultCountryCallingCode">The country calling code of national numbers.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The text is not a number.</exception>
    public static PhoneNumber Parse(string text, int defaultCountryCallingCode)
    {
        if (defaultCountryCallingCode is < 1 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultCountryCallingCode), defaultCountryCallingCode, "A country calling code has 1 to 3 digits.");
        }

        var digits = Digits(text, out var international, out var reason);
        if (digits is null)
        {
            throw new FormatException(reason);
        }

        if (digits.Length == 0)
        {
            throw new FormatException($"'{Mask(text)}' is not a phone number: it has no digits.");
        }

        if (!international)
        {
            if (defaultCountryCallingCode == 1 && digits.Length == 11 && digits[0] == '1')
            {
                digits = digits.Substring(1);
            }
            else if (defaultCountryCallingCode != 1 && digits[0] == '0')
            {
                digits = digits.Substring(1);
            }

            digits = defaultCountryCallingCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + digits;
        }

        return Create(digits, text, out reason) ?? throw new FormatException(reason);
    }

    /// <summary>Parses an international number without throwing; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="number">The number when valid.</param>
    /// <param name="reason">Why the text was refused, when it was.</param>
    /// <returns>Whether the text is an international number.</returns>
    public static bool TryParse(string? text, out PhoneNumber number, out string? reason)
    {
        number = default;
        var digits = Digits(text, out var international, out reason);
        if (digits is null)
        {
            return false;
        }

        if (!international)
        {
            reason = $"'{Mask(text!)}' has no country code: write it with a leading + (or 00), or give the default country calling code.";
            return false;
        }

        var created = Create(digits, text!, out reason);
        number = created ?? default;
        return created is not null;
    }

    /// <inheritdoc />
    public bool Equals(PhoneNumber other) => string.Equals(_e164, other._e164, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _e164 is null ? 0 : StringComparer.Ordinal.GetHashCode(_e164);

    /// <summary>The redacted number (<see cref="Redacted"/>): never the full number.</summary>
    /// <returns>The redacted text.</returns>
    public override string ToString() => Redacted;

    /// <summary>Whether two numbers are the same.</summary>
    /// <param name="left">A number.</param>
    /// <param name="right">Another number.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PhoneNumber left, PhoneNumber right) => left.Equals(right);

    /// <summary>Whether two numbers differ.</summary>
    /// <param name="left">A number.</param>
    /// <param name="right">Another number.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PhoneNumber left, PhoneNumber right) => !left.Equals(right);

    /// <summary>
    /// The length of the country calling code at the start of <paramref name="digits"/>, by the ITU
    /// assignment: <c>1</c> and <c>7</c> have one digit; <c>20</c>, <c>27</c>, <c>30</c>–<c>34</c>,
    /// <c>36</c>, <c>39</c>, <c>40</c>, <c>41</c>, <c>43</c>–<c>49</c>, <c>51</c>–<c>58</c>,
    /// <c>60</c>–<c>66</c>, <c>81</c>, <c>82</c>, <c>84</c>, <c>86</c>, <c>90</c>–<c>95</c> and
    /// <c>98</c> have two; every other code has three.
    /// </summary>
    internal static int CountryCodeLength(ReadOnlySpan<char> digits)
    {
        var first = digits[0];
        if (first is '1' or '7')
        {
            return 1;
        }

        var two = ((first - '0') * 10) + (digits[1] - '0');
        return two switch
        {
            20 or 27 or (>= 30 and <= 34) or 36 or 39 or 40 or 41 or (>= 43 and <= 49) or (>= 51 and <= 58)
                or (>= 60 and <= 66) or 81 or 82 or 84 or 86 or (>= 90 and <= 95) or 98 => 2,
            _ => 3,
        };
    }

    private static PhoneNumber? Create(string digits, string original, out string? reason)
    {
        reason = null;
        if (digits.Length is < 8 or > 15 || digits[0] == '0')
        {
            reason = $"'{Mask(original)}' is not an E.164 number: 8 to 15 digits after the +, not starting with 0.";
            return null;
        }

        return new PhoneNumber("+" + digits);
    }

    private static string? Digits(string? text, out bool international, out string? reason)
    {
        international = false;
        reason = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "A phone number is required.";
            return null;
        }

        var digits = new StringBuilder(text!.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '\u00A0'))
            {
                reason = $"'{Mask(text)}' is not a phone number: unexpected '{c}'.";
                return null;
            }
        }

        var value = digits.ToString();
        if (!international && value.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            value = value.Substring(2);
        }

        return value;
    }

    private static string Mask(string text)
    {
        var chars = text.ToCharArray();
        var seen = 0;
        var total = 0;
        foreach (var c in chars)
        {
            if (char.IsDigit(c))
            {
                total++;
            }
        }

        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsDigit(chars[i]) && ++seen > 4 && seen <= total - 2)
            {
                chars[i] = '\u2022';
            }
        }

        return new string(chars);
    }
}
