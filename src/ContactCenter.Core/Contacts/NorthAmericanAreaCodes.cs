using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Time;

namespace ContactCenter.Core.Contacts;

/// <summary>
/// A small curated table of North American Numbering Plan area codes (<c>+1 NPA</c>): the large
/// metros of every US zone, Alaska, Hawaii, the US territories, several Canadian provinces, and the
/// area codes that span two zones — 850 (Florida panhandle: Central and Eastern), 541/458 (Oregon:
/// Pacific and Mountain), 208/986 (Idaho: Mountain and Pacific), 605 (South Dakota), 701 (North
/// Dakota), 308 (Nebraska), 785 (Kansas), 915/432 (West Texas), 270/364 (Kentucky), 812/930, 219 and
/// 574 (Indiana), 906 (Michigan's Upper Peninsula), 928 (Arizona, where the Navajo Nation observes
/// daylight saving time), 907 (Alaska, with the Aleutians west of 169°30′W), 306 (Saskatchewan with
/// Lloydminster), 709 (Newfoundland and Labrador) and 807 (north-western Ontario).
/// Each entry carries its state, territory or province code. Numbers whose area code is not in the
/// table are not located here (see <see cref="NumberLocation.Fallback"/>).
/// </summary>
/// <remarks>
/// An area code says where the number was assigned, not where its user is now (a mobile keeps its
/// area code when its owner moves); that is why a record may carry its own zones, which the dialing
/// check prefers.
/// </remarks>
public sealed class NorthAmericanAreaCodes : IPhoneNumberLocator
{
    private const string Eastern = "America/New_York";
    private const string Central = "America/Chicago";
    private const string Mountain = "America/Denver";
    private const string Pacific = "America/Los_Angeles";

