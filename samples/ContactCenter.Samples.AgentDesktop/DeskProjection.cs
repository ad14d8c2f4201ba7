using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// The permitted-command projection: which buttons the page shows, and for each whether it is enabled — straight from
/// the aggregates' <c>PermittedCommands</c> — and, when greyed, the aggregate's <c>WhyNot</c> message.
/// </summary>
public static class DeskProjection
{
    /// <summary>The simulation step in which the router offers the customer's call.</summary>
    public const string IncomingCall = "IncomingCall";

    /// <summary>The simulation step in which the customer hangs up.</summary>
    public const string CustomerHangsUp = "CustomerHangsUp";

    /// <summary>The simulation step that moves a virtual clock.</summary>
    public const string Advance = "Advance";

    /// <summary>Why every interaction button is greyed before the first call.</summary>
    public const string NoInteraction = "No call on the desk yet.";

    /// <summary>The not-ready reasons the agent may pick (the others are set by the system).</summary>
    public static readonly IReadOnlyList<string> NotReadyButtons = ["Break", "Lunch", "Training"];

    /// <summary>The agent panel's commands, in the order of its buttons.</summary>
    public static readonly IReadOnlyList<AgentCommand> AgentButtons =
    [
        AgentCommand.LogIn, AgentCommand.SetReady, AgentCommand.SetNotReady, AgentCommand.ExtendAfterCallWork,
        AgentCommand.EndAfterCallWork, AgentCommand.CancelIntent, AgentCommand.LogOut,
    ];

    /// <summary>The interaction panel's commands, in the order of its buttons.</summary>
    public static readonly IReadOnlyList<InteractionCommand> InteractionButtons =
    [
        InteractionCommand.Accept, InteractionCommand.Reject, InteractionCommand.Hold, InteractionCommand.Resume,
        InteractionCommand.ConsultForTransfer, InteractionCommand.ConsultForConference, InteractionCommand.CompleteTransfer,
        InteractionCommand.CompleteConference, InteractionCommand.Alternate, InteractionCommand.Reconnect,
        InteractionCommand.EndConference, InteractionCommand.Disconnect, InteractionCommand.SetDisposition,
        InteractionCommand.AddNote, InteractionCommand.MarkDone,
    ];

    /// <summary>The id of the page's field holding the consult target.</summary>
    public const string ConsultTargetInput = "consult-target";

    /// <summary>The id of the page's field holding a note.</summary>
    public const string NoteInput = "note-text";

    /// <summary>Builds the view of <paramref name="desk"/>.</summary>
    /// <param name="desk">The desk.</param>
    /// <param name="version">The view's version.</param>
    /// <param name="log">The latest log lines.</param>
    /// <returns>The view.</returns>
    public static DeskView Build(DeskSession desk, long version, IReadOnlyList<string> log)
    {
        System.ArgumentNullException.ThrowIfNull(desk);
        return new DeskView(
            version,
            DeskText.Clock(desk.TimeSource.Now, desk.CentreZone),
            desk.IsVirtualTime,
            AgentPanel(desk),
            desk.Interaction is { } call ? InteractionPanel(desk, call) : null,
            CallbackPanel(desk),
            SimulationButtons(desk),
            log);
    }

    /// <summary>The agent's buttons: one per agent command of the panel (one per reason for Not ready), enabled from <see cref="Agent.PermittedCommands"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>The buttons.</returns>
    public static IReadOnlyList<ButtonView> AgentButtonViews(Agent agent)
    {
        System.ArgumentNullException.ThrowIfNull(agent);
        var permitted = agent.PermittedCommands;
        var buttons = new List<ButtonView>();
        foreach (var command in AgentButtons)
        {
            bool enabled = permitted.Contains(command);
            string? why = enabled ? null : agent.WhyNot(command)?.Message;
            if (command == AgentCommand.SetNotReady)
            {
                foreach (string reason in NotReadyButtons)
                {
                    buttons.Add(new ButtonView($"agent.{command}.{reason}", "agent", command.ToString(), reason, null, "Not ready: " + reason, enabled, why));
                }
            }
            else
            {
                buttons.Add(new ButtonView($"agent.{command}", "agent", command.ToString(), null, null, Label(command), enabled, why));
            }
        }

        return buttons;
    }

