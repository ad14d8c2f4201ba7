using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Compliance;

/// <summary>
/// Random numbers (one zone, two zones, the eleven-zone NANP fallback, France and Réunion, callees in
/// Kathmandu and on Lord Howe Island), random instants over two years, random call histories and
/// do-not-call entries, checked against an oracle written from the rules' local-time wording: the
/// callee's local clock inside one of the day's ranges, not a holiday, fewer calls than the cap in
/// the rolling period. The next opening is checked against a brute-force minute scan.
/// </summary>
public sealed class DialingCompliancePropertyTests
{
    private const int Cases = 500;
    private static readonly Duration s_scanLimit = Duration.FromDays(45);
    private static readonly Instant s_start = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly string?[] s_subjects = [null, "a", "b"];

    private static readonly (string Number, string[]? Zones)[] s_samples =
    [
        ("+1 312 555 0142", null),
        ("+1 305 555 0142", null),
        ("+1 850 555 0142", null),
        ("+1 907 555 0142", null),
        ("+1 208 555 0142", null),
        ("+1 636 555 0142", null),
        ("+33 6 12 34 56 78", null),
        ("+262 692 12 34 56", null),
        ("+1 312 555 0142", ["Asia/Kathmandu"]),
        ("+1 305 555 0142", ["Australia/Lord_Howe", "America/New_York"]),
        ("+33 6 12 34 56 78", ["Australia/Lord_Howe"]),
    ];

    private readonly ITestOutputHelper _output;

