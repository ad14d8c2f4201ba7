using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Samples.Quickstart;

/// <summary>
/// The desktop's event log: one line per event, agent and calls merged, as
/// <c>HH:mm:ss  source   description</c>; then a summary computed from the same events. Contact addresses
/// (personal data) are never printed: parties are named by their role, callers by a masked number.
/// </summary>
internal sealed class ShiftLog
{
    private static readonly LocalTimePattern s_clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");

    private readonly TextWriter _output;
    private readonly ITimeSource _time;
    private readonly Dictionary<InteractionId, string> _names = [];
    private readonly List<AgentEvent> _agentEvents = [];
    private readonly List<InteractionEvent> _callEvents = [];
    private bool _firstStep = true;
    private Exception? _fault;

    public ShiftLog(TextWriter output, ITimeSource time)
    {
        _output = output;
        _time = time;
    }

    /// <summary>Gives a call its display name ("call 1").</summary>
    public string Name(Interaction call, int number)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"call {number}");
        _names.Add(call.Id, name);
        return name;
    }

    /// <summary>What the script does now (an agent's click, the router, the network), after a blank line.</summary>
    public void Step(string text) => Step(_time.Now, text);

    /// <summary>What happens next, at <paramref name="at"/> (a timer), after a blank line.</summary>
    public void Step(Instant at, string text)
    {
        if (!_firstStep)
        {
            _output.WriteLine();
        }

        _firstStep = false;
        Line(at, "script", text);
    }

    /// <summary>What the desktop's host did now (its store, its recovery).</summary>
    public void Host(string text) => Line(_time.Now, "host", text);

    /// <summary>The buttons the desktop enables for the agent now, and why <paramref name="disabled"/> is not one of them.</summary>
    public void Buttons(Agent agent, AgentCommand? disabled = null)
    {
        // The agent's own commands only: PermittedCommands also lists what the router, the host or a
        // supervisor may do (Reserve, StartInteraction, EndInteraction, OverrideIntent...).
        Line(_time.Now, "desktop", $"{agent.Id} buttons: {string.Join(", ", agent.PermittedAgentCommands)}");
        if (disabled is { } command && agent.WhyNot(command) is { } refusal)
        {
            Line(_time.Now, "desktop", $"{agent.Id} {command} disabled: {refusal.Message}");
        }
    }

    /// <summary>The buttons the desktop enables for a call now, and why <paramref name="disabled"/> is not one of them.</summary>
    public void Buttons(Interaction call, InteractionCommand? disabled = null)
    {
        Line(_time.Now, "desktop", $"{_names[call.Id]} buttons: {string.Join(", ", call.PermittedCommands)}");
        if (disabled is { } command && call.WhyNot(command) is { } refusal)
        {
            Line(_time.Now, "desktop", $"{_names[call.Id]} {command} disabled: {refusal.Message}");
        }
    }

    public void Print(AgentEvent @event) => Guarded(() =>
    {
        _agentEvents.Add(@event);
        Line(@event.At, @event.AgentId, Describe(@event));
    });

    public void Print(InteractionEvent @event) => Guarded(() =>
    {
        _callEvents.Add(@event);
        Line(@event.At, _names[@event.InteractionId], Describe(@event));
    });

    /// <summary>Fails the run if printing an event failed (event streams detach a faulting subscriber and carry on).</summary>
    public void ThrowIfFaulted()
    {
        if (_fault is not null)
        {
            throw new InvalidOperationException("Printing an event failed.", _fault);
        }
    }

    /// <summary>Calls handled, time in each agent state and the like, from the events printed.</summary>
    public void PrintSummary()
    {
        var states = _agentEvents.OfType<AgentStateChanged>().ToList();
        var loggedIn = states.First(static e => e.Previous == AgentState.LoggedOut).At;
        var loggedOut = states.Last(static e => e.Current == AgentState.LoggedOut).At;

        _output.WriteLine();
        _output.WriteLine("Summary");
        Row("shift", $"{Clock(loggedIn)} to {Clock(loggedOut)} UTC: logged in for {Format(loggedOut - loggedIn)}");

        int handled = _agentEvents.OfType<AgentInteractionEnded>().Count();
        int transferred = _callEvents.OfType<InteractionStateChanged>().Count(static e => e.Cause is InteractionTrigger.CompleteTransfer or InteractionTrigger.BlindTransfer);
        Row("calls handled", $"{handled} ({transferred} transferred)");
        foreach (var (id, name) in _names)
        {
            Row(name, $"{DescribeCall(id)}");
        }

        int periods = _agentEvents.OfType<AfterCallWorkStarted>().Count();
        int extensions = _agentEvents.OfType<AfterCallWorkExtended>().Count();
        Row("after-call work", $"{Count(periods, "period")}, extended {Count(extensions, "time")}");

        _output.WriteLine("  time per agent state");
        var total = loggedOut - loggedIn;
        foreach (var (state, spent) in TimePerState(states))
        {
            double share = 100 * spent.TotalTicks / total.TotalTicks;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {state,-18}{Format(spent),8}  {share,5:0.0} %"));
        }
    }

    /// <summary>Shows a contact's number as its last two digits only.</summary>
    public static string Mask(string address)
    {
        string digits = new([.. address.Where(char.IsAsciiDigit)]);
        return digits.Length < 4 ? "hidden" : "ending in " + digits[^2..];
    }

    private string Describe(AgentEvent @event) => @event switch
    {
        AgentStateChanged e when e.Current == AgentState.NotReady => $"state {e.Previous} -> NotReady [{e.NotReadyReason}] ({e.Cause})",
        AgentStateChanged e => $"state {e.Previous} -> {e.Current} ({e.Cause})",
        AgentOfferReserved e => $"reserved for {_names[e.Offer.InteractionId]} ({e.Offer.Media}, queue {e.Offer.Queue}); the offer expires at {Clock(e.Offer.ExpiresAt)}",
        AgentOfferEnded e => $"offer of {_names[e.Offer.InteractionId]} ended: {e.Outcome} (missed offers in a row: {e.ConsecutiveMissedOffers.ToString(CultureInfo.InvariantCulture)})",
        AgentInteractionStarted e => $"handles {_names[e.Interaction.InteractionId]} ({e.Interaction.Media}, queue {e.Interaction.Queue})",
        AgentInteractionEnded e => $"{_names[e.Interaction.InteractionId]} ended for the agent",
        AfterCallWorkStarted e => $"after-call work starts automatically, until {Clock(e.EndsAt)} (queue {e.Queue})",
        AfterCallWorkExtended e => $"after-call work extended (extension {e.Extensions.ToString(CultureInfo.InvariantCulture)}), until {Clock(e.EndsAt)}",
        DeferredIntentRequested e => $"deferred intent {e.Intent.Kind}: pending until the current work ends" +
            (e.Intent.Deadline is { } deadline ? $" or {Clock(deadline)}" : ""),
        DeferredIntentResolved e => $"deferred intent {e.Intent.Kind}: {e.Intent.Status}",
        LogoutCountdownTicked e => $"logout in {Format(e.Remaining)}",
        _ => @event.GetType().Name,
    };

    private static string Describe(InteractionEvent @event) => @event switch
    {
        InteractionStateChanged e => $"state {e.Previous} -> {e.Current} ({e.Cause})",
        PartyChanged { Previous: null } e => $"{Role(e.Current.Role)} joins: {e.Current.State} ({e.Cause})",
        PartyChanged e => $"{Role(e.Current.Role)}: {e.Previous.State} -> {e.Current.State} ({e.Cause})",
        ConsultationChanged { Previous: null, Current: { } c } => $"consultation for a {(c.Kind == ConsultationKind.Transfer ? "transfer" : "conference")} opened",
        ConsultationChanged { Current: null } => "consultation closed",
        ConsultationChanged => "consultation changed",
        NoteAdded { Note.Kind: NoteKind.TransferReason } e => $"note added automatically (transfer reason): \"{e.Note.Text}\"",
        NoteAdded e => $"note: \"{e.Note.Text}\"",
        DispositionSet e => $"disposition {e.Current}",
        CallResultSet e => $"call result {e.Current}",
        DataChanged e => $"{e.Scope} data \"{e.Key}\" changed",
        DtmfSent e => $"DTMF sent: {e.Digits}",
        _ => @event.GetType().Name,
    };

    private static string Role(PartyRole role) => role switch
    {
        PartyRole.Customer => "caller",
        PartyRole.Agent => "agent",
        PartyRole.ConsultTarget => "consult target",
        _ => "conference member",
    };

    /// <summary>Talk, hold and consultation times of one call, its disposition and its notes.</summary>
    private string DescribeCall(InteractionId id)
    {
        var changes = _callEvents.OfType<InteractionStateChanged>().Where(e => e.InteractionId == id).ToList();
        var spent = new Dictionary<InteractionState, Duration>();
        for (int i = 1; i < changes.Count; i++)
        {
            spent[changes[i].Previous] = spent.GetValueOrDefault(changes[i].Previous) + (changes[i].At - changes[i - 1].At);
        }

        var parts = new List<string>();
        foreach (var (state, label) in new[] { (InteractionState.Talking, "talking"), (InteractionState.Held, "on hold"), (InteractionState.Consulting, "consulting"), (InteractionState.Ended, "wrap-up") })
        {
            if (spent.TryGetValue(state, out var duration))
            {
                parts.Add($"{label} {Format(duration)}");
            }
        }

        var disposition = _callEvents.OfType<DispositionSet>().LastOrDefault(e => e.InteractionId == id)?.Current ?? "none";
        int notes = _callEvents.OfType<NoteAdded>().Count(e => e.InteractionId == id);
        return $"{string.Join(", ", parts)}; disposition {disposition}; {Count(notes, "note")}";
    }

    /// <summary>The time spent in each state between logging in and logging out, in the order of <see cref="AgentState"/>.</summary>
    private static SortedDictionary<AgentState, Duration> TimePerState(List<AgentStateChanged> states)
    {
        var spent = new SortedDictionary<AgentState, Duration>();
        for (int i = 1; i < states.Count; i++)
        {
            spent[states[i].Previous] = spent.GetValueOrDefault(states[i].Previous) + (states[i].At - states[i - 1].At);
        }

        return spent;
    }

    private void Row(string label, FormattableString value) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-20}{FormattableString.Invariant(value)}"));

    private void Line(Instant at, string source, string text) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Clock(at)}  {source,-8} {text}"));

    private void Guarded(Action print)
    {
        try
        {
            print();
        }
        catch (Exception exception)
        {
            _fault ??= exception;
            throw;
        }
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Clock(Instant instant) => s_clock.Format(instant.InUtc().TimeOfDay);

    private static string Format(Duration duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMinutes}m {duration.Seconds:00}s");
}