    /// <summary>The interaction's buttons, enabled from <see cref="Interaction.PermittedCommands"/> (one per configured code for the disposition).</summary>
    /// <param name="call">The interaction, or <see langword="null"/> when the desk has none.</param>
    /// <param name="dispositions">The configured disposition codes.</param>
    /// <returns>The buttons.</returns>
    public static IReadOnlyList<ButtonView> InteractionButtonViews(Interaction? call, IReadOnlyList<string> dispositions)
    {
        System.ArgumentNullException.ThrowIfNull(dispositions);
        var permitted = call?.PermittedCommands ?? [];
        var buttons = new List<ButtonView>();
        foreach (var command in InteractionButtons)
        {
            bool enabled = permitted.Contains(command);
            string? why = enabled ? null : call is null ? NoInteraction : call.WhyNot(command)?.Message;
            string? input = command switch
            {
                InteractionCommand.ConsultForTransfer or InteractionCommand.ConsultForConference => ConsultTargetInput,
                InteractionCommand.AddNote => NoteInput,
                _ => null,
            };
            if (command == InteractionCommand.SetDisposition)
            {
                foreach (string code in dispositions)
                {
                    buttons.Add(new ButtonView($"interaction.{command}.{code}", "interaction", command.ToString(), code, null, code, enabled, why));
                }
            }
            else
            {
                buttons.Add(new ButtonView($"interaction.{command}", "interaction", command.ToString(), null, input, Label(command), enabled, why));
            }
        }

        return buttons;
    }

    /// <summary>Why the router cannot offer the customer's call now, or <see langword="null"/> when it can.</summary>
    /// <param name="desk">The desk.</param>
    /// <returns>The reason.</returns>
    public static string? WhyNotIncomingCall(DeskSession desk)
    {
        System.ArgumentNullException.ThrowIfNull(desk);
        if (!desk.DeskIsFree())
        {
            return "The call on the desk is not done yet: it must be marked done first.";
        }

        return desk.Agent.WhyNot(AgentCommand.Reserve)?.Message;
    }

    /// <summary>Why the customer cannot hang up now, or <see langword="null"/> when they can.</summary>
    /// <param name="desk">The desk.</param>
    /// <returns>The reason.</returns>
    public static string? WhyNotHangUp(DeskSession desk)
    {
        System.ArgumentNullException.ThrowIfNull(desk);
        var call = desk.Interaction;
        if (call is null)
        {
            return NoInteraction;
        }

        if (call.State is InteractionState.Ended or InteractionState.Done or InteractionState.Rejected or InteractionState.Abandoned)
        {
            return $"The call is over ({call.State}).";
        }

        return call.Parties.Any(static p => p.Role == PartyRole.Customer && p.IsPresent) ? null : "The customer has left the call.";
    }

    private static AgentView AgentPanel(DeskSession desk)
    {
        var agent = desk.Agent;
        var state = agent.State;
        string status = state switch
        {
            AgentState.LoggedOut => "Logged out",
            AgentState.NotReady => $"Not ready ({agent.NotReadyReason})",
            AgentState.Ready => "Ready",
            AgentState.Reserved => "Ready: a call is ringing",
            AgentState.Busy => "Busy",
            AgentState.AfterCallWork => agent.AfterCallWorkEndsAt is { } end
                ? $"After-call work until {DeskText.Seconds(end, desk.CentreZone)}"
                : "After-call work",
            _ => "Logging out",
        };
        if (agent.PendingIntent is { } intent)
        {
            status += intent.Kind == DeferredIntentKind.LogOut ? ", then logged out" : $", then not ready ({intent.NotReadyReason})";
        }

        return new AgentView(agent.Id, state.ToString(), agent.NotReadyReason, status, AgentButtonViews(agent));
    }

