using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Samples.AgentDesktop.Tests;

/// <summary>The permitted-command projection, on the desk directly (no HTTP): buttons are the engine's answers, for any sequence of clicks.</summary>
public sealed class DeskProjectionTests(ITestOutputHelper output)
{
    [Fact]
    public void Agent_buttons_follow_the_agents_permitted_commands_with_one_button_per_not_ready_reason()
    {
        using var desk = DeskSession.Create(new DeskOptions { VirtualTime = true });
        desk.Agent.LogIn();

        var buttons = DeskProjection.AgentButtonViews(desk.Agent);

        Assert.Equal(
            ["agent.LogIn", "agent.SetReady", "agent.SetNotReady.Break", "agent.SetNotReady.Lunch", "agent.SetNotReady.Training",
             "agent.ExtendAfterCallWork", "agent.EndAfterCallWork", "agent.CancelIntent", "agent.LogOut"],
            buttons.Select(static b => b.Key));
        Assert.Equal(["SetReady", "SetNotReady", "LogOut"], buttons.Where(static b => b.Enabled).Select(static b => b.Command).Distinct());
        var login = buttons.Single(static b => b.Key == "agent.LogIn");
        Assert.Equal(desk.Agent.WhyNot(AgentCommand.LogIn)!.Message, login.Why);
    }

    [Fact]
    public void Without_a_call_every_interaction_button_is_greyed_as_no_call_on_the_desk()
    {
        var buttons = DeskProjection.InteractionButtonViews(null, ["Resolved", "Transferred"]);

        Assert.All(buttons, static b =>
        {
            Assert.False(b.Enabled);
            Assert.Equal(DeskProjection.NoInteraction, b.Why);
        });
        Assert.Equal(["interaction.SetDisposition.Resolved", "interaction.SetDisposition.Transferred"],
            buttons.Where(static b => b.Command == "SetDisposition").Select(static b => b.Key));
        Assert.Equal(DeskProjection.ConsultTargetInput, buttons.Single(static b => b.Command == "ConsultForTransfer").Input);
        Assert.Equal(DeskProjection.NoteInput, buttons.Single(static b => b.Command == "AddNote").Input);
    }

    [Fact]
    public void An_offered_call_enables_exactly_accept_and_reject()
    {
        using var desk = DeskSession.Create(new DeskOptions { VirtualTime = true });
        desk.AgentCommand("LogIn", null);
        desk.AgentCommand("SetReady", null);

        var view = desk.Simulation(DeskProjection.IncomingCall, null);

        Assert.Equal(["Accept", "Reject"], view.Interaction!.Buttons.Where(static b => b.Enabled).Select(static b => b.Command));
        Assert.Equal(["Customer", "Agent"], view.Interaction.Parties.Select(static p => p.Role));
        Assert.Equal("Alerting", view.Interaction.Parties[1].State);
        Assert.Contains(new KeyValuePair<string, string>("account", "AC-1187"), view.Interaction.AttachedData);
    }

    /// <summary>
    /// For random sequences of clicks on any button of the desk, enabled or not: an enabled button is exactly a
    /// permitted command, a greyed one carries the engine's reason, and clicking a greyed button is refused and changes
    /// nothing. Seeded; the seed of a failure is printed.
    /// </summary>
    [Fact]
    public void For_any_sequence_of_clicks_the_buttons_are_the_engines_answers_and_greyed_ones_change_nothing()
    {
        const int Runs = 25;
        const int Clicks = 60;
        for (int seed = 1; seed <= Runs; seed++)
        {
            var random = new Random(seed);
            using var desk = DeskSession.Create(new DeskOptions { VirtualTime = true, Seed = seed });
            var trail = new List<string>();
            try
            {
                for (int i = 0; i < Clicks; i++)
                {
                    var view = desk.View();
                    DeskApiTests.AssertMatchesEngine(view, desk);
                    var buttons = view.Agent.Buttons
                        .Concat(view.Interaction?.Buttons ?? [])
                        .Concat(view.Callback.Buttons)
                        .Concat(view.Simulation.Where(static b => b.Command != DeskProjection.Advance || b.Argument == "5"))
                        .ToList();

                    // Mostly enabled buttons, so that the walk goes somewhere; sometimes a greyed one, to check it is refused.
                    var enabled = buttons.Where(static b => b.Enabled).ToList();
                    var button = enabled.Count > 0 && random.Next(4) > 0 ? enabled[random.Next(enabled.Count)] : buttons[random.Next(buttons.Count)];
                    string? argument = button.Argument ?? (button.Input == DeskProjection.ConsultTargetInput ? DeskSession.ColleagueId : button.Input is null ? null : "A note.");
                    trail.Add(button.Key + (button.Enabled ? string.Empty : " (greyed)"));
                    var before = Fingerprint(desk);
                    try
                    {
                        Press(desk, button, argument);
                        Assert.True(button.Enabled, $"{button.Key} was greyed ({button.Why}) but the desk accepted it.");
                    }
                    catch (Exception refused) when (refused is AgentCommandRefusedException or InteractionCommandRefusedException or CallbackCommandRefusedException or DeskCommandException)
                    {
                        Assert.False(button.Enabled, $"{button.Key} was enabled but refused: {refused.Message}");
                        Assert.Equal(before, Fingerprint(desk));
                    }
                }
            }
            catch
            {
                output.WriteLine($"seed {seed}, clicks: {string.Join(" > ", trail)}");
                throw;
            }
        }
    }

    private static void Press(DeskSession desk, ButtonView button, string? argument)
    {
        switch (button.Scope)
        {
            case "agent": desk.AgentCommand(button.Command, argument); break;
            case "interaction": desk.InteractionCommand(button.Command, argument); break;
            case "callback": desk.CallbackCommand(button.Command, argument); break;
            default: desk.Simulation(button.Command, argument); break;
        }
    }

    private static string Fingerprint(DeskSession desk)
    {
        var call = desk.Interaction;
        string parties = call is null ? "-" : string.Join(",", call.Parties.Select(static p => p.Role + ":" + p.State));
        return $"{desk.Agent.State}/{desk.Agent.NotReadyReason}/{call?.State}/{parties}/{call?.Disposition}/{call?.Notes.Count}/{desk.Callbacks.Callback.State}/{desk.TimeSource.Now}";
    }
}
