using System;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Samples.AgentDesktop.Tests;

/// <summary>The desk's HTTP API on a real socket, without a browser: every button's state against the engine's own answers.</summary>
public sealed class DeskApiTests
{
    [Fact]
    public async Task A_new_desk_shows_a_logged_out_agent_with_only_Log_in_enabled()
    {
        await using var host = await DeskHost.StartAsync();

        var view = await host.Client.GetAsync();

        Assert.Equal("LoggedOut", view.Agent.State);
        Assert.Null(view.Interaction);
        Assert.Equal(["agent.LogIn"], view.Agent.Buttons.Where(static b => b.Enabled).Select(static b => b.Key));
        Assert.All(view.Agent.Buttons.Where(static b => !b.Enabled), static b => Assert.False(string.IsNullOrWhiteSpace(b.Why)));
        var incoming = SmokeRun.Button(view, "simulation.IncomingCall");
        Assert.False(incoming.Enabled);
        Assert.Equal(host.Session.Agent.WhyNot(AgentCommand.Reserve)!.Message, incoming.Why);
        Assert.Equal("Scheduled", view.Callback.State);
        Assert.True(view.Callback.Grid.CanReschedule);
    }

    [Fact]
    public async Task A_whole_call_keeps_every_button_equal_to_the_engines_permitted_commands()
    {
        await using var host = await DeskHost.StartAsync();
        var desk = host.Client;

        (string Scope, string Command, string? Argument, string CallState)[] script =
        [
            ("agent", "LogIn", null, "-"),
            ("agent", "SetReady", null, "-"),
            ("simulation", "IncomingCall", null, "Offered"),
            ("interaction", "Accept", null, "Talking"),
            ("interaction", "Hold", null, "Held"),
            ("interaction", "Resume", null, "Talking"),
            ("interaction", "ConsultForTransfer", "bruno", "Consulting"),
            ("simulation", "Advance", "5", "Consulting"),
            ("interaction", "CompleteTransfer", null, "Ended"),
            ("interaction", "SetDisposition", "Transferred", "Ended"),
            ("interaction", "MarkDone", null, "Done"),
        ];

        foreach (var (scope, command, argument, callState) in script)
        {
            var view = await desk.PostAsync(scope, command, argument);

            Assert.Equal(callState, view.Interaction?.State ?? "-");
            AssertMatchesEngine(view, host.Session);
        }

        var done = await desk.GetAsync();
        Assert.Equal("AfterCallWork", done.Agent.State);
        Assert.Contains(done.Interaction!.Notes, static n => n.Contains("Transferred by alice to bruno.", StringComparison.Ordinal));
        Assert.Equal(["Agent", "ConsultTarget", "Customer"], done.Interaction.Parties.Select(static p => p.Role).Order());
        Assert.All(done.Interaction.Parties, static p => Assert.Equal("Disconnected", p.State));
    }

    [Fact]
    public async Task Complete_transfer_is_greyed_until_the_consulted_colleague_answers()
    {
        await using var host = await DeskHost.StartAsync();
        var view = await StartCall(host.Client);

        view = await host.Client.PostAsync("interaction", "ConsultForTransfer", DeskSession.ColleagueId);

        var complete = SmokeRun.Button(view, "interaction.CompleteTransfer");
        Assert.False(complete.Enabled);
        Assert.Equal(host.Session.Interaction!.WhyNot(InteractionCommand.CompleteTransfer)!.Message, complete.Why);
        Assert.Equal("Alerting", SmokeRun.Party(view, "ConsultTarget"));
        Assert.Equal("Transfer with bruno", view.Interaction!.Consultation);

        view = await host.Client.PostAsync("simulation", "Advance", "4"); // the colleague answers within 4 s

        Assert.Equal("Connected", SmokeRun.Party(view, "ConsultTarget"));
        Assert.True(SmokeRun.Enabled(view, "interaction.CompleteTransfer"));
    }

