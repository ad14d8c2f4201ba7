using System;
using System.Collections.Generic;
using System.Globalization;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Contacts;

namespace ContactCenter.Samples.OutboundCampaign;

/// <summary>
/// A made-up calling list across the US: numbers in the fictitious 555 exchange of real area codes, so that the
/// SDK's locator puts them in their real zones (and, for 270, 541, 605 and 850, in two zones at once).
/// </summary>
public static class UsCallingList
{
    /// <summary>Area codes and their share of the list: the east coast first, the west coast a fifth, a few two-zone codes.</summary>
    private static readonly (int AreaCode, int Weight)[] s_areaCodes =
    [
        (212, 8), (718, 6), (404, 6), (617, 5), (215, 5), (704, 4), (407, 3),   // Eastern (407: Florida)
        (312, 7), (713, 6), (214, 5), (612, 4), (504, 3),                       // Central
        (303, 4), (801, 2), (602, 3),                                           // Mountain, Arizona
        (213, 7), (415, 5), (206, 4), (503, 3),                                 // Pacific
        (270, 2), (605, 2), (541, 2), (850, 2),                                 // two zones
    ];

    /// <summary>
    /// A list of <paramref name="count"/> records, the same for the same arguments on every machine: each has a home
    /// number, and one in five a mobile too (often in another area code: people move).
    /// </summary>
    /// <param name="count">How many records (at most 10,000).</param>
    /// <param name="seed">Selects the area codes.</param>
    /// <returns>The list.</returns>
    public static CallingList Create(int count, int seed)
    {
        if (count is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Between 0 and 10,000 records.");
        }

        int total = 0;
        foreach (var (_, weight) in s_areaCodes)
        {
            total += weight;
        }

#pragma warning disable CA5394 // Not security-sensitive: a seeded generator for a reproducible made-up list.
        var random = new Random(seed);
        var records = new List<CallingRecordData>(count);
        for (int i = 0; i < count; i++)
        {
            var numbers = new List<RecordNumber> { Number(AreaCode(random.Next(total)), i, PhoneNumberType.Home) };
            if (random.Next(5) == 0)
            {
                numbers.Add(Number(AreaCode(random.Next(total)), 9_999 - i, PhoneNumberType.Mobile));
            }

            string id = "r" + i.ToString("0000", CultureInfo.InvariantCulture);
            records.Add(new CallingRecordData(id, "Contact " + id, numbers));
        }
#pragma warning restore CA5394

        return new CallingList("US spring list", records);
    }

    private static int AreaCode(int draw)
    {
        foreach (var (areaCode, weight) in s_areaCodes)
        {
            if (draw < weight)
            {
                return areaCode;
            }

            draw -= weight;
        }

        return s_areaCodes[^1].AreaCode;
    }

    private static RecordNumber Number(int areaCode, int serial, PhoneNumberType type) =>
        new(new ContactNumber(PhoneNumber.Parse(string.Format(CultureInfo.InvariantCulture, "+1{0}555{1:0000}", areaCode, serial)), type));
}
