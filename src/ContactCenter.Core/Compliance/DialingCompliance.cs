using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// Decides whether a number may be dialled now and explains every "no": the do-not-call list, the
/// calling windows of every policy that holds for the call in every zone the callee may be in (the
/// most restrictive intersection), public holidays and frequency caps. Thread-safe when its ports are.
/// </summary>
/// <example>
/// <code>
/// var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default,
///     new InMemoryDoNotCallList(), new InMemoryCallHistory());
/// var decision = compliance.Check(new DialRequest(PhoneNumber.Parse("+1 312 555 0142")), time.Now);
/// // not dialable: 21:04 is past 21:00 in America/Chicago (US federal); next window opens 2026-11-22 08:00-06:00
/// </code>
/// </example>
public sealed class DialingCompliance
{
    private static readonly Duration s_around = Duration.FromDays(2);
    private static readonly Duration s_chunk = Duration.FromDays(8);

    private readonly IPhoneNumberLocator _locator;
    private readonly IDoNotCallList _doNotCall;
    private readonly ICallHistory _history;

    /// <summary>Creates the checker.</summary>
    /// <param name="profile">The centre's policies.</param>
    /// <param name="locator">Where numbers ring; a number it does not know gets <see cref="NumberLocation.Fallback"/>.</param>
    /// <param name="doNotCall">The do-not-call list.</param>
    /// <param name="history">The calls already placed, for frequency caps.</param>
    public DialingCompliance(ComplianceProfile profile, IPhoneNumberLocator locator, IDoNotCallList doNotCall, ICallHistory history)
    {
        Profile = Guard.NotNull(profile);
        _locator = Guard.NotNull(locator);
        _doNotCall = Guard.NotNull(doNotCall);
        _history = Guard.NotNull(history);
    }

    /// <summary>How far ahead <see cref="DialDecision.NextWindowOpensAt"/> is searched: 400 days, more than a year of holidays and weekly windows.</summary>
    public static Duration SearchHorizon { get; } = Duration.FromDays(400);

    /// <summary>The centre's policies.</summary>
    public ComplianceProfile Profile { get; }

    /// <summary>Where the request's number rings: the locator's answer (or the fallback), with the request's zones when it carries some.</summary>
    /// <param name="request">The call.</param>
    /// <returns>The location.</returns>
    public NumberLocation Locate(DialRequest request)
    {
        Validate(request);
        var location = _locator.Locate(request.Number) ?? NumberLocation.Fallback(request.Number);
        return request.CandidateZones is { } zones ? location.WithZones(zones, "the request's zones") : location;
    }

    /// <summary>
    /// The instants within <paramref name="within"/> at which every policy that holds for the call
    /// allows it in every candidate zone: the most restrictive intersection of the calling windows
    /// (public holidays removed). Frequency caps and the do-not-call list are not part of it; see
    /// <see cref="Check"/>. Sorted and disjoint; the whole of <paramref name="within"/> when no policy
    /// holds; empty when a policy holds but no zone is known.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="within">The instants of interest.</param>
    /// <returns>The allowed intervals.</returns>
    public IReadOnlyList<Interval> AllowedIntervals(DialRequest request, Interval within)
    {
        var location = Locate(request);
        return CallingWindowPolicies.AllowedIntervals(Profile.Select(request.Purpose, location), location.CandidateZones, within);
    }

