using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;
using NodaTime;
using NodaTime.TimeZones;

namespace ContactCenter.Core.Time;

/// <summary>
/// The SDK's single gate for time-zone ids: IANA <em>location</em> ids only
/// (<c>America/Chicago</c>, <c>Europe/Paris</c>, <c>Asia/Kathmandu</c>). Aliases are canonicalised
/// (<c>US/Central</c> → <c>America/Chicago</c>, <c>Asia/Calcutta</c> → <c>Asia/Kolkata</c>). Ids that
/// name an abbreviation or a fixed offset (<c>EST</c>, <c>CET</c>, <c>EST5EDT</c>, <c>UTC</c>,
/// <c>Etc/GMT+5</c>) are refused with a message that says why, unless the caller opts in: they do
/// not follow any place's daylight-saving rules, and <c>Etc/GMT+5</c> means UTC−05:00.
/// </summary>
public static class TimeZoneIds
{
    private static readonly HashSet<string> s_legacy = new(StringComparer.Ordinal)
    {
        "EST", "MST", "HST", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT", "CET", "EET", "MET", "WET",
        "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "UTC", "UCT", "Universal", "Zulu", "Factory",
    };

    // The ids of zone.tab and zone1970.tab: one or more per country, each naming a place.
    private static readonly Lazy<HashSet<string>> s_placeIds = new(static () =>
    {
        var source = TzdbDateTimeZoneSource.Default;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (source.ZoneLocations is { } zoneTab)
        {
            ids.UnionWith(zoneTab.Select(static l => l.ZoneId));
        }

        if (source.Zone1970Locations is { } zone1970)
        {
            ids.UnionWith(zone1970.Select(static l => l.ZoneId));
        }

        return ids;
    });

    // Place ids plus the canonical zones they link to.
    private static readonly Lazy<HashSet<string>> s_locations = new(static () =>
    {
        var map = TzdbDateTimeZoneSource.Default.CanonicalIdMap;
        var ids = new HashSet<string>(s_placeIds.Value, StringComparer.Ordinal);
        ids.UnionWith(s_placeIds.Value.Where(map.ContainsKey).Select(id => map[id]).ToList());
        return ids;
    });

    /// <summary>The version of the tz database behind <see cref="Resolve"/>, for example <c>2025b</c>.</summary>
    public static string TzdbVersion => TzdbDateTimeZoneSource.Default.TzdbVersion;

    /// <summary>
    /// Resolves an IANA location id to its zone, canonicalising aliases. The returned zone's
    /// <see cref="DateTimeZone.Id"/> is the canonical id.
    /// </summary>
    /// <param name="id">The id, for example <c>America/New_York</c> or its alias <c>US/Eastern</c>.</param>
    /// <param name="allowNonLocationIds">Accept abbreviation and fixed-offset ids (<c>EST</c>, <c>UTC</c>, <c>Etc/GMT+5</c>) as they are.</param>
    /// <returns>The zone.</returns>
    /// <exception cref="ArgumentException">The id is unknown, or names an abbreviation or a fixed offset and <paramref name="allowNonLocationIds"/> is false.</exception>
    public static DateTimeZone Resolve(string id, bool allowNonLocationIds = false)
    {
        var refusal = Check(id, allowNonLocationIds, out var canonical);
        return refusal is null
            ? DateTimeZoneProviders.Tzdb[canonical!]
            : throw new ArgumentException(refusal, nameof(id));
    }

    /// <summary>Resolves without throwing; see <see cref="Resolve"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="zone">The zone, when accepted.</param>
    /// <param name="reason">Why the id was refused, when it was.</param>
    /// <param name="allowNonLocationIds">Accept abbreviation and fixed-offset ids.</param>
    /// <returns>Whether the id was accepted.</returns>
    public static bool TryResolve(string? id, out DateTimeZone? zone, out string? reason, bool allowNonLocationIds = false)
    {
        reason = Check(id, allowNonLocationIds, out var canonical);
        zone = reason is null ? DateTimeZoneProviders.Tzdb[canonical!] : null;
        return reason is null;
    }

    /// <summary>The canonical id of an accepted id; see <see cref="Resolve"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="allowNonLocationIds">Accept abbreviation and fixed-offset ids.</param>
    /// <returns>The canonical id.</returns>
    public static string Canonicalise(string id, bool allowNonLocationIds = false) => Resolve(id, allowNonLocationIds).Id;

    /// <summary>Whether a zone (by its canonical id) is an IANA location zone, as opposed to an abbreviation or fixed offset.</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>Whether it is a location zone.</returns>
    public static bool IsLocation(DateTimeZone zone) =>
        Guard.NotNull(zone).Id is var id && !s_legacy.Contains(id) && s_locations.Value.Contains(id);

    private static string? Check(string? id, bool allowNonLocationIds, out string? canonical)
    {
        canonical = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return "A time zone id is required: use an IANA location id such as 'Europe/Paris'.";
        }

        var source = TzdbDateTimeZoneSource.Default;
        if (!source.CanonicalIdMap.TryGetValue(id!, out canonical))
        {
            var suggestion = source.CanonicalIdMap.Keys.FirstOrDefault(k => string.Equals(k, id, StringComparison.OrdinalIgnoreCase));
            return suggestion is null
                ? $"'{id}' is not a time zone id of the tz database {source.TzdbVersion}: use an IANA location id such as 'Europe/Paris'."
                : $"'{id}' is not a time zone id (ids are case-sensitive): did you mean '{suggestion}'?";
        }

        if (allowNonLocationIds)
        {
            if (s_legacy.Contains(id!) || id!.StartsWith("Etc/", StringComparison.Ordinal))
            {
                canonical = id;
            }

            return null;
        }

        if (id!.StartsWith("Etc/", StringComparison.Ordinal) || canonical.StartsWith("Etc/", StringComparison.Ordinal))
        {
            var signNote = id.StartsWith("Etc/GMT", StringComparison.Ordinal) && id.Length > 7
                ? $" (POSIX signs are inverted: '{id}' means UTC{(id[7] == '+' ? "-" : "+")}{id.Substring(8)})"
                : string.Empty;
            return $"'{id}' is a fixed-offset id{signNote}, not a location: it follows no place's daylight-saving rules. Use an IANA location id such as 'America/New_York', or opt in to non-location ids explicitly.";
        }

        if (s_placeIds.Value.Contains(id))
        {
            // A place of its own (Indian/Reunion, Europe/Oslo) keeps its id even where the tz
            // database links it to another place with the same clocks since 1970: explanations and
            // displays then name the customer's place.
            canonical = id;
        }

        if (s_legacy.Contains(id) || !s_locations.Value.Contains(canonical))
        {
            return $"'{id}' names an abbreviation or a rule set, not a location: it follows no particular place's daylight-saving history. Use an IANA location id such as 'America/New_York' or 'Europe/Paris', or opt in to non-location ids explicitly.";
        }

        return null;
    }
}
