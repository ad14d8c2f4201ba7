using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class ContactCenterOptionsTests
{
    [Fact]
    public void Every_instance_has_records_of_its_own_so_that_binding_one_never_changes_another()
    {
        var first = new ContactCenterOptions();
        var second = new ContactCenterOptions();

        Assert.NotSame(first.Agents, second.Agents);
        Assert.NotSame(first.Interactions, InteractionOptions.Default);
        Assert.NotSame(first.Pacing.Statistics.AbandonRate, AbandonRateOptions.UnitedKingdom);
        Assert.Equal(AbandonRateOptions.UnitedKingdom, first.Pacing.Statistics.AbandonRate);
        Assert.Equal(1, first.Pacing.ProgressiveLinesPerAgent);
        Assert.Equal("ContactCenter", ContactCenterOptions.DefaultSectionName);
    }
}