    /// <summary>
    /// Checks a call at <paramref name="now"/>. The call is dialable when the do-not-call list does not
    /// block it, and, for every policy that holds (<see cref="ComplianceProfile.Select"/>), the callee's
    /// local time is inside the policy's window in every candidate zone, the local date is not a
    /// holiday of the policy, and no frequency cap of the policy is reached. A cap counts the calls of
    /// the purposes its policy governs placed in the rolling period that ends at
    /// <paramref name="now"/> (a call placed exactly one period earlier no longer counts).
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="now">The instant of the call.</param>
    /// <returns>The decision, with its explanation and the next opening.</returns>
    /// <exception cref="ArgumentException">The request holds the default <see cref="PhoneNumber"/>, or its zones are empty.</exception>
    public DialDecision Check(DialRequest request, Instant now)
    {
        using var activity = Diagnostics.ComplianceDiagnostics.StartCheck();
        var location = Locate(request);
        var zones = location.CandidateZones;
        var policies = Profile.Select(request.Purpose, location);
        var refusals = new List<DialRefusal>();
        var never = false;

        var doNotCallApplies = Profile.DoNotCallApplies(request.Purpose);
        if (doNotCallApplies && _doNotCall.IsBlocked(request.Number, now))
        {
            refusals.Add(new DialRefusal(DialRefusalKind.DoNotCall, null, null, $"{request.Number} is on the do-not-call list"));
            never = true;
        }

        if (policies.Count > 0 && zones.Count == 0)
        {
            var note = location.Note ?? "no locator maps " + request.Number;
            refusals.Add(new DialRefusal(DialRefusalKind.ZoneUnknown, null, null, $"zone unknown: {note}; {Names(policies)} need the callee's zone"));
            never = true;
        }
        else
        {
            var scratch = new List<Interval>();
            foreach (var policy in policies)
            {
                foreach (var zone in zones)
                {
                    if (WindowRefusal(policy, zone, now, scratch) is { } refusal)
                    {
                        refusals.Add(refusal);
                    }
                }
            }
        }

        var calls = CallsForCaps(request, policies, now);
        var capTexts = new List<string>();
        foreach (var policy in policies)
        {
            foreach (var cap in policy.FrequencyCaps)
            {
                var count = CapState(calls, policy, cap, request.Subject, now, out _);
                var counted = $"{ComplianceText.Invariant(count)} {(count == 1 ? "call" : "calls")}{ScopeText(cap, request.Subject)} in the last {ComplianceText.Period(cap.Period)}";
                if (count >= cap.MaxCalls)
                {
                    refusals.Add(new DialRefusal(DialRefusalKind.FrequencyCapReached, policy, null, $"{counted} reach the limit of {ComplianceText.Invariant(cap.MaxCalls)} ({policy.Name})") { Cap = cap });
                }
                else
                {
                    capTexts.Add($"{policy.Name}: {counted}, limit {ComplianceText.Invariant(cap.MaxCalls)}");
                }
            }
        }

        var zoneUnknown = location.IsFallback && request.CandidateZones is null && zones.Count > 0 && policies.Count > 0
            ? "zone unknown: " + (location.Note ?? "no locator maps " + request.Number)
            : null;

        Instant? next;
        string explanation;
        if (refusals.Count == 0)
        {
            next = now;
            explanation = DialableText(request, location, policies, now, capTexts, doNotCallApplies, zoneUnknown);
        }
        else
        {
            next = never ? null : FindNext(policies, zones, calls, request.Subject, now);
            var parts = refusals.Select(static r => r.Message).ToList();
            if (zoneUnknown is not null)
            {
                parts.Add(zoneUnknown);
            }

            if (next is { } opening)
            {
                var displayZone = refusals.FirstOrDefault(static r => r.Zone is not null)?.Zone ?? zones[0];
                parts.Add("next window opens " + ComplianceText.LocalWithOffset(opening, displayZone));
            }
            else if (!never)
            {
                parts.Add($"no window opens within {ComplianceText.Period(SearchHorizon)}");
            }

            explanation = "not dialable: " + string.Join("; ", parts);
        }

        return Diagnostics.ComplianceDiagnostics.Checked(activity, new DialDecision(request, now, location, policies, refusals, next, explanation));
    }

    private static void Validate(DialRequest request)
    {
        Guard.NotNull(request);
        if (request.Number == default)
        {
            throw new ArgumentException("The request holds no number (default PhoneNumber).", nameof(request));
        }

        if (request.CandidateZones is { Count: 0 })
        {
            throw new ArgumentException("The request's CandidateZones is empty: give at least one zone, or null to locate the number.", nameof(request));
        }
    }

    private static DialRefusal? WindowRefusal(CallingWindowPolicy policy, DateTimeZone zone, Instant now, List<Interval> allowed)
    {
        policy.AllowedIntervalsInto(zone, new Interval(now - s_around, now + s_around), allowed);
        if (IntervalAlgebra.NextInside(allowed, now) == now)
        {
            return null;
        }

        var local = now.InZone(zone);
        var date = local.Date;
        var where = $"in {zone.Id} ({policy.Name})";
        if (policy.NoCallsOnHolidays is { } holidays && holidays.IsHoliday(date))
        {
            return new DialRefusal(DialRefusalKind.Holiday, policy, zone, $"{ComplianceText.Date(date)} is a public holiday in {zone.Id} ({policy.Name}, {holidays.Name})");
        }

        Interval? previous = null;
        Interval? following = null;
        foreach (var interval in allowed)
        {
            if (interval.End <= now)
            {
                previous = interval;
            }
            else if (interval.Start > now)
            {
                following = interval;
                break;
            }
        }

        var dayStart = zone.AtStartOfDay(date).ToInstant();
        var dayEnd = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
        var time = ComplianceText.Time(local.TimeOfDay);
        string? closed = previous is { } p && p.End > dayStart ? ComplianceText.Time(p.End.InZone(zone).TimeOfDay) : null;
        string? opens = following is { } f && f.Start < dayEnd ? ComplianceText.Time(f.Start.InZone(zone).TimeOfDay) : null;
        var message = (closed, opens) switch
        {
            ({ }, { }) => $"{time} is between {closed} and {opens} {where}",
            ({ }, null) => $"{time} is past {closed} {where}",
            (null, { }) => $"{time} is before {opens} {where}",
            _ => $"{date.DayOfWeek} {time} has no calling window {where}",
        };
        return new DialRefusal(DialRefusalKind.OutsideCallingWindow, policy, zone, message);
    }

