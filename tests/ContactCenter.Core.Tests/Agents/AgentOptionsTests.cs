using System;
using System.Collections.Generic;
using ContactCenter.Core.Agents;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

public sealed class AgentOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        new AgentOptions().Validate();
    }

    [Fact]
    public void The_log_in_reason_must_be_a_configured_reason()
    {
        var exception = Assert.Throws<ArgumentException>(() => new AgentOptions { LogInReason = "Away" }.Validate());

        Assert.Contains("LogInReason \"Away\" is not one of the NotReadyReasons", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_missed_offers_reason_must_be_configured_only_when_missed_offers_count()
    {
        Assert.Throws<ArgumentException>(() => new AgentOptions { MissedOffersReason = "X" }.Validate());
        new AgentOptions { MissedOffersReason = "X", MaxConsecutiveMissedOffers = 0 }.Validate();
    }

    [Fact]
    public void Reason_codes_must_not_be_empty_or_blank()
    {
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => new AgentOptions { NotReadyReasons = [] }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("blank", Assert.Throws<ArgumentException>(() => new AgentOptions { NotReadyReasons = ["LoggedIn", "MissedOffers", " "] }.Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeouts_must_be_positive_and_counts_not_negative()
    {
        var options = new AgentOptions { OfferTimeout = Duration.Zero, LogoutDeadline = Duration.FromSeconds(-1), MaxConsecutiveMissedOffers = -1 };

        var message = Assert.Throws<ArgumentException>(options.Validate).Message;

        Assert.Contains("OfferTimeout must be positive", message, StringComparison.Ordinal);
        Assert.Contains("LogoutDeadline must be positive", message, StringComparison.Ordinal);
        Assert.Contains("MaxConsecutiveMissedOffers must not be negative", message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_call_work_problems_are_reported_with_the_others()
    {
        var options = new AgentOptions
        {
            AfterCallWork = new AfterCallWorkPolicy { DurationByQueue = new Dictionary<string, Duration> { ["q"] = Duration.FromSeconds(-1) } },
        };

        Assert.Contains("AfterCallWork.DurationByQueue[\"q\"]", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agent_keeps_a_snapshot_of_its_options()
    {
        var reasons = new List<string> { "LoggedIn", "MissedOffers", "Break" };
        var agent = new Agent("a", new AgentOptions { NotReadyReasons = reasons }, new ContactCenter.Core.Time.VirtualTimeSource(AgentFixture.Start));
        reasons.Remove("Break");
        agent.LogIn();

        agent.SetNotReady("Break");

        Assert.Equal("Break", agent.NotReadyReason);
    }
}
