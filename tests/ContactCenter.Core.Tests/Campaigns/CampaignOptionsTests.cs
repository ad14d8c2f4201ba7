using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class CampaignOptionsTests
{
    [Fact]
    public void Defaults_are_valid_with_bad_record_and_solicitation()
    {
        CampaignOptions.Default.Validate();
        Assert.Equal("Bad record", CampaignOptions.Default.DefaultDisposition);
        Assert.Equal(ContactCenter.Core.Compliance.CallPurpose.Solicitation, CampaignOptions.Default.Purpose);
        Assert.Null(CampaignOptions.Default.PreviewTimeout);
        Assert.False(CampaignOptions.Default.RetryRules.ContainsKey(CampaignCallResult.Fax));
    }

    [Theory]
    [InlineData("MaxAttemptsPerRecord")]
    [InlineData("DefaultDisposition")]
    [InlineData("PreviewTimeout")]
    [InlineData("RetryRules")]
    [InlineData("Dispositions")]
    public void Invalid_options_name_the_option(string option)
    {
        var options = option switch
        {
            "MaxAttemptsPerRecord" => new CampaignOptions { MaxAttemptsPerRecord = 0 },
            "DefaultDisposition" => new CampaignOptions { DefaultDisposition = "Unknown" },
            "PreviewTimeout" => new CampaignOptions { PreviewTimeout = Duration.Zero },
            "RetryRules" => new CampaignOptions { RetryRules = new Dictionary<CampaignCallResult, RetryRule> { [CampaignCallResult.Busy] = new(Duration.FromMinutes(-1), 2) } },
            _ => new CampaignOptions { Dispositions = [] },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void A_retry_rule_for_a_live_answer_is_refused()
    {
        var options = new CampaignOptions { RetryRules = new Dictionary<CampaignCallResult, RetryRule> { [CampaignCallResult.LiveAnswer] = new(Duration.Zero, 1) } };

        Assert.Contains("LiveAnswer", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }
}
