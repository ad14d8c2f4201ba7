using System;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using Xunit;

namespace ContactCenter.Core.Tests.Compliance;

public sealed class ComplianceProfileTests
{
    private static NumberLocation Locate(string number) => CompositePhoneNumberLocator.Default.Locate(PhoneNumber.Parse(number));

    private static string[] Names(ComplianceProfile profile, CallPurpose purpose, string number) =>
        profile.Select(purpose, Locate(number)).Select(static p => p.Name).ToArray();

    [Fact]
    public void Default_holds_the_shipped_rules_and_blocks_every_purpose_but_requested_callbacks_on_do_not_call()
    {
        var profile = ComplianceProfile.Default;

        Assert.Equal(CallingWindowPolicies.All, profile.Policies);
        Assert.True(profile.DoNotCallApplies(CallPurpose.Solicitation));
        Assert.True(profile.DoNotCallApplies(CallPurpose.Service));
        Assert.True(profile.DoNotCallApplies(CallPurpose.Collection));
        Assert.False(profile.DoNotCallApplies(CallPurpose.RequestedCallback));
    }

    [Theory]
    [InlineData("+1 312 555 0142", new[] { "US federal" })]
    [InlineData("+1 305 555 0142", new[] { "US federal", "Florida" })]
    [InlineData("+1 850 555 0142", new[] { "US federal", "Florida" })]
    [InlineData("+33 6 12 34 56 78", new[] { "France" })]
    [InlineData("+262 692 12 34 56", new[] { "France" })]
    [InlineData("+1 416 555 0142", new string[0])]
    public void Select_picks_the_policies_whose_jurisdiction_covers_the_number(string number, string[] expected)
    {
        Assert.Equal(expected, Names(ComplianceProfile.Default, CallPurpose.Solicitation, number));
    }

    [Fact]
    public void A_number_of_unknown_state_is_under_every_state_rule()
    {
        Assert.Equal(["US federal", "Florida"], Names(ComplianceProfile.Default, CallPurpose.Solicitation, "+1 636 555 0142"));
    }

    [Fact]
    public void A_number_of_unknown_country_is_under_every_rule()
    {
        Assert.Equal(["US federal", "Florida", "France"], Names(ComplianceProfile.Default, CallPurpose.Solicitation, "+44 20 7946 0958"));
    }

    [Theory]
    [InlineData(CallPurpose.RequestedCallback)]
    [InlineData(CallPurpose.Service)]
    [InlineData(CallPurpose.Collection)]
    public void A_call_that_is_not_a_solicitation_is_under_no_shipped_rule(CallPurpose purpose)
    {
        Assert.Empty(Names(ComplianceProfile.Default, purpose, "+1 305 555 0142"));
        Assert.Empty(Names(ComplianceProfile.Default, purpose, "+33 6 12 34 56 78"));
    }

    [Fact]
    public void With_and_Without_add_and_remove_policies_by_name()
    {
        var quiet = new CallingWindowPolicy("Quiet hours", "house rule", WeeklyHours.Every(LocalTimeRange.Parse("09:00-18:00")))
        {
            Purposes = [CallPurpose.Solicitation, CallPurpose.Service, CallPurpose.Collection],
        };

        var profile = ComplianceProfile.Default.With(quiet).Without("Florida");

        Assert.Equal(["US federal", "France", "Quiet hours"], profile.Policies.Select(static p => p.Name));
        Assert.Equal(["US federal", "Quiet hours"], Names(profile, CallPurpose.Solicitation, "+1 305 555 0142"));
        Assert.Equal(["Quiet hours"], Names(profile, CallPurpose.Service, "+33 6 12 34 56 78"));
        Assert.Equal(3, ComplianceProfile.Default.Policies.Count);
    }

    [Fact]
    public void Policy_names_must_be_distinct_and_policies_not_null()
    {
        var error = Assert.Throws<ArgumentException>(() => ComplianceProfile.Default.With(CallingWindowPolicies.UsFederal with { }));
        Assert.Contains("US federal", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ComplianceProfile([null!]));
    }

    [Fact]
    public void The_do_not_call_purposes_are_configurable()
    {
        var profile = new ComplianceProfile(CallingWindowPolicies.All, [CallPurpose.Solicitation]);

        Assert.True(profile.DoNotCallApplies(CallPurpose.Solicitation));
        Assert.False(profile.DoNotCallApplies(CallPurpose.Service));
        Assert.Equal([CallPurpose.Solicitation], profile.DoNotCallPurposes);
    }
}
