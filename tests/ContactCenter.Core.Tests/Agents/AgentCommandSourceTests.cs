using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

public sealed class AgentCommandSourceTests
{
    private static readonly AgentOptions s_options = new()
    {
        AfterCallWork = new AfterCallWorkPolicy { DefaultDuration = Duration.FromSeconds(30), Extension = Duration.FromSeconds(20), MaxExtensions = 1 },
    };

    [Fact]
    public void Every_command_has_a_defined_source()
    {
        foreach (var command in Enum.GetValues<AgentCommand>())
        {
            Assert.True(Enum.IsDefined(AgentCommands.SourceOf(command)), $"{command} has no defined source.");
        }
    }

    [Fact]
    public void Every_source_issues_at_least_one_command()
    {
        var used = Enum.GetValues<AgentCommand>().Select(AgentCommands.SourceOf).ToHashSet();

        Assert.Equal(Enum.GetValues<AgentCommandSource>(), used.Order());
    }

    [Theory]
    [InlineData(AgentCommand.LogIn, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.LogOut, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.SetReady, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.SetNotReady, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.Reserve, AgentCommandSource.Router)]
    [InlineData(AgentCommand.AcceptOffer, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.RejectOffer, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.ReleaseReservation, AgentCommandSource.Router)]
    [InlineData(AgentCommand.StartInteraction, AgentCommandSource.Host)]
    [InlineData(AgentCommand.EndInteraction, AgentCommandSource.Host)]
    [InlineData(AgentCommand.ExtendAfterCallWork, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.EndAfterCallWork, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.CancelIntent, AgentCommandSource.Agent)]
    [InlineData(AgentCommand.OverrideIntent, AgentCommandSource.Supervisor)]
    public void Each_command_has_its_documented_source(AgentCommand command, AgentCommandSource source)
    {
        Assert.Equal(source, AgentCommands.SourceOf(command));
    }

    [Fact]
    public void An_undefined_command_has_no_source()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentCommands.SourceOf((AgentCommand)99));
    }

    [Fact]
    public void Logged_out_the_desktop_offers_log_in_only()
    {
        using var f = new AgentFixture(s_options);

        Assert.Equal([AgentCommand.LogIn], f.Agent.PermittedAgentCommands);
    }

    [Fact]
    public void Ready_the_desktop_leaves_out_the_routers_and_the_hosts_commands()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();

        Assert.Equal([AgentCommand.LogOut, AgentCommand.SetNotReady, AgentCommand.Reserve, AgentCommand.StartInteraction], f.Agent.PermittedCommands);
        Assert.Equal([AgentCommand.LogOut, AgentCommand.SetNotReady], f.Agent.PermittedAgentCommands);
    }

    [Fact]
    public void Reserved_the_desktop_offers_accept_and_reject_but_not_the_release()
    {
        using var f = new AgentFixture(s_options);
        f.Ready();
        f.Agent.Reserve(AgentFixture.NewId(), MediaType.Voice);

        Assert.Contains(AgentCommand.ReleaseReservation, f.Agent.PermittedCommands);
        Assert.Equal(ExpectedButtons(f.Agent), f.Agent.PermittedAgentCommands);
        Assert.Contains(AgentCommand.AcceptOffer, f.Agent.PermittedAgentCommands);
        Assert.Contains(AgentCommand.RejectOffer, f.Agent.PermittedAgentCommands);
        Assert.DoesNotContain(AgentCommand.ReleaseReservation, f.Agent.PermittedAgentCommands);
    }

    [Fact]
    public void Busy_with_a_deferred_intent_the_desktop_offers_cancel_but_not_the_supervisors_override()
    {
        using var f = new AgentFixture(s_options);
        f.OnVoiceCall();
        f.Agent.SetNotReady("Break");

        Assert.Contains(AgentCommand.OverrideIntent, f.Agent.PermittedCommands);
        Assert.Contains(AgentCommand.EndInteraction, f.Agent.PermittedCommands);
        Assert.Contains(AgentCommand.CancelIntent, f.Agent.PermittedAgentCommands);
        Assert.Equal(ExpectedButtons(f.Agent), f.Agent.PermittedAgentCommands);
    }

    [Fact]
    public void In_after_call_work_the_desktop_offers_its_wrap_up_buttons()
    {
        using var f = new AgentFixture(s_options);
        var call = f.OnVoiceCall();
        f.Agent.EndInteraction(call);

        Assert.Equal(AgentState.AfterCallWork, f.Agent.State);
        Assert.Equal(ExpectedButtons(f.Agent), f.Agent.PermittedAgentCommands);
        Assert.Contains(AgentCommand.ExtendAfterCallWork, f.Agent.PermittedAgentCommands);
        Assert.Contains(AgentCommand.EndAfterCallWork, f.Agent.PermittedAgentCommands);
    }

    /// <summary>PermittedCommands, filtered by source, in the same order.</summary>
    private static List<AgentCommand> ExpectedButtons(Agent agent) =>
        [.. agent.PermittedCommands.Where(static c => AgentCommands.SourceOf(c) == AgentCommandSource.Agent)];
}
