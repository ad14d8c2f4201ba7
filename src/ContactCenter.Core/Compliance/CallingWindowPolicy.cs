using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// A legal calling window as data: the local hours of the <em>called person</em> during which calls
/// are allowed, the public holidays on which none are, the frequency caps, and the call purposes it
/// governs. Shipped rules live in <c>CallingWindowPolicies</c>; a centre adds its own.
/// </summary>
public sealed record CallingWindowPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="name">Short name used in explanations (<c>US federal</c>).</param>
    /// <param name="source">The legal source of the rule, cited in explanations and docs.</param>
    /// <param name="hours">The allowed hours in the called person's local time.</param>
    public CallingWindowPolicy(string name, string source, WeeklyHours hours)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A policy needs a name.", nameof(name)) : name;
        Source = string.IsNullOrWhiteSpace(source) ? throw new ArgumentException("A policy needs its legal source.", nameof(source)) : source;
        Hours = Guard.NotNull(hours);
    }

    /// <summary>Short name used in explanations (<c>US federal</c>).</summary>
    public string Name { get; }

    /// <summary>The legal source of the rule (statute, regulation, decree).</summary>
    public string Source { get; }

    /// <summary>The allowed hours, in the called person's local time.</summary>
    public WeeklyHours Hours { get; }

    /// <summary>Public holidays (of the called person's local date) on which no call is allowed; <see langword="null"/> when holidays are not excluded.</summary>
    public IPublicHolidayCalendar? NoCallsOnHolidays { get; init; }

    /// <summary>Limits on how often the same person may be called.</summary>
    public IReadOnlyList<FrequencyCap> FrequencyCaps { get; init; } = Array.Empty<FrequencyCap>();

    /// <summary>The call purposes this policy governs. Default: solicitation only.</summary>
    public IReadOnlyCollection<CallPurpose> Purposes { get; init; } = [CallPurpose.Solicitation];

    /// <summary>Where the policy applies: the called number's country, and region when the rule is a state's or province's.</summary>
    public Jurisdiction Jurisdiction { get; init; } = Jurisdiction.Anywhere;

    /// <summary>Whether the policy governs calls of <paramref name="purpose"/>.</summary>
    /// <param name="purpose">The call's purpose.</param>
    /// <returns>Whether it applies.</returns>
    public bool AppliesTo(CallPurpose purpose) => Purposes.Contains(purpose);

    /// <summary>
    /// The instants within <paramref name="within"/> at which this policy allows a call to someone in
    /// <paramref name="calleeZone"/>: <see cref="Hours"/> resolved by the rules of
    /// <see cref="LocalIntervals"/>, minus every local day that is a holiday of
    /// <see cref="NoCallsOnHolidays"/>. Sorted and disjoint.
    /// </summary>
    /// <param name="calleeZone">The called person's zone.</param>
    /// <param name="within">The instants of interest.</param>
    /// <returns>The allowed intervals.</returns>
    public IReadOnlyList<Interval> AllowedIntervals(DateTimeZone calleeZone, Interval within)
    {
        var result = new List<Interval>();
        AllowedIntervalsInto(calleeZone, within, result);
        return result;
    }

    /// <summary>As <see cref="AllowedIntervals"/>, into a caller's list (cleared first).</summary>
    internal void AllowedIntervalsInto(DateTimeZone calleeZone, Interval within, List<Interval> into)
    {
        LocalIntervals.ExpandInto(Hours, calleeZone, within, into);
        if (NoCallsOnHolidays is not { } holidays || into.Count == 0)
        {
            return;
        }

        var last = within.End.InZone(calleeZone).Date;
        for (var date = within.Start.InZone(calleeZone).Date; date <= last; date = date.PlusDays(1))
        {
            if (holidays.IsHoliday(date))
            {
                IntervalAlgebra.Subtract(into, new Interval(calleeZone.AtStartOfDay(date).ToInstant(), calleeZone.AtStartOfDay(date.PlusDays(1)).ToInstant()));
            }
        }
    }
}
