using System;
using System.Threading;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Agents;

/// <summary>
/// Keeps an <see cref="Agent"/> consistent with one of its <see cref="Interaction"/>s: follows the interaction's
/// <see cref="Interaction.Events"/> and tells the agent what the interaction does, so that a host does not wire
/// <see cref="Agent.AcceptOffer"/>, <see cref="Agent.RejectOffer"/>, <see cref="Agent.ReleaseReservation"/>,
/// <see cref="Agent.StartInteraction"/> and <see cref="Agent.EndInteraction"/> by hand. Created by
/// <see cref="Follow"/>; <see cref="Dispose"/> stops following.
/// </summary>
/// <remarks>
/// <para><b>Rules.</b> On every <see cref="InteractionStateChanged"/> of the interaction, in this order:</para>
/// <list type="number">
/// <item><description>The interaction leaves <see cref="InteractionState.Offered"/> for a state the agent owns (it was
/// accepted, by the agent or automatically): when the agent's pending <see cref="Agent.Offer"/> is this interaction,
/// <see cref="Agent.AcceptOffer"/>; otherwise, when the agent does not handle it yet,
/// <see cref="Agent.StartInteraction"/> with the interaction's id and medium and the queue given to
/// <see cref="Follow"/>.</description></item>
/// <item><description>The interaction goes from <see cref="InteractionState.Offered"/> to
/// <see cref="InteractionState.Rejected"/> or <see cref="InteractionState.Abandoned"/> while the agent's pending offer
/// is this interaction: <see cref="Agent.RejectOffer"/> for a rejection (a missed offer), and
/// <see cref="Agent.ReleaseReservation"/> for an abandoned offer (the offer was withdrawn: not counted as missed; during a
/// negotiated logout the agent logs out).</description></item>
/// <item><description>The interaction reaches <see cref="InteractionState.Ended"/>, <see cref="InteractionState.Done"/>,
/// <see cref="InteractionState.Rejected"/> or <see cref="InteractionState.Abandoned"/> while the agent handles it
/// (<see cref="Agent.Interactions"/>): <see cref="Agent.EndInteraction"/>, once. The exchange ending is what counts, not
/// the wrap-up: after a voice call the agent's after-call work and the interaction's wrap-up
/// (<see cref="InteractionState.Ended"/> until <see cref="Interaction.MarkDone"/>) run together.</description></item>
/// </list>
/// <para>Every agent command is given the <see cref="InteractionEvent.CorrelationId"/> of the interaction event that
/// caused it, so one correlation id spans both streams. Other interaction events are ignored, and so is an interaction
/// created already owned (an outbound call or email that was not offered): it never leaves
/// <see cref="InteractionState.Offered"/>, so the host reports it with <see cref="Agent.StartInteraction"/> itself. The
/// link does not act on the agent's own timers either: an offer that times out on the agent is the router's business.</para>
/// <para><b>Refusals.</b> The link checks <see cref="Agent.Can"/> and the agent's offer and interactions before each
/// command and skips a command that does not apply (the agent logged out meanwhile, the offer is another one...). A
/// command the agent still refuses — an argument refusal such as <see cref="AgentRefusalReason.CapacityReached"/>, or
/// another thread changing the agent between the check and the command — is swallowed: nothing changed on the agent, and
/// the link keeps following. The handler never throws an <see cref="AgentCommandRefusedException"/>.</para>
/// <para><b>Unexpected exceptions.</b> Anything else thrown while handling an event (a defect) is not swallowed: it
/// leaves the handler, and the interaction's stream applies its policy to a faulting subscriber — the link is detached
/// and told (<see cref="Fault"/> holds the exception, <see cref="IsFollowing"/> becomes <see langword="false"/>); the
/// interaction, its other subscribers and the caller of the interaction's input are unaffected. The agent is left as
/// the last successful command left it; the host may inspect <see cref="Fault"/> and follow again.</para>
/// <para><b>Threads.</b> The handler runs on the thread publishing the interaction's events, under the interaction's
/// serialisation (one input at a time), so the link's rules run one event at a time, in order. Each agent command takes
/// the agent's own lock, briefly, and publishes the agent's events after releasing it. The agent never calls into
/// interactions, so the interaction's serialisation is always taken before the agent's lock and never the other way
/// round: there is no lock-order problem. An agent-event handler that issues an input to this interaction from there is
/// queued by the interaction behind the current input, as any input issued from an interaction's event handler.
/// <see cref="Dispose"/> may be called from any thread, including from inside a handler.</para>
/// </remarks>
public sealed class AgentInteractionLink : IDisposable
{
    private IDisposable? _subscription;
    private bool _ended;
    private volatile bool _following = true;
    private volatile Exception? _fault;

    private AgentInteractionLink(Agent agent, Interaction interaction, string? queue)
    {
        Agent = agent;
        Interaction = interaction;
        Queue = queue;
    }

    /// <summary>The agent told what the interaction does.</summary>
    public Agent Agent { get; }

