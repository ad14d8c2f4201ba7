using ContactCenter.Core.Agents;
using ContactCenter.Core.Campaigns;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class CampaignAgentReservationsTests
{
    private readonly CampaignFixture _f = new();

    [Fact]
    public void A_reservation_for_a_call_being_placed_makes_logout_wait_until_the_call_fails()
    {
        var agent = new Agent("alice", new AgentOptions(), _f.Time);
        agent.LogIn();
        agent.SetReady();
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Progressive);
        campaign.TryTakeNextRecord(out var task);

        CampaignAgentReservations.Reserve(agent, task!);
        Assert.Equal(task!.InteractionId, agent.Offer!.InteractionId);
        agent.LogOut();
        Assert.Equal(AgentState.LogoutPending, agent.State);

        campaign.RecordCallResult("r1", CampaignCallResult.NoAnswer);
        Assert.True(CampaignAgentReservations.ReleaseUnlessAnswered(agent, task, CampaignCallResult.NoAnswer));
        Assert.Equal(AgentState.LoggedOut, agent.State);
        Assert.False(CampaignAgentReservations.ReleaseUnlessAnswered(agent, task, CampaignCallResult.NoAnswer));
    }

    [Fact]
    public void A_live_answer_keeps_the_reservation()
    {
        var agent = new Agent("bob", new AgentOptions(), _f.Time);
        agent.LogIn();
        agent.SetReady();
        var campaign = _f.Running(CampaignFixture.Simple(1), DeliveryMode.Predictive);
        campaign.TryTakeNextRecord(out var task);
        CampaignAgentReservations.Reserve(agent, task!, timeout: Duration.FromSeconds(30));

        Assert.False(CampaignAgentReservations.ReleaseUnlessAnswered(agent, task!, CampaignCallResult.LiveAnswer));
        Assert.Equal(AgentState.Reserved, agent.State);
    }
}
