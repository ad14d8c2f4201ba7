using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// The shipped calling-window rules, as data, and the most restrictive intersection of several rules
/// across several zones. Each rule governs <see cref="CallPurpose.Solicitation"/> only: a call the
/// person asked for is not a telephone solicitation. Windows are half-open: a window
/// <c>08:00–21:00</c> allows 20:59:59 and refuses 21:00.
/// </summary>
/// <remarks>
/// These rules summarise statutes for engineering use; they are not legal advice. Other laws may
/// apply to a centre (state do-not-call registries, consent rules, other countries): add them as
/// <see cref="CallingWindowPolicy"/> values to a <see cref="ComplianceProfile"/>.
/// </remarks>
public static class CallingWindowPolicies
{
    /// <summary>
    /// US federal: telephone solicitations only between 08:00 and 21:00 at the called person's
    /// location, every day. Sources: 47 CFR § 64.1200(c)(1) (FCC rules under the Telephone Consumer
    /// Protection Act, 47 U.S.C. § 227) and 16 CFR § 310.4(c) (FTC Telemarketing Sales Rule).
    /// Jurisdiction: <c>US</c>.
    /// </summary>
    public static CallingWindowPolicy UsFederal { get; } = new(
        "US federal",
        "47 CFR § 64.1200(c)(1) (TCPA); 16 CFR § 310.4(c) (Telemarketing Sales Rule)",
        WeeklyHours.Every(LocalTimeRange.FromHours(8, 0, 21, 0)))
    {
        Jurisdiction = new Jurisdiction("US"),
    };

    /// <summary>
    /// Florida: commercial telephone solicitations only between 08:00 and 20:00 in the called
    /// person's time zone, and no more than three to a person on the same subject matter within
    /// 24 hours. Source: Fla. Stat. § 501.616(6)(a)–(b) (Florida Telemarketing Act, as amended by
    /// ch. 2021-185, Laws of Florida). Jurisdiction: <c>US-FL</c>.
    /// </summary>
    public static CallingWindowPolicy Florida { get; } = new(
        "Florida",
        "Fla. Stat. § 501.616(6)(a)-(b) (Florida Telemarketing Act, as amended by ch. 2021-185, Laws of Fla.)",
        WeeklyHours.Every(LocalTimeRange.FromHours(8, 0, 20, 0)))
    {
        Jurisdiction = new Jurisdiction("US", "FL"),
        FrequencyCaps = [new FrequencyCap(3, Duration.FromHours(24), FrequencyScope.SameSubject)],
    };

    /// <summary>
    /// France, since 1 March 2023: commercial telephone prospecting of consumers only Monday to
    /// Friday, 10:00–13:00 and 14:00–20:00 in the consumer's time zone, never on a public holiday
    /// (Code du travail art. L. 3133-1, <see cref="FrenchPublicHolidays"/>), and no more than four
    /// attempts to the same consumer within 30 calendar days. Source: Code de la consommation
    /// art. L. 223-1 and art. D. 223-9, created by décret n° 2022-1313 du 13 octobre 2022.
    /// Jurisdiction: <c>FR</c>, overseas departments included (each in its own zone).
    /// </summary>
    /// <remarks>
    /// For callees in Alsace-Moselle use <c>FranceSolicitation with { NoCallsOnHolidays = FrenchPublicHolidays.AlsaceMoselle }</c>.
    /// The decree's 60-day pause after a consumer refuses is a do-not-call entry with an expiry
    /// (<see cref="InMemoryDoNotCallList.Add"/>).
    /// </remarks>
    public static CallingWindowPolicy FranceSolicitation { get; } = new(
        "France",
        "Code de la consommation art. L. 223-1 and D. 223-9 (décret n° 2022-1313 du 13 octobre 2022, in force 1 March 2023)",
        WeeklyHours.Weekdays(LocalTimeRange.FromHours(10, 0, 13, 0), LocalTimeRange.FromHours(14, 0, 20, 0)))
    {
        Jurisdiction = new Jurisdiction("FR"),
        NoCallsOnHolidays = FrenchPublicHolidays.Instance,
        FrequencyCaps = [new FrequencyCap(4, Duration.FromDays(30), FrequencyScope.AnySubject)],
    };

    /// <summary>Every shipped rule: <see cref="UsFederal"/>, <see cref="Florida"/>, <see cref="FranceSolicitation"/>.</summary>
    public static IReadOnlyList<CallingWindowPolicy> All { get; } = [UsFederal, Florida, FranceSolicitation];

    /// <summary>
    /// The most restrictive intersection: the instants within <paramref name="within"/> at which every
    /// policy allows a call in every zone. With no policy, the whole of <paramref name="within"/>; with
    /// policies but no zone, nothing (a rule cannot be checked without the callee's zone). Sorted and
    /// disjoint.
    /// </summary>
    /// <param name="policies">The policies that apply.</param>
    /// <param name="zones">The callee's candidate zones.</param>
    /// <param name="within">The instants of interest.</param>
    /// <returns>The allowed intervals.</returns>
    public static IReadOnlyList<Interval> AllowedIntervals(IEnumerable<CallingWindowPolicy> policies, IEnumerable<DateTimeZone> zones, Interval within)
    {
        var result = new List<Interval>();
        IntersectInto(Guard.NotNull(policies).ToList(), Guard.NotNull(zones).ToList(), within, result);
        return result;
    }

    /// <summary>As <see cref="AllowedIntervals"/>, into a caller's list (cleared first).</summary>
    internal static void IntersectInto(IReadOnlyList<CallingWindowPolicy> policies, IReadOnlyList<DateTimeZone> zones, Interval within, List<Interval> into)
    {
        into.Clear();
        if (!within.HasStart || !within.HasEnd || within.End <= within.Start)
        {
            return;
        }

        into.Add(within);
        if (policies.Count == 0)
        {
            return;
        }

        if (zones.Count == 0)
        {
            into.Clear();
            return;
        }

        var allowed = new List<Interval>();
        var scratch = new List<Interval>();
        foreach (var policy in policies)
        {
            foreach (var zone in zones)
            {
                policy.AllowedIntervalsInto(zone, within, allowed);
                IntervalAlgebra.Intersect(into, allowed, scratch);
                into.Clear();
                into.AddRange(scratch);
                if (into.Count == 0)
                {
                    return;
                }
            }
        }
    }
}