    /// <summary>The interaction followed.</summary>
    public Interaction Interaction { get; }

    /// <summary>The queue given to <see cref="Agent.StartInteraction"/> when the interaction was not offered to the agent, or <see langword="null"/>.</summary>
    public string? Queue { get; }

    /// <summary>
    /// Whether the link still follows the interaction: <see langword="false"/> once disposed, or once an unexpected
    /// exception detached it (see <see cref="Fault"/>). An agent refusal does not stop it.
    /// </summary>
    public bool IsFollowing => _following;

    /// <summary>The unexpected exception that detached the link from the interaction's stream, or <see langword="null"/>.</summary>
    public Exception? Fault => _fault;

    /// <summary>
    /// Starts following <paramref name="interaction"/> on behalf of <paramref name="agent"/>, from its next event (see the
    /// rules in the remarks of <see cref="AgentInteractionLink"/>). Subscribe before the interaction changes state: a
    /// change published earlier is not seen.
    /// </summary>
    /// <param name="agent">The agent to keep consistent.</param>
    /// <param name="interaction">The interaction to follow.</param>
    /// <param name="queue">The queue given to <see cref="Agent.StartInteraction"/> when the interaction is accepted
    /// without having been offered to the agent (it selects the after-call work duration). An accepted offer keeps the
    /// queue given to <see cref="Agent.Reserve"/>.</param>
    /// <returns>The link; dispose it to stop following.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> or <paramref name="interaction"/> is null.</exception>
    public static AgentInteractionLink Follow(Agent agent, Interaction interaction, string? queue = null)
    {
        Guard.NotNull(agent);
        Guard.NotNull(interaction);
        var link = new AgentInteractionLink(agent, interaction, queue);
        var subscription = interaction.Events.Subscribe(new Handler(link));
        if (Interlocked.CompareExchange(ref link._subscription, subscription, null) is not null)
        {
            // Detached (faulted) before the subscription was stored: nothing more to do but let go.
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
    public override string ToString() => $"Agent {Agent.Id} following {Interaction.Media} interaction {Interaction.Id}{(IsFollowing ? string.Empty : " (stopped)")}";

    private static bool IsOwned(InteractionState state) =>
        state is not (InteractionState.Offered or InteractionState.Rejected or InteractionState.Abandoned);

    private static bool IsOver(InteractionState state) =>
        state is InteractionState.Ended or InteractionState.Done or InteractionState.Rejected or InteractionState.Abandoned;

    private void OnStateChanged(InteractionStateChanged changed)
    {
        if (!_following)
        {
            return;
        }

        var id = Interaction.Id;
        var correlation = changed.CorrelationId;
        if (changed.Previous == InteractionState.Offered)
        {
            bool offered = Agent.Offer?.InteractionId == id;
            if (IsOwned(changed.Current))
            {
                // Rule 1: accepted.
                if (offered)
                {
                    TryCommand(AgentCommand.AcceptOffer, () => Agent.AcceptOffer(correlation));
                }
                else if (!Handles(id))
                {
                    TryCommand(AgentCommand.StartInteraction, () => Agent.StartInteraction(id, Interaction.Media, Queue, correlation));
                }
            }
            else if (offered)
            {
                // Rule 2: the offer ended without being accepted.
                if (changed.Current == InteractionState.Rejected)
                {
                    TryCommand(AgentCommand.RejectOffer, () => Agent.RejectOffer(correlation));
                }
                else
                {
                    TryCommand(AgentCommand.ReleaseReservation, () => Agent.ReleaseReservation(correlation));
                }
            }
        }

        // Rule 3: the exchange is over while the agent handles the interaction.
        if (IsOver(changed.Current) && !_ended && Handles(id)
            && TryCommand(AgentCommand.EndInteraction, () => Agent.EndInteraction(id, correlation)))
        {
            _ended = true;
        }
    }

    private bool Handles(InteractionId id)
    {
        foreach (var interaction in Agent.Interactions)
        {
            if (interaction.InteractionId == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs an agent command when the agent permits it now; a refusal (a race, an argument) is swallowed.</summary>
    private bool TryCommand(AgentCommand command, Action run)
    {
        if (!Agent.Can(command))
        {
            return false;
        }

        try
        {
            run();
            return true;
        }
        catch (AgentCommandRefusedException)
        {
            // Nothing changed on the agent; the link keeps following.
            return false;
        }
    }

    private void OnFaulted(Exception error)
    {
        _fault = error;
        _following = false;
        Interlocked.CompareExchange(ref _subscription, Disposed.Instance, null);
    }

    private sealed class Handler(AgentInteractionLink link) : IObserver<InteractionEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => link.OnFaulted(error);

        public void OnNext(InteractionEvent value)
        {
            if (value is InteractionStateChanged changed)
            {
                link.OnStateChanged(changed);
            }
        }
    }

    private sealed class Disposed : IDisposable
    {
        public static readonly Disposed Instance = new();

        public void Dispose()
        {
        }
    }
}
