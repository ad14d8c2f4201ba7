using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Contacts;

/// <summary>
/// One row of a <see cref="CountryCallingCodeLocator"/>: the numbers whose E.164 digits start with
/// <see cref="Prefix"/> ring in <see cref="Zones"/>, in <see cref="Country"/> (and
/// <see cref="Region"/>).
/// </summary>
public sealed record CallingCodeArea
{
    /// <summary>Creates a row.</summary>
    /// <param name="prefix">The leading digits after the <c>+</c>: a country calling code (<c>33</c>) or a longer prefix (<c>262269</c> for Mayotte).</param>
    /// <param name="country">ISO 3166-1 alpha-2 country code.</param>
    /// <param name="region">Subdivision code without the country prefix, or <see langword="null"/>.</param>
    /// <param name="zones">The zones, most likely first; at least one.</param>
    /// <exception cref="ArgumentException">The prefix is not 1 to 15 digits, the country is blank, or no zone is given.</exception>
    public CallingCodeArea(string prefix, string country, string? region, params DateTimeZone[] zones)
    {
        Guard.NotNull(prefix);
        Guard.NotNull(zones);
        if (prefix.Length is < 1 or > 15 || prefix[0] == '0' || !prefix.All(static c => c is >= '0' and <= '9'))
        {
            throw new ArgumentException($"'{prefix}' is not a calling-code prefix: 1 to 15 digits, not starting with 0.", nameof(prefix));
        }

        if (string.IsNullOrWhiteSpace(country))
        {
            throw new ArgumentException("A calling-code area names its country.", nameof(country));
        }

        if (zones.Length == 0 || zones.Any(static z => z is null))
        {
            throw new ArgumentException("A calling-code area has at least one zone, none null.", nameof(zones));
        }

        Prefix = prefix;
        Country = country.ToUpperInvariant();
        Region = string.IsNullOrWhiteSpace(region) ? null : region!.ToUpperInvariant();
        Zones = zones.ToArray();
    }

    /// <summary>The leading digits after the <c>+</c>.</summary>
    public string Prefix { get; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string Country { get; }

    /// <summary>Subdivision code without the country prefix, or <see langword="null"/>.</summary>
    public string? Region { get; }

    /// <summary>The zones, most likely first.</summary>
    public IReadOnlyList<DateTimeZone> Zones { get; }
}
