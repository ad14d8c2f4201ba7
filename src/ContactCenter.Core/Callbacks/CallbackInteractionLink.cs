using System;
using System.Threading;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// Keeps a <see cref="Callback"/> consistent with the <see cref="Interaction"/> (medium <see cref="MediaType.Callback"/>)
/// in which the agent calls the contact back: follows the interaction's <see cref="Interaction.Events"/> and tells the
/// callback what the interaction does, so that a host does not wire <see cref="Callback.Dial"/>,
/// <see cref="Callback.RecordResult"/> and <see cref="Callback.MarkDone"/> by hand. A reschedule asked while the agent
/// holds the callback thus takes effect when the interaction is marked done. Created by <see cref="Follow"/>;
/// <see cref="Dispose"/> stops following.
/// </summary>
/// <remarks>
/// <para><b>Rules.</b> The link acts only while the callback's <see cref="Callback.CurrentOffer"/> is for this
/// interaction (its <see cref="CallbackOffer.InteractionId"/> is the interaction's id); on the interaction's events, in
/// order:</para>
/// <list type="number">
/// <item><description>The interaction starts dialling (<see cref="InteractionStateChanged"/> to
/// <see cref="InteractionState.Dialing"/>) while the callback is <see cref="CallbackState.Accepted"/>:
/// <see cref="Callback.Dial"/>. The attempt is on the callback's own <see cref="Callback.Number"/> (with its type and
/// reachable hours), unless the contact's address on the interaction is another phone number — the agent edited it
/// before dialling (<see cref="Interaction.Connect"/>): then that number, with
/// <see cref="PhoneNumberType.Unknown"/> type. The address is read as an international number, or as a national number
/// of the country of the callback's number; an address that is not a phone number leaves the callback's number. The
/// link logs nothing, and never shows a number in clear.</description></item>
/// <item><description>The interaction connects (<see cref="InteractionStateChanged"/> to a substate of
/// <see cref="InteractionState.Connected"/>): the link remembers that the contact was reached on this
/// attempt.</description></item>
/// <item><description>A <see cref="CallResultSet"/> (by the agent, live or during wrap-up, or by the network: busy, no
/// answer, rejected): the link remembers the latest call result.</description></item>
/// <item><description>The interaction ends (<see cref="InteractionStateChanged"/> to <see cref="InteractionState.Ended"/>)
/// while the callback is <see cref="CallbackState.InProgress"/> and a call result is known:
/// <see cref="Callback.RecordResult"/> with that result, mapped by
/// <see cref="CallbackAttemptResults.FromCallResult"/>. Without a call result the attempt stays under way, for the agent
/// to set one during wrap-up. Once recorded, the attempt's result is kept: a call result changed later, during wrap-up,
/// does not change it.</description></item>
/// <item><description>The interaction is marked done (<see cref="InteractionStateChanged"/> to
/// <see cref="InteractionState.Done"/>): while the callback is still <see cref="CallbackState.InProgress"/>,
/// <see cref="Callback.RecordResult"/> with the latest call result mapped, else
/// <see cref="CallbackAttemptResult.Reached"/> when the interaction connected, else
/// <see cref="CallbackAttemptResult.NoAnswer"/>; then <see cref="Callback.MarkDone"/> when the callback permits it.
/// This is where a pending reschedule (<see cref="Callback.PendingReschedule"/>) takes effect. An interaction marked
/// done without dialling (from <see cref="InteractionState.Idle"/>) leaves the callback
/// <see cref="CallbackState.Accepted"/>, which permits <see cref="Callback.MarkDone"/> only with a pending reschedule:
/// with one, the reschedule takes effect; without one, the callback stays with the agent and the host decides
/// (<see cref="Callback.Reschedule"/> then <see cref="Callback.MarkDone"/>, or <see cref="Callback.Cancel"/>).</description></item>
/// </list>
/// <para>Every callback command is given the <see cref="InteractionEvent.CorrelationId"/> of the interaction event that
/// caused it (both commands of rule 5 get the one of the <see cref="InteractionState.Done"/> change), so one correlation
/// id spans both streams. Other interaction events are ignored. The offer is not the link's business: an interaction
/// accepted, rejected (<see cref="InteractionState.Rejected"/>) or abandoned (<see cref="InteractionState.Abandoned"/>)
/// while the callback is <see cref="CallbackState.Offered"/> is left to the <see cref="CallbackDispatcher"/>, which
/// accepts the callback, or makes it due again, when the agent's offer ends (an
/// <see cref="Agents.AgentInteractionLink"/> following the same interaction ends it); without a dispatcher the host calls
/// <see cref="Callback.Accept"/>, <see cref="Callback.Decline"/> or <see cref="Callback.WithdrawOffer"/> itself.
/// The link sees only the events published after <see cref="Follow"/>: follow the interaction before it dials.</para>
/// <para><b>Refusals.</b> The link checks <see cref="Callback.Can"/> and the callback's offer before each command and
/// skips a command that does not apply (the host already drove the callback by hand, it was cancelled meanwhile...). A
/// command the callback still refuses — another thread changing the callback between the check and the command — is
/// swallowed: nothing changed on the callback, and the link keeps following. The handler never throws a
/// <see cref="CallbackCommandRefusedException"/>.</para>
/// <para><b>Unexpected exceptions.</b> Anything else thrown while handling an event (a defect) is not swallowed: it
/// leaves the handler, and the interaction's stream applies its policy to a faulting subscriber — the link is detached
/// and told (<see cref="Fault"/> holds the exception, <see cref="IsFollowing"/> becomes <see langword="false"/>); the
/// interaction, its other subscribers and the caller of the interaction's input are unaffected. The callback is left as
/// the last successful command left it; the host may inspect <see cref="Fault"/> and drive the callback itself.</para>
/// <para><b>Threads.</b> The handler runs on the thread publishing the interaction's events, under the interaction's
/// serialisation (one input at a time), so the link's rules run one event at a time, in order. Each callback command
/// takes the callback's own lock, briefly, and publishes the callback's events after releasing it. The callback never
/// calls into interactions, so the interaction's serialisation is always taken before the callback's lock and never the
/// other way round. A callback-event handler that issues an input to this interaction from there is queued by the
/// interaction behind the current input, as any input issued from an interaction's event handler.
/// <see cref="Dispose"/> may be called from any thread, including from inside a handler.</para>
/// </remarks>
public sealed class CallbackInteractionLink : IDisposable
{
    private readonly Action<InteractionEvent>? _inspect;
    private IDisposable? _subscription;
    private bool _reached;
    private CallResult? _callResult;
    private volatile bool _following = true;
    private volatile Exception? _fault;