    private CallRecord[] CallsForCaps(DialRequest request, IReadOnlyList<CallingWindowPolicy> policies, Instant now)
    {
        var longest = Duration.Zero;
        foreach (var policy in policies)
        {
            foreach (var cap in policy.FrequencyCaps)
            {
                longest = cap.Period > longest ? cap.Period : longest;
            }
        }

        if (longest == Duration.Zero)
        {
            return Array.Empty<CallRecord>();
        }

        // The rolling period ending at now is (now - period, now]; Interval is [start, end).
        var calls = _history.CallsTo(request.Number, new Interval(now - longest + Duration.Epsilon, now + Duration.Epsilon));
        return calls.OrderBy(static c => c.PlacedAt).ToArray();
    }

    /// <summary>How many calls the cap counts at <paramref name="at"/>, and the first instant at or after it when the count is below the limit.</summary>
    private static int CapState(CallRecord[] calls, CallingWindowPolicy policy, FrequencyCap cap, string? subject, Instant at, out Instant release)
    {
        var periodStart = at - cap.Period;
        var counted = new List<Instant>();
        foreach (var call in calls)
        {
            if (call.PlacedAt > periodStart && call.PlacedAt <= at && policy.AppliesTo(call.Purpose) && SameSeries(cap, subject, call.Subject))
            {
                counted.Add(call.PlacedAt);
            }
        }

        release = counted.Count < cap.MaxCalls ? at : counted[counted.Count - cap.MaxCalls] + cap.Period;
        return counted.Count;
    }

    private static bool SameSeries(FrequencyCap cap, string? subject, string? callSubject) =>
        cap.Scope == FrequencyScope.AnySubject || subject is null || callSubject is null || string.Equals(subject, callSubject, StringComparison.Ordinal);

    private static Instant? FindNext(IReadOnlyList<CallingWindowPolicy> policies, IReadOnlyList<DateTimeZone> zones, CallRecord[] calls, string? subject, Instant now)
    {
        var limit = now + SearchHorizon;
        var allowed = new List<Interval>();
        var from = now;
        var chunkStart = now;
        while (chunkStart < limit)
        {
            var chunkEnd = chunkStart + s_chunk < limit ? chunkStart + s_chunk : limit;
            CallingWindowPolicies.IntersectInto(policies, zones, new Interval(chunkStart, chunkEnd), allowed);
            while (IntervalAlgebra.NextInside(allowed, from) is { } candidate)
            {
                var release = candidate;
                foreach (var policy in policies)
                {
                    foreach (var cap in policy.FrequencyCaps)
                    {
                        CapState(calls, policy, cap, subject, candidate, out var capRelease);
                        release = capRelease > release ? capRelease : release;
                    }
                }

                if (release == candidate)
                {
                    return candidate;
                }

                from = release;
            }

            chunkStart = chunkEnd > from ? chunkEnd : from;
        }

        return null;
    }

    private static string DialableText(DialRequest request, NumberLocation location, IReadOnlyList<CallingWindowPolicy> policies, Instant now, List<string> capTexts, bool doNotCallApplies, string? zoneUnknown)
    {
        var parts = new List<string>();
        if (policies.Count == 0)
        {
            parts.Add($"no calling-window policy governs {request.Purpose} calls to {ComplianceText.Where(location)}");
        }
        else
        {
            var locals = location.CandidateZones.Select(z => $"{ComplianceText.Time(now.InZone(z).TimeOfDay)} in {z.Id}");
            parts.Add($"within {Names(policies)} at {string.Join(", ", locals)}");
        }

        parts.AddRange(capTexts);
        parts.Add(doNotCallApplies ? "not on the do-not-call list" : $"the do-not-call list does not apply to {request.Purpose} calls");
        if (zoneUnknown is not null)
        {
            parts.Add(zoneUnknown);
        }

        return "dialable: " + string.Join("; ", parts);
    }

    private static string Names(IReadOnlyList<CallingWindowPolicy> policies) => string.Join(", ", policies.Select(static p => p.Name));

    private static string ScopeText(FrequencyCap cap, string? subject) =>
        cap.Scope == FrequencyScope.AnySubject ? string.Empty
        : subject is null ? " on any subject (the call's subject is unknown)"
        : " on the same subject";
}
