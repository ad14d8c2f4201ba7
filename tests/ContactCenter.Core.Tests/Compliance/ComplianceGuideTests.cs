using System;
using System.Collections.Generic;
using System.IO;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

/// <summary>
/// Keeps docs/compliance.md true: its examples run here with the same code, and every explanation it
/// quotes is the one the code produces.
/// </summary>
public sealed class ComplianceGuideTests
{
    private static readonly Lazy<string> s_guide = new(static () => File.ReadAllText(Path.Combine(FindRepositoryRoot(), "docs", "compliance.md")).Replace("\r\n", "\n", StringComparison.Ordinal));

    private readonly InMemoryDoNotCallList _doNotCall = new();
    private readonly InMemoryCallHistory _history = new();

    private static Instant At(string zone, int year, int month, int day, int hour, int minute) =>
        DateTimeZoneProviders.Tzdb[zone].AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    private static void AssertQuoted(string text) =>
        Assert.True(s_guide.Value.Contains(text, StringComparison.Ordinal), $"docs/compliance.md does not quote: {text}");

    [Fact]
    public void The_quick_start_prints_what_the_guide_says()
    {
        var doNotCall = new InMemoryDoNotCallList();
        var history = new InMemoryCallHistory();
        var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, doNotCall, history);

        var now = Instant.FromUtc(2026, 11, 22, 3, 4);
        var decision = compliance.Check(new DialRequest(PhoneNumber.Parse("+1 312 555 0142")), now);