    private CallbackInteractionLink(Callback callback, Interaction interaction, Action<InteractionEvent>? inspect)
    {
        Callback = callback;
        Interaction = interaction;
        _inspect = inspect;
    }

    /// <summary>The callback told what the interaction does.</summary>
    public Callback Callback { get; }

    /// <summary>The interaction followed.</summary>
    public Interaction Interaction { get; }

    /// <summary>
    /// Whether the link still follows the interaction: <see langword="false"/> once disposed, or once an unexpected
    /// exception detached it (see <see cref="Fault"/>). A callback refusal does not stop it.
    /// </summary>
    public bool IsFollowing => _following;

    /// <summary>The unexpected exception that detached the link from the interaction's stream, or <see langword="null"/>.</summary>
    public Exception? Fault => _fault;

    /// <summary>
    /// Starts following <paramref name="interaction"/> on behalf of <paramref name="callback"/>, from its next event (see
    /// the rules in the remarks of <see cref="CallbackInteractionLink"/>). Subscribe before the interaction dials: a
    /// change published earlier is not seen.
    /// </summary>
    /// <param name="callback">The callback to keep consistent.</param>
    /// <param name="interaction">The interaction in which the agent calls the contact back: medium
    /// <see cref="MediaType.Callback"/>, with the id of the callback's offer (<see cref="CallbackOffer.InteractionId"/>).</param>
    /// <returns>The link; dispose it to stop following.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> or <paramref name="interaction"/> is null.</exception>
    /// <exception cref="ArgumentException">The interaction's medium is not <see cref="MediaType.Callback"/>.</exception>
    public static CallbackInteractionLink Follow(Callback callback, Interaction interaction) => FollowInspected(callback, interaction, inspect: null);

    /// <summary>As <see cref="Follow"/>; <paramref name="inspect"/> runs first on every event the link receives (a probe: diagnostics, fault injection).</summary>
    internal static CallbackInteractionLink FollowInspected(Callback callback, Interaction interaction, Action<InteractionEvent>? inspect)
    {
        Guard.NotNull(callback);
        Guard.NotNull(interaction);
        if (interaction.Media != MediaType.Callback)
        {
            throw new ArgumentException($"A callback follows an interaction of medium {MediaType.Callback}, not {interaction.Media}.", nameof(interaction));
        }

        var link = new CallbackInteractionLink(callback, interaction, inspect);
        var subscription = interaction.Events.Subscribe(new Handler(link));
        if (Interlocked.CompareExchange(ref link._subscription, subscription, null) is not null)
        {
            // Detached (faulted) or disposed before the subscription was stored: nothing more to do but let go.
            subscription.Dispose();
        }

        return link;
    }