    private static readonly (int AreaCode, string Country, string Region, string[] Zones)[] s_rows =
    [
        // Eastern
        (201, "US", "NJ", [Eastern]), (202, "US", "DC", [Eastern]), (212, "US", "NY", [Eastern]),
        (215, "US", "PA", [Eastern]), (404, "US", "GA", [Eastern]), (617, "US", "MA", [Eastern]),
        (704, "US", "NC", [Eastern]), (718, "US", "NY", [Eastern]), (313, "US", "MI", ["America/Detroit"]),
        (317, "US", "IN", ["America/Indiana/Indianapolis"]),
        (305, "US", "FL", [Eastern]), (407, "US", "FL", [Eastern]), (561, "US", "FL", [Eastern]),
        (786, "US", "FL", [Eastern]), (813, "US", "FL", [Eastern]), (904, "US", "FL", [Eastern]),
        (954, "US", "FL", [Eastern]),

        // Central
        (210, "US", "TX", [Central]), (214, "US", "TX", [Central]), (312, "US", "IL", [Central]),
        (504, "US", "LA", [Central]), (512, "US", "TX", [Central]), (612, "US", "MN", [Central]),
        (615, "US", "TN", [Central]), (713, "US", "TX", [Central]), (773, "US", "IL", [Central]),
        (816, "US", "MO", [Central]),

        // Mountain, Arizona, Pacific
        (303, "US", "CO", [Mountain]), (406, "US", "MT", [Mountain]), (505, "US", "NM", [Mountain]),
        (720, "US", "CO", [Mountain]), (801, "US", "UT", [Mountain]),
        (480, "US", "AZ", ["America/Phoenix"]), (520, "US", "AZ", ["America/Phoenix"]), (602, "US", "AZ", ["America/Phoenix"]),
        (206, "US", "WA", [Pacific]), (213, "US", "CA", [Pacific]), (310, "US", "CA", [Pacific]),
        (415, "US", "CA", [Pacific]), (503, "US", "OR", [Pacific]), (702, "US", "NV", [Pacific]),

        // Alaska, Hawaii, territories
        (907, "US", "AK", ["America/Anchorage", "America/Adak"]), (808, "US", "HI", ["Pacific/Honolulu"]),
        (787, "US", "PR", ["America/Puerto_Rico"]), (939, "US", "PR", ["America/Puerto_Rico"]),
        (340, "US", "VI", ["America/St_Thomas"]), (671, "US", "GU", ["Pacific/Guam"]),
        (670, "US", "MP", ["Pacific/Saipan"]), (684, "US", "AS", ["Pacific/Pago_Pago"]),

        // Area codes that span two zones
        (850, "US", "FL", [Central, Eastern]),
        (541, "US", "OR", [Pacific, "America/Boise"]), (458, "US", "OR", [Pacific, "America/Boise"]),
        (208, "US", "ID", ["America/Boise", Pacific]), (986, "US", "ID", ["America/Boise", Pacific]),
        (605, "US", "SD", [Central, Mountain]), (701, "US", "ND", [Central, Mountain]),
        (308, "US", "NE", [Central, Mountain]), (785, "US", "KS", [Central, Mountain]),
        (915, "US", "TX", [Mountain, Central]), (432, "US", "TX", [Central, Mountain]),
        (270, "US", "KY", [Central, Eastern]), (364, "US", "KY", [Central, Eastern]),
        (812, "US", "IN", ["America/Indiana/Indianapolis", Central]), (930, "US", "IN", ["America/Indiana/Indianapolis", Central]),
        (219, "US", "IN", [Central, "America/Indiana/Indianapolis"]), (574, "US", "IN", ["America/Indiana/Indianapolis", Central]),
        (906, "US", "MI", ["America/Detroit", "America/Menominee"]),
        (928, "US", "AZ", ["America/Phoenix", Mountain]),

        // Canada
        (416, "CA", "ON", ["America/Toronto"]), (647, "CA", "ON", ["America/Toronto"]), (613, "CA", "ON", ["America/Toronto"]),
        (807, "CA", "ON", ["America/Toronto", "America/Winnipeg"]),
        (438, "CA", "QC", ["America/Toronto"]), (514, "CA", "QC", ["America/Toronto"]),
        (604, "CA", "BC", ["America/Vancouver"]), (778, "CA", "BC", ["America/Vancouver"]),
        (403, "CA", "AB", ["America/Edmonton"]), (780, "CA", "AB", ["America/Edmonton"]),
        (204, "CA", "MB", ["America/Winnipeg"]), (306, "CA", "SK", ["America/Regina", "America/Edmonton"]),
        (506, "CA", "NB", ["America/Moncton"]), (709, "CA", "NL", ["America/St_Johns", "America/Goose_Bay"]),
    ];

    private readonly Dictionary<int, NumberLocation> _byAreaCode;

    private NorthAmericanAreaCodes()
    {
        _byAreaCode = s_rows.ToDictionary(
            static r => r.AreaCode,
            static r => new NumberLocation(
                r.Country,
                r.Region,
                r.Zones.Select(static id => TimeZoneIds.Resolve(id)),
                "NANP area code " + r.AreaCode.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The shipped table.</summary>
    public static NorthAmericanAreaCodes Instance { get; } = new();

    /// <summary>The area codes in the table, ascending.</summary>
    public IReadOnlyList<int> AreaCodes => _byAreaCode.Keys.OrderBy(static c => c).ToArray();

    /// <summary>The location of an area code in the table.</summary>
    /// <param name="areaCode">The three-digit area code (NPA).</param>
    /// <returns>The location, or <see langword="null"/> when the area code is not in the table.</returns>
    public NumberLocation? Find(int areaCode) => _byAreaCode.TryGetValue(areaCode, out var location) ? location : null;

    /// <summary>Locates a <c>+1</c> number with ten national digits by its area code.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The location, or <see langword="null"/> for another country calling code, a malformed NANP number, or an area code not in the table.</returns>
    public NumberLocation? Locate(PhoneNumber number)
    {
        if (number.CountryCallingCode != 1)
        {
            return null;
        }

        var national = number.NationalNumber;
        return national.Length == 10
            ? Find(((national[0] - '0') * 100) + ((national[1] - '0') * 10) + (national[2] - '0'))
            : null;
    }
}
