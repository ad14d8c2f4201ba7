using System;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Pacing;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class ContactCenterOptionsValidatorTests
{
    private readonly ContactCenterOptionsValidator _validator = new("ContactCenter");

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new ContactCenterOptions()).Succeeded);
    }

    [Fact]
    public void Every_problem_is_named_by_its_configuration_path()
    {
        var options = new ContactCenterOptions();
        options.Agents = options.Agents with
        {
            LogoutDeadline = Duration.Zero,
            AfterCallWork = options.Agents.AfterCallWork with { MaxExtensions = -1 },
        };
        options.Pacing.Predictive = options.Pacing.Predictive with { ControlGain = 9 };
        options.Pacing.Statistics = options.Pacing.Statistics with
        {
            MaxAgents = 0,
            AbandonRate = options.Pacing.Statistics.AbandonRate with { RecentLiveAnswers = 0 },
        };
        options.Pacing.ProgressiveLinesPerAgent = 11;
        options.Campaigns = options.Campaigns with { MaxAttemptsPerRecord = 0 };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Contains("ContactCenter:Agents:LogoutDeadline must be positive (was 0:00:00:00).", failures);
        Assert.Contains("ContactCenter:Agents:AfterCallWork:MaxExtensions must not be negative (was -1).", failures);
        Assert.Contains("ContactCenter:Pacing:Predictive:ControlGain must be in (0, 5] (was 9).", failures);
        Assert.Contains("ContactCenter:Pacing:Statistics:MaxAgents must be at least 1 (was 0).", failures);
        Assert.Contains("ContactCenter:Pacing:Statistics:AbandonRate:RecentLiveAnswers must be at least 1 (was 0).", failures);
        Assert.Contains("ContactCenter:Pacing:ProgressiveLinesPerAgent must be between 1 and 10 (was 11).", failures);
        Assert.Contains("ContactCenter:Campaigns:MaxAttemptsPerRecord must be at least 1 (was 0).", failures);
        Assert.Equal(7, failures.Count);
    }

    [Fact]
    public void A_missing_part_is_named()
    {
        var options = new ContactCenterOptions { Callbacks = null!, Pacing = null! };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(["ContactCenter:Callbacks must not be null.", "ContactCenter:Pacing must not be null."], failures);
    }

    [Fact]
    public void A_sentence_that_names_no_option_keeps_the_section_path()
    {
        var failure = ContactCenterOptionsValidator.Describe(
            "ContactCenter:Pacing:Predictive",
            typeof(PredictiveOptions),
            new ArgumentException("Invalid predictive options: Risk thresholds must satisfy 0 < Min (0.2) <= Initial (0.01) <= Max (0.5) <= 1."));

        Assert.Equal(["ContactCenter:Pacing:Predictive: Risk thresholds must satisfy 0 < Min (0.2) <= Initial (0.01) <= Max (0.5) <= 1."], failure);
    }

    [Fact]
    public void The_parameter_suffix_of_an_argument_exception_is_dropped()
    {
        var failure = ContactCenterOptionsValidator.Describe(
            "ContactCenter:Agents", typeof(AgentOptions), new ArgumentException("OfferTimeout must be positive (was 0:00:00:00).", "OfferTimeout"));

        Assert.Equal(["ContactCenter:Agents:OfferTimeout must be positive (was 0:00:00:00)."], failure);
    }
}