    [Fact]
    public async Task A_refused_command_answers_409_with_the_engines_reason_and_changes_nothing()
    {
        await using var host = await DeskHost.StartAsync();
        var before = await StartCall(host.Client);

        using var response = await host.Client.SendAsync("interaction", "Resume");
        var refusal = await response.Content.ReadFromJsonAsync<CommandRefusal>(DeskClient.Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Resume", refusal!.Command);
        Assert.Equal(SmokeRun.Button(before, "interaction.Resume").Why, refusal.Message);
        Assert.Contains("Hold", refusal.Permitted);
        var after = await host.Client.GetAsync();
        Assert.Equal("Talking", after.Interaction!.State);
        Assert.Equal(before.Interaction!.Parties, after.Interaction.Parties);
    }

    [Fact]
    public async Task Before_any_call_the_interaction_commands_are_refused_as_no_call_on_the_desk()
    {
        await using var host = await DeskHost.StartAsync();

        var refused = await Assert.ThrowsAsync<DeskRefusedException>(() => host.Client.PostAsync("interaction", "Hold"));

        Assert.Equal(409, refused.StatusCode);
        Assert.Equal(DeskProjection.NoInteraction, refused.Refusal!.Message);
    }

    [Theory]
    [InlineData("agent", "Reserve")]
    [InlineData("agent", "AcceptOffer")]
    [InlineData("interaction", "SendDtmf")]
    [InlineData("callback", "Dial")]
    [InlineData("simulation", "Explode")]
    [InlineData("agent", "logIn")]
    public async Task Commands_that_are_not_buttons_of_the_desk_answer_404(string scope, string command)
    {
        await using var host = await DeskHost.StartAsync();

        using var response = await host.Client.SendAsync(scope, command);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("LoggedOut", host.Session.Agent.State.ToString());
    }

    [Fact]
    public async Task Commands_without_their_argument_answer_400()
    {
        await using var host = await DeskHost.StartAsync();
        await StartCall(host.Client);

        using var consult = await host.Client.SendAsync("interaction", "ConsultForTransfer", "  ");
        using var advance = await host.Client.SendAsync("simulation", "Advance", "-3");
        using var reschedule = await host.Client.SendAsync("callback", "Reschedule", "tomorrow");

        Assert.Equal(HttpStatusCode.BadRequest, consult.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, advance.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reschedule.StatusCode);
        Assert.Equal(InteractionState.Talking, host.Session.Interaction!.State);
    }

    [Fact]
    public async Task The_customer_rings_in_by_themself_seconds_after_the_agent_goes_ready()
    {
        await using var host = await DeskHost.StartAsync();
        await host.Client.PostAsync("agent", "LogIn");
        await host.Client.PostAsync("agent", "SetReady");

        var view = await host.Client.PostAsync("simulation", "Advance", "10"); // arrivals are drawn from 4 to 10 s

        Assert.Equal("Offered", view.Interaction?.State);
        Assert.Equal("Reserved", view.Agent.State);
        Assert.True(SmokeRun.Enabled(view, "interaction.Accept"));
    }

    [Fact]
    public async Task An_offer_nobody_answers_times_out_and_the_caller_gives_up()
    {
        await using var host = await DeskHost.StartAsync();
        await host.Client.PostAsync("agent", "LogIn");
        await host.Client.PostAsync("agent", "SetReady");
        await host.Client.PostAsync("simulation", "IncomingCall");

        var view = await host.Client.PostAsync("simulation", "Advance", "60");

        Assert.Equal("Abandoned", view.Interaction?.State);
        Assert.NotEqual("Reserved", view.Agent.State);
        Assert.All(view.Interaction!.Buttons, static b => Assert.False(b.Enabled));
    }

    [Fact]
    public async Task When_the_customer_hangs_up_the_call_ends_and_after_call_work_starts()
    {
        await using var host = await DeskHost.StartAsync();
        await StartCall(host.Client);

        var view = await host.Client.PostAsync("simulation", "CustomerHangsUp");

        Assert.Equal("Ended", view.Interaction?.State);
        Assert.Equal("AfterCallWork", view.Agent.State);
        Assert.False(SmokeRun.Enabled(view, "simulation.CustomerHangsUp"));
        Assert.True(SmokeRun.Enabled(view, "interaction.SetDisposition.Resolved"));
    }

    [Fact]
    public async Task The_next_call_waits_until_the_call_on_the_desk_is_marked_done()
    {
        await using var host = await DeskHost.StartAsync();
        await StartCall(host.Client);
        await host.Client.PostAsync("simulation", "CustomerHangsUp");
        var view = await host.Client.PostAsync("agent", "EndAfterCallWork");

        Assert.Equal("Ready", view.Agent.State);
        var incoming = SmokeRun.Button(view, "simulation.IncomingCall");
        Assert.False(incoming.Enabled);
        Assert.Contains("marked done", incoming.Why, StringComparison.Ordinal);

        view = await host.Client.PostAsync("simulation", "Advance", "10"); // the arrival due meanwhile finds the desk busy
        string first = view.Interaction!.Id;
        Assert.Equal("Ended", view.Interaction.State);

        await host.Client.PostAsync("interaction", "SetDisposition", "Resolved");
        view = await host.Client.PostAsync("interaction", "MarkDone");

        Assert.True(SmokeRun.Enabled(view, "simulation.IncomingCall"));

        view = await host.Client.PostAsync("simulation", "Advance", "10"); // the desk is free: the next customer rings in

        Assert.Equal("Offered", view.Interaction!.State);
        Assert.NotEqual(first, view.Interaction.Id);
    }

    [Fact]
    public async Task Rescheduling_to_a_free_slot_moves_the_callback_and_its_seat()
    {
        await using var host = await DeskHost.StartAsync();
        var view = await host.Client.GetAsync();
        var slots = view.Callback.Grid.Days.SelectMany(static d => d.Slots).ToList();
        var old = slots.Single(static s => s.Booked);
        var target = slots.Last(static s => s.Remaining > 0 && !s.Booked);

        view = await host.Client.PostAsync("callback", "Reschedule", target.Start);

        var after = view.Callback.Grid.Days.SelectMany(static d => d.Slots).ToDictionary(static s => s.Start);
        Assert.True(after[target.Start].Booked);
        Assert.Equal(target.Remaining - 1, after[target.Start].Remaining);
        Assert.False(after[old.Start].Booked);
        Assert.Equal(old.Remaining + 1, after[old.Start].Remaining);
        Assert.Equal(CallbackState.Scheduled, host.Session.Callbacks.Callback.State);
        Assert.Equal(target.Start, DeskTextIso(host.Session.Callbacks.Callback.DueAt));
        Assert.Contains(view.Log, static line => line.Contains("callback: moved to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_slot_is_refused_with_the_nearest_free_ones_and_changes_nothing()
    {
        await using var host = await DeskHost.StartAsync();
        var view = await host.Client.GetAsync();
        var full = view.Callback.Grid.Days.SelectMany(static d => d.Slots).First(static s => s.Remaining == 0);

        var refused = await Assert.ThrowsAsync<DeskRefusedException>(() => host.Client.PostAsync("callback", "Reschedule", full.Start));

        Assert.Equal(409, refused.StatusCode);
        Assert.Contains("Nearest free slots", refused.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(view.Callback.Due, (await host.Client.GetAsync()).Callback.Due);
    }

    [Fact]
    public async Task The_grid_gives_the_reason_for_each_day_without_slots()
    {
        await using var host = await DeskHost.StartAsync();

        var grid = (await host.Client.GetAsync()).Callback.Grid;

        Assert.Equal(7, grid.Days.Count);
        Assert.Equal("America/New_York", grid.CustomerZone);
        var weekend = grid.Days.Where(static d => d.Label.StartsWith("Sat", StringComparison.Ordinal) || d.Label.StartsWith("Sun", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, weekend.Count);
        Assert.All(weekend, static d =>
        {
            Assert.Empty(d.Slots);
            Assert.False(string.IsNullOrWhiteSpace(d.NoSlotReason));
        });
        Assert.All(grid.Days.Where(static d => d.NoSlotReason is null), static d => Assert.NotEmpty(d.Slots));
    }

    [Fact]
    public async Task A_cancelled_callback_greys_the_grid_with_the_callbacks_reason()
    {
        await using var host = await DeskHost.StartAsync();

        var view = await host.Client.PostAsync("callback", "Cancel");

        Assert.Equal("Cancelled", view.Callback.State);
        Assert.False(view.Callback.Grid.CanReschedule);
        Assert.Equal(host.Session.Callbacks.Callback.WhyNot(CallbackCommand.Reschedule)!.Message, view.Callback.Grid.WhyNotReschedule);
        Assert.False(SmokeRun.Enabled(view, "callback.Cancel"));
    }

    [Fact]
    public async Task The_event_stream_starts_with_the_desk_and_follows_every_event()
    {
        await using var host = await DeskHost.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (reader, subscription) = host.Session.Subscribe();
        using (subscription)
        {
            var (name, first) = await host.Client.FirstEventAsync(timeout.Token);
            Assert.Equal("desk", name);
            Assert.Equal("LoggedOut", first.Agent.State);
            Assert.Equal("LoggedOut", (await reader.ReadAsync(timeout.Token)).Agent.State);

            await host.Client.PostAsync("agent", "LogIn");

            // One view per event: the agent's state change, published as it happened.
            var pushed = await reader.ReadAsync(timeout.Token);
            Assert.Equal("NotReady", pushed.Agent.State);
            Assert.EndsWith("agent: LoggedOut -> NotReady (LoggedIn) [LogIn]", pushed.Log[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task On_the_system_clock_time_cannot_be_advanced()
    {
        await using var host = await DeskHost.StartAsync(virtualTime: false);

        var view = await host.Client.GetAsync();
        using var response = await host.Client.SendAsync("simulation", "Advance", "5");

        Assert.False(view.VirtualTime);
        Assert.False(SmokeRun.Enabled(view, "simulation.Advance.5"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task The_page_and_its_script_are_served_from_the_assembly()
    {
        await using var host = await DeskHost.StartAsync();

        string page = await host.Http.GetStringAsync(new Uri("/", UriKind.Relative));
        using var script = await host.Http.GetAsync(new Uri("/desk.js", UriKind.Relative));

        Assert.Contains("<title>Agent desktop", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customers_number_never_appears_in_clear()
    {
        await using var host = await DeskHost.StartAsync();
        await StartCall(host.Client);

        string json = await host.Http.GetStringAsync(new Uri("/api/desk", UriKind.Relative));

        Assert.DoesNotContain("2125550142", json.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("5550142", json, StringComparison.Ordinal);
    }

    internal static void AssertMatchesEngine(DeskView view, DeskSession session)
    {
        var agent = session.Agent;
        foreach (var button in view.Agent.Buttons)
        {
            var command = Enum.Parse<AgentCommand>(button.Command);
            Assert.Equal(agent.PermittedCommands.Contains(command), button.Enabled);
            Assert.Equal(button.Enabled ? null : agent.WhyNot(command)!.Message, button.Why);
        }

        var call = session.Interaction;
        Assert.Equal(call is null, view.Interaction is null);
        if (call is null)
        {
            return;
        }

        foreach (var button in view.Interaction!.Buttons)
        {
            var command = Enum.Parse<InteractionCommand>(button.Command);
            Assert.Equal(call.PermittedCommands.Contains(command), button.Enabled);
            Assert.Equal(button.Enabled ? null : call.WhyNot(command)!.Message, button.Why);
        }

        Assert.Equal(call.State.ToString(), view.Interaction.State);
        Assert.Equal(call.Parties.Select(static p => (p.Role.ToString(), p.State.ToString())), view.Interaction.Parties.Select(static p => (p.Role, p.State)));
    }

    internal static async Task<DeskView> StartCall(DeskClient desk)
    {
        await desk.PostAsync("agent", "LogIn");
        await desk.PostAsync("agent", "SetReady");
        await desk.PostAsync("simulation", "IncomingCall");
        return await desk.PostAsync("interaction", "Accept");
    }

    private static string DeskTextIso(NodaTime.Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}
