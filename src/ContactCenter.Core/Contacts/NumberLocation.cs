using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Contacts;

/// <summary>
/// Where a phone number rings, as far as a <see cref="IPhoneNumberLocator"/> can tell: its country,
/// its region when the number pins it down, and every zone the called person may be in. A number
/// whose area spans two zones (Florida's 850: Central and Eastern time) has two candidate zones, and
/// calling-window rules hold in all of them.
/// </summary>
/// <remarks>
/// A location is a <em>fallback</em> (<see cref="IsFallback"/>) when no table mapped the number and
/// the location is the conservative default of <see cref="Fallback"/>: a broad set of zones and, where
/// the country or region is unknown, every rule that could apply does.
/// </remarks>
public sealed record NumberLocation
{
    /// <summary>
    /// The zones a NANP (<c>+1</c>) number that no table maps may ring in, west to east of the UTC
    /// offsets they span: from Hawaii (UTC−10) to Newfoundland (UTC−03:30). The Pacific territories
    /// (Guam, the Northern Mariana Islands, American Samoa) are outside this span, so their area codes
    /// are in <see cref="NorthAmericanAreaCodes"/>.
    /// </summary>
    public static IReadOnlyList<string> NorthAmericanFallbackZoneIds { get; } =
    [
        "Pacific/Honolulu", "America/Adak", "America/Anchorage", "America/Los_Angeles", "America/Phoenix",
        "America/Denver", "America/Chicago", "America/New_York", "America/Puerto_Rico", "America/Halifax",
        "America/St_Johns",
    ];

    private static readonly IReadOnlyList<DateTimeZone> s_northAmericanFallbackZones =
        NorthAmericanFallbackZoneIds.Select(static id => TimeZoneIds.Resolve(id)).ToArray();

    /// <summary>Creates a location.</summary>
    /// <param name="country">ISO 3166-1 alpha-2 country code (<c>US</c>, <c>FR</c>), or <see langword="null"/> when unknown.</param>
    /// <param name="region">Subdivision code without the country prefix (<c>FL</c> for US-FL), or <see langword="null"/> when unknown or not relevant.</param>
    /// <param name="candidateZones">Every zone the called person may be in, most likely first; at least one unless the location is a fallback of an unknown country.</param>
    /// <param name="source">What produced the location, for explanations (<c>NANP area code 850</c>).</param>
    /// <exception cref="ArgumentException">A zone is missing, the list is empty, or the source is blank.</exception>
    public NumberLocation(string? country, string? region, IEnumerable<DateTimeZone> candidateZones, string source)
    {
        Guard.NotNull(candidateZones);
        var zones = new List<DateTimeZone>();
        foreach (var zone in candidateZones)
        {
            if (zone is null)
            {
                throw new ArgumentException("A candidate zone is null.", nameof(candidateZones));
            }

            if (!zones.Any(z => string.Equals(z.Id, zone.Id, StringComparison.Ordinal)))
            {
                zones.Add(zone);
            }
        }

        if (zones.Count == 0)
        {
            throw new ArgumentException("A located number has at least one candidate zone.", nameof(candidateZones));
        }

        Country = string.IsNullOrWhiteSpace(country) ? null : country!.ToUpperInvariant();
        Region = string.IsNullOrWhiteSpace(region) ? null : region!.ToUpperInvariant();
        CandidateZones = zones;
        Source = string.IsNullOrWhiteSpace(source) ? throw new ArgumentException("A location names its source.", nameof(source)) : source;
    }

    private NumberLocation(string? country, string note)
    {
        Country = country;
        CandidateZones = Array.Empty<DateTimeZone>();
        Source = "fallback";
        IsFallback = true;
        Note = note;
    }

    /// <summary>ISO 3166-1 alpha-2 country code, upper case, or <see langword="null"/> when unknown.</summary>
    public string? Country { get; }

    /// <summary>Subdivision code without the country prefix, upper case (<c>FL</c>), or <see langword="null"/> when unknown or not relevant.</summary>
    public string? Region { get; }

    /// <summary>
    /// Every zone the called person may be in, without duplicates, most likely first. Empty only for
    /// the fallback of a number whose country nothing knows.
    /// </summary>
    public IReadOnlyList<DateTimeZone> CandidateZones { get; private init; }

    /// <summary>What produced the location (<c>NANP area code 850</c>, <c>calling code +33</c>, <c>fallback</c>).</summary>
    public string Source { get; init; }

    /// <summary>Whether no table mapped the number and this is the conservative default of <see cref="Fallback"/>.</summary>
    public bool IsFallback { get; init; }

    /// <summary>A remark for people reading a decision (why the zones are what they are), or <see langword="null"/>.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the location names at least one zone.</summary>
    public bool HasZones => CandidateZones.Count > 0;

    /// <summary>
    /// The documented default when no locator maps <paramref name="number"/>, chosen so that the most
    /// restrictive intersection stays on the safe side:
    /// <list type="bullet">
    /// <item>a NANP number (<c>+1</c>): country <c>US</c> with an unknown region, in every zone of
    /// <see cref="NorthAmericanFallbackZoneIds"/> (Hawaii to Newfoundland), so the federal rule and every
    /// US state's rule hold in all of them;</item>
    /// <item>any other number: an unknown country and no zone; a rule that governs the call's purpose
    /// then refuses it as "zone unknown" until a locator (or the request) supplies the zones.</item>
    /// </list>
    /// </summary>
    /// <param name="number">The number no locator mapped.</param>
    /// <returns>The fallback location, with <see cref="IsFallback"/> set.</returns>
    public static NumberLocation Fallback(PhoneNumber number)
    {
        var code = number.CountryCallingCode;
        if (code == 1)
        {
            return new NumberLocation("US", null, s_northAmericanFallbackZones, "fallback")
            {
                IsFallback = true,
                Note = $"area code {number.NationalNumber.Substring(0, Math.Min(3, number.NationalNumber.Length))} is not in the table: treated as a US number of unknown state in every zone from Hawaii to Newfoundland",
            };
        }

        return new NumberLocation(null, $"no locator maps country calling code +{code.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>A copy with other candidate zones (a record that carries its own zones), keeping the country, region and fallback flag.</summary>
    /// <param name="zones">The zones; at least one.</param>
    /// <param name="source">What supplied them.</param>
    /// <returns>The new location.</returns>
    public NumberLocation WithZones(IEnumerable<DateTimeZone> zones, string source)
    {
        var located = new NumberLocation(Country, Region, zones, source);
        return this with { CandidateZones = located.CandidateZones, Source = located.Source };
    }

    /// <summary>Formats as <c>US-FL in America/Chicago, America/New_York (NANP area code 850)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var where = Country is null ? "unknown country" : Region is null ? Country : Country + "-" + Region;
        var zones = HasZones ? string.Join(", ", CandidateZones.Select(static z => z.Id)) : "no known zone";
        return $"{where} in {zones} ({Source}{(IsFallback ? ", fallback" : string.Empty)})";
    }
}