    /// <summary>Stops following the interaction. Idempotent.</summary>
    public void Dispose()
    {
        _following = false;
        Interlocked.Exchange(ref _subscription, Disposed.Instance)?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"Callback {Callback.Id} following interaction {Interaction.Id}{(IsFollowing ? string.Empty : " (stopped)")}";

    private static bool IsConnected(InteractionState state) =>
        state is InteractionState.Connected or InteractionState.Talking or InteractionState.Held
            or InteractionState.Consulting or InteractionState.Conferenced;

    private void OnEvent(InteractionEvent value)
    {
        if (!_following)
        {
            return;
        }

        _inspect?.Invoke(value);
        switch (value)
        {
            case CallResultSet set:
                // Rule 3: the latest call result.
                _callResult = set.Current;
                break;
            case InteractionStateChanged changed:
                OnStateChanged(changed);
                break;
        }
    }

    private void OnStateChanged(InteractionStateChanged changed)
    {
        var correlation = changed.CorrelationId;
        switch (changed.Current)
        {
            case InteractionState.Dialing:
                // Rule 1: the agent dials the contact.
                if (Callback.State == CallbackState.Accepted)
                {
                    var number = DialledNumber();
                    TryCommand(CallbackCommand.Dial, () => Callback.Dial(number, correlation));
                }

                break;
            case var state when IsConnected(state):
                // Rule 2: the contact was reached on this attempt.
                _reached = true;
                break;
            case InteractionState.Ended:
                // Rule 4: the exchange is over; record the result when it is known.
                if (_callResult is { } known && Callback.State == CallbackState.InProgress)
                {
                    var result = CallbackAttemptResults.FromCallResult(known);
                    TryCommand(CallbackCommand.RecordResult, () => Callback.RecordResult(result, correlation));
                }

                break;
            case InteractionState.Done:
                // Rule 5: the agent is done; a pending reschedule takes effect here.
                if (Callback.State == CallbackState.InProgress)
                {
                    var result = _callResult is { } latest
                        ? CallbackAttemptResults.FromCallResult(latest)
                        : _reached ? CallbackAttemptResult.Reached : CallbackAttemptResult.NoAnswer;
                    TryCommand(CallbackCommand.RecordResult, () => Callback.RecordResult(result, correlation));
                }

                TryCommand(CallbackCommand.MarkDone, () => Callback.MarkDone(correlation));
                break;
        }
    }

    /// <summary>
    /// The number the interaction dialled when it is not the callback's own: the contact's address, read as an
    /// international number or a national one of the callback's country; <see langword="null"/> for the callback's number.
    /// </summary>
    private ContactNumber? DialledNumber()
    {
        string? address = null;
        foreach (var party in Interaction.Parties)
        {
            if (party.Role == PartyRole.Customer)
            {
                address = party.Address;
                break;
            }
        }

        var own = Callback.Number.Number;
        if (string.IsNullOrWhiteSpace(address) || !TryParse(address!, own.CountryCallingCode, out var dialled) || dialled == own)
        {
            return null;
        }

        return new ContactNumber(dialled);
    }

    private static bool TryParse(string address, int countryCallingCode, out PhoneNumber number)
    {
        if (PhoneNumber.TryParse(address, out number, out _))
        {
            return true;
        }

        try
        {
            number = PhoneNumber.Parse(address, countryCallingCode);
            return true;
        }
        catch (FormatException)
        {
            // Not a phone number (a SIP address, a label...): the callback's own number is kept.
            number = default;
            return false;
        }
    }

    /// <summary>
    /// Runs a callback command when the callback's offer is for this interaction and the callback permits the command
    /// now; a refusal (a race) is swallowed.
    /// </summary>
    private void TryCommand(CallbackCommand command, Action run)
    {
        if (Callback.CurrentOffer?.InteractionId != Interaction.Id || !Callback.Can(command))
        {
            return;
        }

        try
        {
            run();
        }
        catch (CallbackCommandRefusedException)
        {
            // Nothing changed on the callback; the link keeps following.
        }
    }

    private void OnFaulted(Exception error)
    {
        _fault = error;
        _following = false;
        Interlocked.CompareExchange(ref _subscription, Disposed.Instance, null);
    }

    private sealed class Handler(CallbackInteractionLink link) : IObserver<InteractionEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => link.OnFaulted(error);

        public void OnNext(InteractionEvent value) => link.OnEvent(value);
    }

    private sealed class Disposed : IDisposable
    {
        public static readonly Disposed Instance = new();

        public void Dispose()
        {
        }
    }
}