        Assert.False(decision.IsDialable);
        Assert.Equal("2026-11-22T14:00:00Z", decision.NextWindowOpensAt.ToString());
        AssertQuoted("// " + decision.Explanation + "\n");
        AssertQuoted("Console.WriteLine(decision.NextWindowOpensAt);   // " + decision.NextWindowOpensAt);
    }

    [Fact]
    public void Every_explanation_the_guide_quotes_is_produced_by_the_code()
    {
        var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, _doNotCall, _history);
        var chicago = PhoneNumber.Parse("+1 312 555 0142");
        var paris = PhoneNumber.Parse("+33 6 12 34 56 78");
        var miami = PhoneNumber.Parse("+1 305 555 0142");

        var explanations = new List<string>
        {
            compliance.Check(new DialRequest(PhoneNumber.Parse("+1 850 555 0142")), At("America/Chicago", 2026, 11, 23, 19, 30)).Explanation,
            compliance.Check(new DialRequest(PhoneNumber.Parse("+1 636 555 0142")), At("America/Chicago", 2026, 6, 15, 12, 0)).Explanation,
            compliance.Check(new DialRequest(PhoneNumber.Parse("+44 20 7946 0958")), Instant.FromUtc(2026, 6, 15, 12, 0)).Explanation,
            compliance.Check(new DialRequest(chicago) { CandidateZones = [TimeZoneIds.Resolve("Asia/Kathmandu")] }, At("Asia/Kathmandu", 2026, 6, 15, 21, 0)).Explanation,
            compliance.Check(new DialRequest(chicago), At("America/Chicago", 2026, 11, 21, 14, 30)).Explanation,
            compliance.Check(new DialRequest(PhoneNumber.Parse("+1 850 555 0142"), Subject: "renewal"), At("America/Chicago", 2026, 11, 23, 12, 0)).Explanation,
            compliance.Check(new DialRequest(miami, CallPurpose.RequestedCallback), At("America/New_York", 2026, 11, 21, 23, 30)).Explanation,
        };

        var refusals = new List<string>
        {
            compliance.Check(new DialRequest(chicago), At("America/Chicago", 2026, 11, 21, 21, 4)).Refusals[0].Message,
            compliance.Check(new DialRequest(chicago), At("America/Chicago", 2026, 11, 21, 7, 15)).Refusals[0].Message,
            compliance.Check(new DialRequest(paris), At("Europe/Paris", 2026, 3, 10, 13, 20)).Refusals[0].Message,
            compliance.Check(new DialRequest(paris), At("Europe/Paris", 2026, 3, 7, 11, 0)).Refusals[0].Message,
            compliance.Check(new DialRequest(paris), At("Europe/Paris", 2026, 7, 14, 11, 0)).Refusals[0].Message,
        };

        var first = At("Europe/Paris", 2026, 6, 1, 10, 30);
        _history.Record(paris, first);
        _history.Record(paris, At("Europe/Paris", 2026, 6, 2, 11, 0));
        _history.Record(paris, At("Europe/Paris", 2026, 6, 3, 15, 0));
        _history.Record(paris, At("Europe/Paris", 2026, 6, 4, 16, 0));
        var france = compliance.Check(new DialRequest(paris), At("Europe/Paris", 2026, 6, 10, 11, 0));
        explanations.Add(france.Explanation);
        refusals.Add(france.Refusals[0].Message);

        var floridaFirst = At("America/New_York", 2026, 6, 15, 9, 0);
        for (var i = 0; i < 3; i++)
        {
            _history.Record(miami, floridaFirst + Duration.FromHours(2 * i), CallPurpose.Solicitation, "solar");
        }

        explanations.Add(compliance.Check(new DialRequest(miami, Subject: "solar"), floridaFirst + Duration.FromHours(5)).Explanation);

        _doNotCall.Add(chicago);
        var blocked = compliance.Check(new DialRequest(chicago), At("America/Chicago", 2026, 11, 21, 14, 0));
        explanations.Add(blocked.Explanation);
        refusals.Add(blocked.Refusals[0].Message);

        Assert.All(explanations, static e => AssertQuoted(e + "\n"));
        Assert.All(refusals, static r => AssertQuoted("| `" + r + "` |"));
    }

    [Fact]
    public void The_next_openings_the_guide_quotes_are_real()
    {
        var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, _doNotCall, _history);
        var request = new DialRequest(PhoneNumber.Parse("+1 312 555 0142")) { CandidateZones = [DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"]] };

        Assert.EndsWith("next window opens 2026-03-08 08:00-04:00", compliance.Check(new DialRequest(PhoneNumber.Parse("+1 212 555 0142")), At("America/New_York", 2026, 3, 7, 21, 30)).Explanation, StringComparison.Ordinal);
        Assert.EndsWith("08:00+10:30", compliance.Check(request, At("Australia/Lord_Howe", 2026, 4, 4, 22, 0)).Explanation, StringComparison.Ordinal);
        Assert.EndsWith("08:00+11:00", compliance.Check(request, At("Australia/Lord_Howe", 2026, 10, 3, 21, 30)).Explanation, StringComparison.Ordinal);
        AssertQuoted("`next window opens 2026-03-08 08:00-04:00`");
        AssertQuoted("`08:00+10:30`");
        AssertQuoted("`08:00+11:00`");
    }

    [Fact]
    public void The_policy_example_compiles_and_does_what_the_guide_says()
    {
        var doNotCall = _doNotCall;
        var history = _history;

        var quietHours = new CallingWindowPolicy(
            "Centre quiet hours",
            "Internal policy CC-7 (2026)",
            WeeklyHours.Every(LocalTimeRange.Parse("09:00-19:00")).With(IsoDayOfWeek.Sunday))
        {
            Purposes = [CallPurpose.Solicitation, CallPurpose.Service, CallPurpose.Collection],
            Jurisdiction = Jurisdiction.Anywhere,
            FrequencyCaps = [new FrequencyCap(2, Duration.FromDays(1), FrequencyScope.AnySubject)],
        };

        var profile = ComplianceProfile.Default.With(quietHours);
        var compliance = new DialingCompliance(profile, CompositePhoneNumberLocator.Default, doNotCall, history);

        var sunday = compliance.Check(new DialRequest(PhoneNumber.Parse("+1 312 555 0142"), CallPurpose.Service), At("America/Chicago", 2026, 11, 22, 12, 0));
        Assert.Equal("not dialable: Sunday 12:00 has no calling window in America/Chicago (Centre quiet hours); next window opens 2026-11-23 09:00-06:00", sunday.Explanation);
        AssertQuoted("WeeklyHours.Every(LocalTimeRange.Parse(\"09:00-19:00\")).With(IsoDayOfWeek.Sunday))");
    }

    [Fact]
    public void The_locator_examples_compile_and_locate()
    {
        var uk = new CountryCallingCodeLocator([new CallingCodeArea("44", "GB", null, TimeZoneIds.Resolve("Europe/London"))]);
        var locator = new CompositePhoneNumberLocator([NorthAmericanAreaCodes.Instance, CountryCallingCodeLocator.France, uk]);
        var number = PhoneNumber.Parse("+44 20 7946 0958");
        var addressBook = new AddressBookLocator(new Dictionary<PhoneNumber, (string Country, string? Region, string ZoneId)>
        {
            [number] = ("GB", "SCT", "Europe/London"),
        });

        Assert.Equal("GB", locator.Locate(number).Country);
        Assert.Equal("SCT", addressBook.Locate(number)!.Region);
        Assert.Null(addressBook.Locate(PhoneNumber.Parse("+1 312 555 0142")));
        AssertQuoted("var uk = new CountryCallingCodeLocator([new CallingCodeArea(\"44\", \"GB\", null, TimeZoneIds.Resolve(\"Europe/London\"))]);");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ContactCenter.Core.sln) was not found above " + AppContext.BaseDirectory);
    }

    private sealed class AddressBookLocator(IReadOnlyDictionary<PhoneNumber, (string Country, string? Region, string ZoneId)> addresses) : IPhoneNumberLocator
    {
        public NumberLocation? Locate(PhoneNumber number) =>
            addresses.TryGetValue(number, out var address)
                ? new NumberLocation(address.Country, address.Region, [TimeZoneIds.Resolve(address.ZoneId)], "address book")
                : null;
    }
}