    private static InteractionView InteractionPanel(DeskSession desk, Interaction call)
    {
        var snapshot = call.Snapshot;
        var parties = snapshot.Parties.Select(static p => new PartyView(p.Id.ToString(), p.Role.ToString(), Address(p), p.State.ToString())).ToList();
        string? consultation = snapshot.Consultation is { } open
            ? $"{open.Kind} with {Address(snapshot.Parties.First(p => p.Id == open.Target))}"
            : null;
        var attached = snapshot.AttachedData.OrderBy(static d => d.Key, System.StringComparer.Ordinal).ToList();
        var notes = snapshot.Notes.Select(n => $"{DeskText.Seconds(n.At, desk.CentreZone)} {n.Kind}: {n.Text}").ToList();
        return new InteractionView(
            call.Id.ToString(),
            snapshot.State.ToString(),
            snapshot.Media.ToString(),
            snapshot.Direction.ToString(),
            parties,
            consultation,
            attached,
            notes,
            snapshot.Disposition,
            InteractionButtonViews(call, desk.InteractionOptions.Dispositions));
    }

    private static CallbackView CallbackPanel(DeskSession desk)
    {
        var callback = desk.Callbacks.Callback;
        var permitted = callback.PermittedCommands;
        var cancel = permitted.Contains(CallbackCommand.Cancel);
        var buttons = new List<ButtonView>
        {
            new("callback.Cancel", "callback", nameof(CallbackCommand.Cancel), null, null, "Cancel callback", cancel,
                cancel ? null : callback.WhyNot(CallbackCommand.Cancel)?.Message),
        };
        return new CallbackView(
            callback.Id.ToString(),
            callback.State.ToString(),
            DeskLog.Due(callback.DueAt),
            callback.Number.Number.Redacted,
            buttons,
            desk.Callbacks.View());
    }

    private static List<ButtonView> SimulationButtons(DeskSession desk)
    {
        string? incoming = WhyNotIncomingCall(desk);
        string? hangUp = WhyNotHangUp(desk);
        string? clock = desk.IsVirtualTime ? null : "The desk runs on the system clock: time cannot be advanced.";
        return
        [
            new("simulation.IncomingCall", "simulation", IncomingCall, null, null, "Customer calls in", incoming is null, incoming),
            new("simulation.CustomerHangsUp", "simulation", CustomerHangsUp, null, null, "Customer hangs up", hangUp is null, hangUp),
            new("simulation.Advance.5", "simulation", Advance, "5", null, "+5 s", clock is null, clock),
            new("simulation.Advance.60", "simulation", Advance, "60", null, "+1 min", clock is null, clock),
        ];
    }

    private static string Address(Party party) =>
        party.Role == PartyRole.Agent || !PhoneNumber.TryParse(party.Address, out var number, out _) ? party.Address : number.Redacted;

    private static string Label(AgentCommand command) => command switch
    {
        AgentCommand.LogIn => "Log in",
        AgentCommand.SetReady => "Ready",
        AgentCommand.ExtendAfterCallWork => "Extend wrap-up",
        AgentCommand.EndAfterCallWork => "End wrap-up",
        AgentCommand.CancelIntent => "Cancel pending request",
        AgentCommand.LogOut => "Log out",
        _ => command.ToString(),
    };

    private static string Label(InteractionCommand command) => command switch
    {
        InteractionCommand.ConsultForTransfer => "Consult (transfer)",
        InteractionCommand.ConsultForConference => "Consult (conference)",
        InteractionCommand.CompleteTransfer => "Complete transfer",
        InteractionCommand.CompleteConference => "Complete conference",
        InteractionCommand.EndConference => "End conference",
        InteractionCommand.Disconnect => "Hang up",
        InteractionCommand.AddNote => "Add note",
        InteractionCommand.MarkDone => "Mark done",
        _ => command.ToString(),
    };
}
