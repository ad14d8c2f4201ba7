using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Contacts;

/// <summary>
/// Locates numbers by their leading digits, the longest matching <see cref="CallingCodeArea.Prefix"/>
/// winning: a whole country by its calling code (<c>+33</c>), or part of one by a longer prefix
/// (<c>+262 269</c>, Mayotte, inside <c>+262</c>, Réunion). <see cref="France"/> is shipped; build
/// others from <see cref="CallingCodeArea"/> rows.
/// </summary>
public sealed class CountryCallingCodeLocator : IPhoneNumberLocator
{
    private readonly CallingCodeArea[] _areas; // longest prefix first

    /// <summary>Creates a locator from rows.</summary>
    /// <param name="areas">The rows; prefixes must be distinct.</param>
    /// <exception cref="ArgumentException">Two rows have the same prefix.</exception>
    public CountryCallingCodeLocator(IEnumerable<CallingCodeArea> areas)
    {
        Guard.NotNull(areas);
        _areas = areas.OrderByDescending(static a => a.Prefix.Length).ThenBy(static a => a.Prefix, StringComparer.Ordinal).ToArray();
        if (_areas.Any(static a => a is null))
        {
            throw new ArgumentException("A calling-code area is null.", nameof(areas));
        }

        var duplicate = _areas.GroupBy(static a => a.Prefix, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The prefix {duplicate.Key} appears more than once.", nameof(areas));
        }
    }

    /// <summary>
    /// France: metropolitan France (<c>+33</c>, Europe/Paris) and the overseas departments with
    /// calling codes of their own — Réunion (<c>+262</c>, Indian/Reunion, region <c>RE</c>), Mayotte
    /// (<c>+262 269</c> and <c>+262 639</c>, Indian/Mayotte, <c>YT</c>), Guadeloupe (<c>+590</c>,
    /// America/Guadeloupe, <c>GP</c>), French Guiana (<c>+594</c>, America/Cayenne, <c>GF</c>) and
    /// Martinique (<c>+596</c>, America/Martinique, <c>MQ</c>). Every one has country <c>FR</c>, so the
    /// French rule applies in its own zone. Zones keep their location ids (Indian/Reunion, not its tz
    /// database link target) so that explanations name the place.
    /// </summary>
    public static CountryCallingCodeLocator France { get; } = new(
    [
        new CallingCodeArea("33", "FR", null, Zone("Europe/Paris")),
        new CallingCodeArea("262", "FR", "RE", Zone("Indian/Reunion")),
        new CallingCodeArea("262269", "FR", "YT", Zone("Indian/Mayotte")),
        new CallingCodeArea("262639", "FR", "YT", Zone("Indian/Mayotte")),
        new CallingCodeArea("590", "FR", "GP", Zone("America/Guadeloupe")),
        new CallingCodeArea("594", "FR", "GF", Zone("America/Cayenne")),
        new CallingCodeArea("596", "FR", "MQ", Zone("America/Martinique")),
    ]);

    /// <summary>The rows, longest prefix first.</summary>
    public IReadOnlyList<CallingCodeArea> Areas => _areas;

    /// <inheritdoc />
    public NumberLocation? Locate(PhoneNumber number)
    {
        var digits = number.E164;
        foreach (var area in _areas)
        {
            if (string.CompareOrdinal(digits, 1, area.Prefix, 0, area.Prefix.Length) == 0)
            {
                return new NumberLocation(area.Country, area.Region, area.Zones, "calling code +" + area.Prefix);
            }
        }

        return null;
    }

    private static DateTimeZone Zone(string id) => TimeZoneIds.Resolve(id);
}
