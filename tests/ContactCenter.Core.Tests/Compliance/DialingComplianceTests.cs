using System;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class DialingComplianceTests
{
    private static readonly PhoneNumber s_chicago = PhoneNumber.Parse("+1 312 555 0142");
    private static readonly PhoneNumber s_miami = PhoneNumber.Parse("+1 305 555 0142");
    private static readonly PhoneNumber s_panhandle = PhoneNumber.Parse("+1 850 555 0142");
    private static readonly PhoneNumber s_paris = PhoneNumber.Parse("+33 6 12 34 56 78");

    private readonly InMemoryDoNotCallList _doNotCall = new();
    private readonly InMemoryCallHistory _history = new();
    private readonly DialingCompliance _compliance;

    public DialingComplianceTests() =>
        _compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, _doNotCall, _history);

    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    private static Instant At(string zone, int year, int month, int day, int hour, int minute) =>
        Zone(zone).AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    private DialDecision Check(PhoneNumber number, Instant now, CallPurpose purpose = CallPurpose.Solicitation, string? subject = null) =>
        _compliance.Check(new DialRequest(number, purpose, subject), now);

    // ---- US federal ----------------------------------------------------------------------------

    [Fact]
    public void Past_the_federal_window_the_explanation_names_the_local_time_the_bound_the_zone_the_policy_and_the_next_opening()
    {
        var decision = Check(s_chicago, At("America/Chicago", 2026, 11, 21, 21, 4));

        Assert.False(decision.IsDialable);
        Assert.Equal("not dialable: 21:04 is past 21:00 in America/Chicago (US federal); next window opens 2026-11-22 08:00-06:00", decision.Explanation);
        Assert.Equal(decision.Explanation, decision.ToString());
        var refusal = Assert.Single(decision.Refusals);
        Assert.Equal(DialRefusalKind.OutsideCallingWindow, refusal.Kind);
        Assert.Same(CallingWindowPolicies.UsFederal, refusal.Policy);
        Assert.Equal("America/Chicago", refusal.Zone!.Id);
        Assert.Equal(At("America/Chicago", 2026, 11, 22, 8, 0), decision.NextWindowOpensAt);
        Assert.Equal([CallingWindowPolicies.UsFederal], decision.Applied);
        Assert.Equal("IL", decision.Location.Region);
    }

    [Fact]
    public void Before_the_federal_window()
    {
        var decision = Check(s_chicago, At("America/Chicago", 2026, 11, 21, 7, 15));

        Assert.Equal("not dialable: 07:15 is before 08:00 in America/Chicago (US federal); next window opens 2026-11-21 08:00-06:00", decision.Explanation);
    }

    [Fact]
    public void The_window_is_half_open()
    {
        Assert.True(Check(s_chicago, At("America/Chicago", 2026, 11, 21, 8, 0)).IsDialable);
        Assert.True(Check(s_chicago, At("America/Chicago", 2026, 11, 21, 21, 0) - Duration.Epsilon).IsDialable);
        Assert.False(Check(s_chicago, At("America/Chicago", 2026, 11, 21, 8, 0) - Duration.Epsilon).IsDialable);
        Assert.Equal(
            "not dialable: 21:00 is past 21:00 in America/Chicago (US federal); next window opens 2026-11-22 08:00-06:00",
            Check(s_chicago, At("America/Chicago", 2026, 11, 21, 21, 0)).Explanation);
    }

    [Fact]
    public void Inside_the_window_the_explanation_says_what_was_checked()
    {
        var now = At("America/Chicago", 2026, 11, 21, 14, 30);

        var decision = Check(s_chicago, now);

        Assert.True(decision.IsDialable);
        Assert.Empty(decision.Refusals);
        Assert.Equal(now, decision.NextWindowOpensAt);
        Assert.Equal(now, decision.CheckedAt);
        Assert.Equal("dialable: within US federal at 14:30 in America/Chicago; not on the do-not-call list", decision.Explanation);
    }

    [Fact]
    public void A_requested_callback_is_not_a_solicitation()
    {
        var decision = Check(s_miami, At("America/New_York", 2026, 11, 21, 23, 30), CallPurpose.RequestedCallback);

        Assert.True(decision.IsDialable);
        Assert.Empty(decision.Applied);
        Assert.Equal("dialable: no calling-window policy governs RequestedCallback calls to US-FL; the do-not-call list does not apply to RequestedCallback calls", decision.Explanation);
    }

    // ---- DST and unusual offsets -----------------------------------------------------------------

    [Fact]
    public void The_next_opening_after_a_spring_forward_night_carries_the_new_offset()
    {
        var decision = Check(PhoneNumber.Parse("+1 212 555 0142"), At("America/New_York", 2026, 3, 7, 21, 30));

        Assert.Equal("not dialable: 21:30 is past 21:00 in America/New_York (US federal); next window opens 2026-03-08 08:00-04:00", decision.Explanation);
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 12, 0), decision.NextWindowOpensAt);
    }

    [Fact]
    public void On_the_fall_back_day_the_window_opens_at_08_00_standard_time()
    {
        var decision = Check(PhoneNumber.Parse("+1 212 555 0142"), At("America/New_York", 2026, 11, 1, 7, 30));

        Assert.Equal("not dialable: 07:30 is before 08:00 in America/New_York (US federal); next window opens 2026-11-01 08:00-05:00", decision.Explanation);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 13, 0), decision.NextWindowOpensAt);
    }

    [Fact]
    public void A_callee_in_Kathmandu_is_checked_in_its_quarter_hour_offset()
    {
        var request = new DialRequest(s_chicago) { CandidateZones = [Zone("Asia/Kathmandu")] };

        var refused = _compliance.Check(request, At("Asia/Kathmandu", 2026, 6, 15, 21, 0));
        var allowed = _compliance.Check(request, At("Asia/Kathmandu", 2026, 6, 15, 20, 59));

        Assert.Equal("not dialable: 21:00 is past 21:00 in Asia/Kathmandu (US federal); next window opens 2026-06-16 08:00+05:45", refused.Explanation);
        Assert.Equal(Instant.FromUtc(2026, 6, 16, 2, 15), refused.NextWindowOpensAt);
        Assert.Equal("dialable: within US federal at 20:59 in Asia/Kathmandu; not on the do-not-call list", allowed.Explanation);
        Assert.Equal("the request's zones", refused.Location.Source);
        Assert.Equal("IL", refused.Location.Region);
    }

    [Fact]
    public void A_callee_on_Lord_Howe_Island_gets_the_offset_after_the_half_hour_shift()
    {
        var request = new DialRequest(s_chicago) { CandidateZones = [Zone("Australia/Lord_Howe")] };

        // DST ends 2026-04-05 02:00 (+11:00 -> +10:30); DST starts 2026-10-04 02:00 (+10:30 -> +11:00).
        var autumn = _compliance.Check(request, At("Australia/Lord_Howe", 2026, 4, 4, 22, 0));
        var spring = _compliance.Check(request, At("Australia/Lord_Howe", 2026, 10, 3, 21, 30));

        Assert.Equal("not dialable: 22:00 is past 21:00 in Australia/Lord_Howe (US federal); next window opens 2026-04-05 08:00+10:30", autumn.Explanation);
        Assert.Equal("not dialable: 21:30 is past 21:00 in Australia/Lord_Howe (US federal); next window opens 2026-10-04 08:00+11:00", spring.Explanation);
        Assert.Equal(Instant.FromUtc(2026, 10, 3, 21, 0), spring.NextWindowOpensAt);
    }

    // ---- multi-zone numbers --------------------------------------------------------------------

    [Fact]
    public void A_number_spanning_two_zones_must_be_inside_every_window_in_both()
    {
        // 19:30 in Chicago is 20:30 in New York: Florida's 20:00 has passed on the Eastern side of 850.
        var decision = Check(s_panhandle, At("America/Chicago", 2026, 11, 23, 19, 30));

        Assert.Equal("not dialable: 20:30 is past 20:00 in America/New_York (Florida); next window opens 2026-11-24 09:00-05:00", decision.Explanation);
        Assert.Equal(At("America/Chicago", 2026, 11, 24, 8, 0), decision.NextWindowOpensAt);
        Assert.Equal(["America/Chicago", "America/New_York"], decision.Location.CandidateZones.Select(static z => z.Id));
    }

    [Fact]
    public void Every_policy_and_zone_that_refuses_is_listed()
    {
        // 07:30 in Chicago, 08:30 in New York.
        var decision = Check(s_panhandle, At("America/Chicago", 2026, 11, 23, 7, 30));

        Assert.Equal(
            "not dialable: 07:30 is before 08:00 in America/Chicago (US federal); 07:30 is before 08:00 in America/Chicago (Florida); next window opens 2026-11-23 08:00-06:00",
            decision.Explanation);
        Assert.Equal(2, decision.Refusals.Count);
    }

    [Fact]
    public void Inside_both_zones_the_explanation_lists_both_local_times()
    {
        var decision = Check(s_panhandle, At("America/Chicago", 2026, 11, 23, 12, 0), subject: "renewal");

        Assert.Equal(
            "dialable: within US federal, Florida at 12:00 in America/Chicago, 13:00 in America/New_York; Florida: 0 calls on the same subject in the last 24 h, limit 3; not on the do-not-call list",
            decision.Explanation);
    }

    [Fact]
    public void AllowedIntervals_is_the_intersection_for_the_number()
    {
        var day = new Interval(Instant.FromUtc(2026, 11, 23, 12, 0), Instant.FromUtc(2026, 11, 24, 12, 0));

        var allowed = _compliance.AllowedIntervals(new DialRequest(s_panhandle), day);
        var callback = _compliance.AllowedIntervals(new DialRequest(s_panhandle, CallPurpose.RequestedCallback), day);

        Assert.Equal([new Interval(Instant.FromUtc(2026, 11, 23, 14, 0), Instant.FromUtc(2026, 11, 24, 1, 0))], allowed.ToArray());
        Assert.Equal([day], callback.ToArray());
    }

    [Fact]
    public void An_unmapped_NANP_number_is_checked_in_every_zone_and_says_zone_unknown()
    {
        // 12:00 in Chicago = 17:00Z = 07:00 in Honolulu; the window opens at 08:00 in Honolulu (18:00Z).
        var decision = Check(PhoneNumber.Parse("+1 636 555 0142"), At("America/Chicago", 2026, 6, 15, 12, 0));

        Assert.Equal(
            "not dialable: 07:00 is before 08:00 in Pacific/Honolulu (US federal); 07:00 is before 08:00 in Pacific/Honolulu (Florida); "
            + "zone unknown: area code 636 is not in the table: treated as a US number of unknown state in every zone from Hawaii to Newfoundland; "
            + "next window opens 2026-06-15 08:00-10:00",
            decision.Explanation);
        Assert.True(decision.Location.IsFallback);
        Assert.Equal(Instant.FromUtc(2026, 6, 15, 18, 0), decision.NextWindowOpensAt);
    }

    [Fact]
    public void A_number_of_unknown_country_is_refused_for_solicitation_until_its_zone_is_known()
    {
        var london = PhoneNumber.Parse("+44 20 7946 0958");
        var now = Instant.FromUtc(2026, 6, 15, 12, 0);

        var solicitation = Check(london, now);
        var callback = Check(london, now, CallPurpose.RequestedCallback);

        Assert.Equal("not dialable: zone unknown: no locator maps country calling code +44; US federal, Florida, France need the callee's zone", solicitation.Explanation);
        Assert.Equal(DialRefusalKind.ZoneUnknown, Assert.Single(solicitation.Refusals).Kind);
        Assert.Null(solicitation.NextWindowOpensAt);
        Assert.Equal("dialable: no calling-window policy governs RequestedCallback calls to an unknown country; the do-not-call list does not apply to RequestedCallback calls", callback.Explanation);
    }

    // ---- France ----------------------------------------------------------------------------------

    [Fact]
    public void France_has_no_window_at_the_weekend()
    {
        var decision = Check(s_paris, At("Europe/Paris", 2026, 3, 7, 11, 0));

        Assert.Equal("not dialable: Saturday 11:00 has no calling window in Europe/Paris (France); next window opens 2026-03-09 10:00+01:00", decision.Explanation);
    }

    [Fact]
    public void France_pauses_for_lunch()
    {
        var decision = Check(s_paris, At("Europe/Paris", 2026, 3, 10, 13, 20));

        Assert.Equal("not dialable: 13:20 is between 13:00 and 14:00 in Europe/Paris (France); next window opens 2026-03-10 14:00+01:00", decision.Explanation);
    }

    [Theory]
    [InlineData(9, 59, "09:59 is before 10:00")]
    [InlineData(20, 0, "20:00 is past 20:00")]
    public void France_opens_at_10_and_closes_at_20(int hour, int minute, string reason)
    {
        var decision = Check(s_paris, At("Europe/Paris", 2026, 3, 10, hour, minute));

        Assert.StartsWith("not dialable: " + reason + " in Europe/Paris (France); next window opens 2026-03-1", decision.Explanation, StringComparison.Ordinal);
        Assert.True(Check(s_paris, At("Europe/Paris", 2026, 3, 10, 10, 0)).IsDialable);
        Assert.True(Check(s_paris, At("Europe/Paris", 2026, 3, 10, 19, 59)).IsDialable);
    }

    [Theory]
    [InlineData(2026, 1, 1, "2026-01-02 10:00+01:00")]
    [InlineData(2026, 4, 6, "2026-04-07 10:00+02:00")]
    [InlineData(2026, 5, 1, "2026-05-04 10:00+02:00")]
    [InlineData(2026, 5, 8, "2026-05-11 10:00+02:00")]
    [InlineData(2026, 5, 14, "2026-05-15 10:00+02:00")]
    [InlineData(2026, 5, 25, "2026-05-26 10:00+02:00")]
    [InlineData(2026, 7, 14, "2026-07-15 10:00+02:00")]
    [InlineData(2027, 11, 1, "2027-11-02 10:00+01:00")]
    [InlineData(2026, 11, 11, "2026-11-12 10:00+01:00")]
    [InlineData(2026, 12, 25, "2026-12-28 10:00+01:00")]
    public void France_makes_no_call_on_a_public_holiday(int year, int month, int day, string next)
    {
        var decision = Check(s_paris, At("Europe/Paris", year, month, day, 11, 0));

        var refusal = Assert.Single(decision.Refusals);
        Assert.Equal(DialRefusalKind.Holiday, refusal.Kind);
        Assert.Equal(
            $"not dialable: {year:D4}-{month:D2}-{day:D2} is a public holiday in Europe/Paris (France, French public holidays); next window opens {next}",
            decision.Explanation);
    }

    [Fact]
    public void Fifteen_August_on_a_weekday_is_a_holiday_too()
    {
        // 15 August 2025 was a Friday.
        var decision = Check(s_paris, At("Europe/Paris", 2025, 8, 15, 11, 0));

        Assert.Equal("not dialable: 2025-08-15 is a public holiday in Europe/Paris (France, French public holidays); next window opens 2025-08-18 10:00+02:00", decision.Explanation);
    }

    [Fact]
    public void Alsace_Moselle_is_an_option_of_the_French_policy()
    {
        var alsace = CallingWindowPolicies.FranceSolicitation with { NoCallsOnHolidays = FrenchPublicHolidays.AlsaceMoselle };
        var compliance = new DialingCompliance(new ComplianceProfile([alsace]), CompositePhoneNumberLocator.Default, _doNotCall, _history);

        var decision = compliance.Check(new DialRequest(PhoneNumber.Parse("+33 3 88 12 34 56")), At("Europe/Paris", 2026, 4, 3, 11, 0));

        Assert.Equal(
            "not dialable: 2026-04-03 is a public holiday in Europe/Paris (France, French public holidays, Alsace-Moselle); next window opens 2026-04-07 10:00+02:00",
            decision.Explanation);
    }

    [Fact]
    public void An_overseas_department_is_checked_in_its_own_zone()
    {
        // 09:00 in Paris (+02:00) is 11:00 in Réunion (+04:00).
        var decision = Check(PhoneNumber.Parse("+262 692 12 34 56"), At("Europe/Paris", 2026, 6, 15, 9, 0));

        Assert.True(decision.IsDialable);
        Assert.Equal("dialable: within France at 11:00 in Indian/Reunion; France: 0 calls in the last 30 days, limit 4; not on the do-not-call list", decision.Explanation);
    }

    // ---- frequency caps --------------------------------------------------------------------------

    [Fact]
    public void France_allows_four_attempts_in_30_days_and_the_fifth_waits_for_the_oldest_to_leave_the_period()
    {
        var first = At("Europe/Paris", 2026, 6, 1, 10, 30);
        _history.Record(s_paris, first, CallPurpose.Solicitation, "offer A");
        _history.Record(s_paris, At("Europe/Paris", 2026, 6, 2, 11, 0), CallPurpose.Solicitation, "offer B");
        _history.Record(s_paris, At("Europe/Paris", 2026, 6, 3, 15, 0));
        _history.Record(s_paris, At("Europe/Paris", 2026, 6, 4, 16, 0));

        var decision = Check(s_paris, At("Europe/Paris", 2026, 6, 10, 11, 0));

        Assert.Equal("not dialable: 4 calls in the last 30 days reach the limit of 4 (France); next window opens 2026-07-01 10:30+02:00", decision.Explanation);
        var refusal = Assert.Single(decision.Refusals);
        Assert.Equal(DialRefusalKind.FrequencyCapReached, refusal.Kind);
        Assert.Equal(CallingWindowPolicies.FranceSolicitation.FrequencyCaps[0], refusal.Cap);
        Assert.Equal(first + Duration.FromDays(30), decision.NextWindowOpensAt);
    }

    [Fact]
    public void A_cap_releases_exactly_one_period_after_the_oldest_counted_call()
    {
        var first = At("Europe/Paris", 2026, 6, 1, 10, 30);
        for (var i = 0; i < 4; i++)
        {
            _history.Record(s_paris, first + Duration.FromDays(i));
        }

        Assert.False(Check(s_paris, first + Duration.FromDays(30) - Duration.Epsilon).IsDialable);
        Assert.True(Check(s_paris, first + Duration.FromDays(30)).IsDialable);
        Assert.Equal("dialable: within France at 10:30 in Europe/Paris; France: 3 calls in the last 30 days, limit 4; not on the do-not-call list", Check(s_paris, first + Duration.FromDays(30)).Explanation);
    }

    [Fact]
    public void A_cap_release_outside_the_window_waits_for_the_next_window()
    {
        // The oldest call leaves the period on Saturday 2026-07-04 at 10:30: the next window is Monday.
        var first = At("Europe/Paris", 2026, 6, 4, 10, 30);
        for (var i = 0; i < 4; i++)
        {
            _history.Record(s_paris, first + Duration.FromHours(i));
        }

        var decision = Check(s_paris, At("Europe/Paris", 2026, 6, 10, 11, 0));

        Assert.Equal(At("Europe/Paris", 2026, 7, 6, 10, 0), decision.NextWindowOpensAt);
    }

    [Fact]
    public void Calls_that_are_not_solicitations_do_not_count_towards_a_solicitation_cap()
    {
        for (var i = 0; i < 4; i++)
        {
            _history.Record(s_paris, At("Europe/Paris", 2026, 6, 1 + i, 11, 0), CallPurpose.RequestedCallback);
        }

        Assert.True(Check(s_paris, At("Europe/Paris", 2026, 6, 10, 11, 0)).IsDialable);
    }

    [Fact]
    public void Florida_allows_three_calls_on_the_same_subject_in_24_hours()
    {
        var first = At("America/New_York", 2026, 6, 15, 9, 0);
        _history.Record(s_miami, first, CallPurpose.Solicitation, "solar");
        _history.Record(s_miami, first + Duration.FromHours(2), CallPurpose.Solicitation, "solar");
        _history.Record(s_miami, first + Duration.FromHours(4), CallPurpose.Solicitation, "solar");
        var now = first + Duration.FromHours(5);

        var sameSubject = Check(s_miami, now, subject: "solar");
        var otherSubject = Check(s_miami, now, subject: "roofing");
        var unknownSubject = Check(s_miami, now);

        Assert.Equal("not dialable: 3 calls on the same subject in the last 24 h reach the limit of 3 (Florida); next window opens 2026-06-16 09:00-04:00", sameSubject.Explanation);
        Assert.Equal(first + Duration.FromHours(24), sameSubject.NextWindowOpensAt);
        Assert.True(otherSubject.IsDialable);
        Assert.Equal("not dialable: 3 calls on any subject (the call's subject is unknown) in the last 24 h reach the limit of 3 (Florida); next window opens 2026-06-16 09:00-04:00", unknownSubject.Explanation);
    }

    [Fact]
    public void Florida_cap_boundary_is_exactly_24_hours_after_the_oldest_call()
    {
        var first = At("America/New_York", 2026, 6, 15, 9, 0);
        for (var i = 0; i < 3; i++)
        {
            _history.Record(s_miami, first + Duration.FromMinutes(i), CallPurpose.Solicitation, "solar");
        }

        Assert.False(Check(s_miami, first + Duration.FromHours(24) - Duration.Epsilon, subject: "solar").IsDialable);
        Assert.True(Check(s_miami, first + Duration.FromHours(24), subject: "solar").IsDialable);
    }

    [Fact]
    public void A_call_of_unknown_subject_counts_for_every_subject()
    {
        var first = At("America/New_York", 2026, 6, 15, 9, 0);
        _history.Record(s_miami, first, CallPurpose.Solicitation, "solar");
        _history.Record(s_miami, first + Duration.FromHours(1));
        _history.Record(s_miami, first + Duration.FromHours(2), CallPurpose.Solicitation, "solar");

        Assert.False(Check(s_miami, first + Duration.FromHours(3), subject: "solar").IsDialable);
    }

    [Fact]
    public void A_cap_release_time_off_the_minute_is_shown_with_its_seconds()
    {
        var first = At("America/New_York", 2026, 6, 15, 9, 0) + Duration.FromSeconds(37);
        for (var i = 0; i < 3; i++)
        {
            _history.Record(s_miami, first + Duration.FromHours(i), CallPurpose.Solicitation, "solar");
        }

        var decision = Check(s_miami, first + Duration.FromHours(3), subject: "solar");

        Assert.EndsWith("next window opens 2026-06-16 09:00:37-04:00", decision.Explanation, StringComparison.Ordinal);
    }

    // ---- do-not-call -----------------------------------------------------------------------------

    [Fact]
    public void A_number_on_the_do_not_call_list_is_never_dialable_while_it_is_there()
    {
        _doNotCall.Add(s_chicago);

        var decision = Check(s_chicago, At("America/Chicago", 2026, 11, 21, 14, 0));

        Assert.False(decision.IsDialable);
        Assert.Equal("not dialable: +1312\u2022\u2022\u2022\u2022\u202242 is on the do-not-call list", decision.Explanation);
        Assert.Equal(DialRefusalKind.DoNotCall, Assert.Single(decision.Refusals).Kind);
        Assert.Null(decision.Refusals[0].Policy);
        Assert.Null(decision.NextWindowOpensAt);
        Assert.DoesNotContain("3125550142", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Do_not_call_and_window_refusals_are_listed_together()
    {
        _doNotCall.Add(s_chicago);

        var decision = Check(s_chicago, At("America/Chicago", 2026, 11, 21, 22, 0));

        Assert.Equal("not dialable: +1312\u2022\u2022\u2022\u2022\u202242 is on the do-not-call list; 22:00 is past 21:00 in America/Chicago (US federal)", decision.Explanation);
        Assert.Null(decision.NextWindowOpensAt);
    }

    [Fact]
    public void An_expired_do_not_call_entry_no_longer_blocks()
    {
        var now = At("America/Chicago", 2026, 11, 21, 14, 0);
        _doNotCall.Add(s_chicago, now);

        Assert.True(Check(s_chicago, now).IsDialable);
        Assert.False(Check(s_chicago, now - Duration.FromMinutes(1)).IsDialable);
    }

    [Fact]
    public void The_do_not_call_list_does_not_block_a_requested_callback()
    {
        _doNotCall.Add(s_chicago);

        Assert.True(Check(s_chicago, At("America/Chicago", 2026, 11, 21, 14, 0), CallPurpose.RequestedCallback).IsDialable);
        Assert.False(Check(s_chicago, At("America/Chicago", 2026, 11, 21, 14, 0), CallPurpose.Service).IsDialable);
    }

    // ---- culture -------------------------------------------------------------------------------

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void Explanations_do_not_depend_on_the_current_culture(string culture)
    {
        _history.Record(s_miami, At("America/New_York", 2026, 6, 15, 9, 0) + Duration.FromSeconds(37), CallPurpose.Solicitation, "solar");
        _history.Record(s_miami, At("America/New_York", 2026, 6, 15, 10, 0), CallPurpose.Solicitation, "solar");
        _history.Record(s_miami, At("America/New_York", 2026, 6, 15, 11, 0), CallPurpose.Solicitation, "solar");
        var now = At("America/New_York", 2026, 6, 15, 12, 0);
        var expected = Check(s_miami, now, subject: "solar").Explanation;
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);

            Assert.Equal(expected, Check(s_miami, now, subject: "solar").Explanation);
            Assert.Equal("not dialable: 3 calls on the same subject in the last 24 h reach the limit of 3 (Florida); next window opens 2026-06-16 09:00:37-04:00", expected);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    // ---- search horizon, validation --------------------------------------------------------------

    [Fact]
    public void A_window_that_never_opens_is_reported_as_such()
    {
        var closed = new CallingWindowPolicy("Closed", "test", WeeklyHours.None);
        var compliance = new DialingCompliance(new ComplianceProfile([closed]), CompositePhoneNumberLocator.Default, _doNotCall, _history);

        var decision = compliance.Check(new DialRequest(s_chicago), At("America/Chicago", 2026, 11, 21, 14, 0));

        Assert.Equal("not dialable: Saturday 14:00 has no calling window in America/Chicago (Closed); no window opens within 400 days", decision.Explanation);
        Assert.Null(decision.NextWindowOpensAt);
        Assert.Equal(Duration.FromDays(400), DialingCompliance.SearchHorizon);
    }

    [Fact]
    public void A_window_that_opens_just_inside_the_horizon_is_found()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);
        var opensOnce = new CallingWindowPolicy("Once", "test", WeeklyHours.Always)
        {
            NoCallsOnHolidays = new HolidaysUntil(new LocalDate(2027, 2, 3)),
        };
        var compliance = new DialingCompliance(new ComplianceProfile([opensOnce]), CompositePhoneNumberLocator.Default, _doNotCall, _history);

        var decision = compliance.Check(new DialRequest(s_chicago) { CandidateZones = [DateTimeZone.Utc] }, now);

        Assert.Equal(Instant.FromUtc(2027, 2, 3, 0, 0), decision.NextWindowOpensAt);
        Assert.True(decision.NextWindowOpensAt - now <= DialingCompliance.SearchHorizon);
    }

    [Fact]
    public void A_request_without_a_number_or_with_empty_zones_is_refused()
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0);

        Assert.Throws<ArgumentException>(() => _compliance.Check(new DialRequest(default), now));
        Assert.Throws<ArgumentException>(() => _compliance.Check(new DialRequest(s_chicago) { CandidateZones = [] }, now));
        Assert.Throws<ArgumentNullException>(() => _compliance.Check(null!, now));
    }

    [Fact]
    public void The_constructor_needs_every_port()
    {
        Assert.Throws<ArgumentNullException>(() => new DialingCompliance(null!, CompositePhoneNumberLocator.Default, _doNotCall, _history));
        Assert.Throws<ArgumentNullException>(() => new DialingCompliance(ComplianceProfile.Default, null!, _doNotCall, _history));
        Assert.Throws<ArgumentNullException>(() => new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, null!, _history));
        Assert.Throws<ArgumentNullException>(() => new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, _doNotCall, null!));
    }

    [Fact]
    public void A_locator_that_does_not_know_the_number_gets_the_fallback()
    {
        var compliance = new DialingCompliance(ComplianceProfile.Default, new CountryCallingCodeLocator([]), _doNotCall, _history);

        var location = compliance.Locate(new DialRequest(s_chicago));

        Assert.True(location.IsFallback);
        Assert.Equal("US", location.Country);
    }

    /// <summary>Every date before <c>until</c> is a holiday.</summary>
    private sealed class HolidaysUntil(LocalDate until) : IPublicHolidayCalendar
    {
        public string Name => "test";

        public bool IsHoliday(LocalDate localDate) => localDate < until;
    }
}