    public DialingCompliancePropertyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Decisions_agree_with_the_rules_and_the_next_opening_is_the_first_dialable_instant()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(_output, nameof(Decisions_agree_with_the_rules_and_the_next_opening_is_the_first_dialable_instant), 0xC0DE_0001, Cases, arbitrary, static seed =>
        {
            var scenario = Scenario.Create(seed);
            var decision = scenario.Compliance.Check(scenario.Request, scenario.Now);
            var expected = scenario.Dialable(scenario.Now);
            if (decision.IsDialable != expected)
            {
                throw new InvalidOperationException($"{scenario}: decided {decision.IsDialable}, the rules say {expected}: {decision.Explanation}");
            }

            if (decision.IsDialable)
            {
                CheckInsideEveryWindow(scenario, decision);
                if (decision.NextWindowOpensAt != scenario.Now)
                {
                    throw new InvalidOperationException($"{scenario}: dialable but next window {decision.NextWindowOpensAt}.");
                }

                return;
            }

            if (scenario.Blocked)
            {
                if (decision.NextWindowOpensAt is not null)
                {
                    throw new InvalidOperationException($"{scenario}: on the do-not-call list but a next window {decision.NextWindowOpensAt}.");
                }

                return;
            }

            var firstScanned = FirstDialableMinute(scenario);
            if (decision.NextWindowOpensAt is not { } next)
            {
                throw new InvalidOperationException($"{scenario}: no next window, but the scan finds {firstScanned}: {decision.Explanation}");
            }

            if (next < scenario.Now || !scenario.Dialable(next) || !scenario.Compliance.Check(scenario.Request, next).IsDialable)
            {
                throw new InvalidOperationException($"{scenario}: next window {next} is not dialable: {decision.Explanation}");
            }

            if (firstScanned is not { } scanned || scanned < next || scanned - next >= Duration.FromMinutes(1))
            {
                throw new InvalidOperationException($"{scenario}: next window {next}, the minute scan finds {firstScanned?.ToString() ?? "nothing"}: {decision.Explanation}");
            }
        });
    }

    private static void CheckInsideEveryWindow(Scenario scenario, DialDecision decision)
    {
        foreach (var policy in decision.Applied)
        {
            foreach (var zone in decision.Location.CandidateZones)
            {
                var allowed = policy.AllowedIntervals(zone, new Interval(scenario.Now, scenario.Now + Duration.Epsilon));
                if (allowed.Count != 1)
                {
                    throw new InvalidOperationException($"{scenario}: dialable outside {policy.Name} in {zone.Id}.");
                }
            }
        }
    }

    private static Instant? FirstDialableMinute(Scenario scenario)
    {
        for (var t = scenario.Now; t < scenario.Now + s_scanLimit; t += Duration.FromMinutes(1))
        {
            if (scenario.Dialable(t))
            {
                return t;
            }
        }

        return null;
    }

    private sealed class Scenario
    {
        private Scenario(int seed, DialRequest request, Instant now, List<CallRecord> calls, bool blocked)
        {
            Seed = seed;
            Request = request;
            Now = now;
            Calls = calls;
            Blocked = blocked;
            var history = new InMemoryCallHistory();
            foreach (var call in calls)
            {
                history.Record(request.Number, call.PlacedAt, call.Purpose, call.Subject);
            }

            var doNotCall = new InMemoryDoNotCallList();
            if (blocked)
            {
                doNotCall.Add(request.Number);
            }

            Compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, doNotCall, history);
            Location = Compliance.Locate(request);
            Policies = ComplianceProfile.Default.Select(request.Purpose, Location);
            Blocked = blocked && ComplianceProfile.Default.DoNotCallApplies(request.Purpose);
        }

        public int Seed { get; }

        public DialRequest Request { get; }

        public Instant Now { get; }

        public List<CallRecord> Calls { get; }

        public bool Blocked { get; }

        public DialingCompliance Compliance { get; }

        public NumberLocation Location { get; }

        public IReadOnlyList<CallingWindowPolicy> Policies { get; }

        public static Scenario Create(int seed)
        {
            var random = new Random(seed);
            var (text, zoneIds) = s_samples[random.Next(s_samples.Length)];
            var purpose = random.Next(5) == 0 ? (CallPurpose)random.Next(4) : CallPurpose.Solicitation;
            var request = new DialRequest(PhoneNumber.Parse(text), purpose, s_subjects[random.Next(s_subjects.Length)])
            {
                CandidateZones = zoneIds?.Select(static id => DateTimeZoneProviders.Tzdb[id]).ToArray(),
            };
            var now = s_start + Duration.FromMinutes(random.Next(2 * 366 * 24 * 60)) + Duration.FromSeconds(random.Next(60));
            if (random.Next(4) == 0)
            {
                now += Duration.FromNanoseconds(random.Next(1_000_000_000));
            }

            var calls = new List<CallRecord>();
            var recent = random.Next(2) == 0;
            for (var i = random.Next(8); i > 0; i--)
            {
                var ago = recent ? Duration.FromSeconds(random.Next(2 * 24 * 3600)) : Duration.FromSeconds(random.Next(40 * 24 * 3600));
                var callPurpose = random.Next(6) == 0 ? CallPurpose.Service : CallPurpose.Solicitation;
                calls.Add(new CallRecord(now - ago, callPurpose, s_subjects[random.Next(s_subjects.Length)]));
            }

            return new Scenario(seed, request, now, calls, blocked: random.Next(10) == 0);
        }

        /// <summary>The oracle: the rules read in the callee's local time, without the interval machinery.</summary>
        public bool Dialable(Instant t)
        {
            if (Blocked)
            {
                return false;
            }

            foreach (var policy in Policies)
            {
                foreach (var zone in Location.CandidateZones)
                {
                    var local = t.InZone(zone).LocalDateTime;
                    if (policy.NoCallsOnHolidays?.IsHoliday(local.Date) == true)
                    {
                        return false;
                    }

                    if (!policy.Hours.For(local.DayOfWeek).Any(r => !r.CrossesMidnight && r.Start <= local.TimeOfDay && local.TimeOfDay < r.End))
                    {
                        return false;
                    }
                }

                foreach (var cap in policy.FrequencyCaps)
                {
                    var count = Calls.Count(c =>
                        c.PlacedAt > t - cap.Period && c.PlacedAt <= t && policy.AppliesTo(c.Purpose)
                        && (cap.Scope == FrequencyScope.AnySubject || Request.Subject is null || c.Subject is null || c.Subject == Request.Subject));
                    if (count >= cap.MaxCalls)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public override string ToString() =>
            $"seed {Seed}: {Request.Number} {Request.Purpose} subject {Request.Subject ?? "none"} at {Now} in {Location}, {Calls.Count} calls, blocked {Blocked}";
    }
}
