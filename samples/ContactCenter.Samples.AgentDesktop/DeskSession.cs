using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// One agent's desktop over the engine: the agent (<see cref="Agent"/>), the call on the desk (an
/// <see cref="Interaction"/> the agent follows through <see cref="AgentInteractionLink"/>), the customer's
/// <see cref="Callback"/> with its slot grid, and the simulated other side of the call. Commands come from the page;
/// every event of the three aggregates' observables becomes a line of the log and a new <see cref="DeskView"/> pushed
/// to every subscriber (<see cref="Subscribe"/>).
/// </summary>
/// <remarks>
/// Commands, simulation steps and the counterpart's timers run one at a time (one lock, re-entrant, so a virtual clock
/// advanced by a request runs the counterpart's timers on the request's thread). Views are built from the aggregates,
/// which are thread-safe, whichever thread publishes the event.
/// </remarks>
public sealed class DeskSession : IDisposable
{
    /// <summary>The agent at this desk.</summary>
    public const string AgentId = "alice";

    /// <summary>The colleague the agent consults by default.</summary>
    public const string ColleagueId = "bruno";

    /// <summary>The customer's number (personal data: the page shows it redacted).</summary>
    public const string CustomerNumber = "+1 212 555 0142";

    /// <summary>The queue calls come from.</summary>
    public const string Queue = "support";

    private const int LogLength = 40;

    private readonly object _gate = new();
    private readonly object _publishGate = new();
    private readonly VirtualTimeSource? _virtualTime;
    private readonly Counterpart _counterpart;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<Channel<DeskView>> _subscribers = [];
    private readonly LinkedList<string> _log = new();
    private readonly InteractionFactory _interactions;
    private Interaction? _interaction;
    private AgentInteractionLink? _link;
    private IDisposable? _interactionEvents;
    private int _calls;
    private long _version;
    private bool _disposed;
    private ServiceProvider? _ownedServices;

    /// <summary>
    /// Creates the desk over the engine's services, as registered by <c>services.AddContactCenter()</c> (see
    /// <see cref="DeskServices.AddAgentDesktop"/>): the agent, the calls and the callback come from its factories, with
    /// its options and its time source (a <see cref="VirtualTimeSource"/> makes the desk's clock virtual).
    /// </summary>
    /// <param name="agents">Creates the agent.</param>
    /// <param name="interactions">Creates the calls.</param>
    /// <param name="callbacks">Creates the customer's callback.</param>
    /// <param name="slots">Computes the slot grid.</param>
    /// <param name="book">Holds every customer's booking.</param>
    /// <param name="time">The engine's time source.</param>
    /// <param name="options">How the desk runs (the counterpart's seed).</param>
    public DeskSession(AgentFactory agents, InteractionFactory interactions, CallbackFactory callbacks, SlotCalculator slots, SlotBook book, ITimeSource time, DeskOptions options)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        TimeSource = time;
        _virtualTime = time as VirtualTimeSource;
        _interactions = interactions;
        _counterpart = new Counterpart(time, options.Seed);
        Agent = agents.Create(AgentId);
        Callbacks = new CallbackDesk(callbacks, slots, book, time, PhoneNumber.Parse(CustomerNumber));
        CentreZone = Callbacks.Query.CentreZone;
        _subscriptions.Add(Agent.Events.Subscribe(OnAgentEvent));
        _subscriptions.Add(Callbacks.Callback.Events.Subscribe(e => Publish(DeskLog.Describe(e))));
        Publish("desk open: " + AgentId + " logged out, the customer's callback booked");
    }

    /// <summary>
    /// Creates a desk outside a web host (tests, tools): its own service provider with <see cref="DeskServices.AddAgentDesktop"/>,
    /// disposed with the desk.
    /// </summary>
    /// <param name="options">How the desk runs.</param>
    /// <returns>The desk.</returns>
    public static DeskSession Create(DeskOptions options)
    {
        var services = new ServiceCollection().AddAgentDesktop(options).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var desk = services.GetRequiredService<DeskSession>();
        desk._ownedServices = services;
        return desk;
    }

    /// <summary>The engine's time source.</summary>
    public ITimeSource TimeSource { get; }

    /// <summary>Whether the clock is virtual (moved only by the <c>Advance</c> step of <see cref="Simulation"/>).</summary>
    public bool IsVirtualTime => _virtualTime is not null;

    /// <summary>The centre's zone, in which the desk shows its clock.</summary>
    public DateTimeZone CentreZone { get; }

    /// <summary>The agent.</summary>
    public Agent Agent { get; }

    /// <summary>The call on the desk: the latest one offered, or <see langword="null"/> before the first.</summary>
    public Interaction? Interaction => Volatile.Read(ref _interaction);

    /// <summary>The customer's callback and its slots.</summary>
    public CallbackDesk Callbacks { get; }

    /// <summary>The interactions' policy (the disposition codes the page offers).</summary>
    public InteractionOptions InteractionOptions => _interactions.Options;

    /// <summary>The desk as the page shows it now.</summary>
    /// <returns>The view.</returns>
    public DeskView View()
    {
        string[] log;
        lock (_log)
        {
            log = [.. _log];
        }

        return DeskProjection.Build(this, Interlocked.Increment(ref _version), log);
    }

    /// <summary>
    /// Subscribes to the desk's views: the current one at once, then one after every event. The channel is unbounded
    /// (views are small and the page reads them as they come); dispose the handle to stop.
    /// </summary>
    /// <returns>The reader and the handle that ends the subscription.</returns>
    public (ChannelReader<DeskView> Reader, IDisposable Subscription) Subscribe()
    {
        var channel = Channel.CreateUnbounded<DeskView>(new UnboundedChannelOptions { SingleReader = true });
        lock (_publishGate)
        {
            channel.Writer.TryWrite(View());
            _subscribers.Add(channel);
        }

        return (channel.Reader, new Unsubscriber(this, channel));
    }

    /// <summary>One of the agent's own commands (<see cref="AgentCommands.SourceOf"/> is the agent), but for accepting or rejecting an offer, which the page does on the interaction.</summary>
    /// <param name="command">The <see cref="AgentCommand"/> name.</param>
    /// <param name="argument">The not-ready reason code, for <see cref="AgentCommand.SetNotReady"/>.</param>
    /// <returns>The view after the command.</returns>
    /// <exception cref="DeskCommandException">Not an agent button, or a missing reason.</exception>
    /// <exception cref="AgentCommandRefusedException">The agent refused the command; nothing changed.</exception>
    public DeskView AgentCommand(string command, string? argument)
    {
        if (!Enum.TryParse<AgentCommand>(command, ignoreCase: false, out var parsed) || !DeskProjection.AgentButtons.Contains(parsed))
        {
            throw new DeskCommandException(404, "agent", command, $"'{command}' is not a button of the agent panel.", Names(Agent.PermittedAgentCommands));
        }

        Serialised(() =>
        {
            switch (parsed)
            {
                case Core.Agents.AgentCommand.LogIn: Agent.LogIn(); break;
                case Core.Agents.AgentCommand.LogOut: Agent.LogOut(); break;
                case Core.Agents.AgentCommand.SetReady: Agent.SetReady(); break;
                case Core.Agents.AgentCommand.SetNotReady: Agent.SetNotReady(Require(argument, "agent", command, "a not-ready reason code")); break;
                case Core.Agents.AgentCommand.ExtendAfterCallWork: Agent.ExtendAfterCallWork(); break;
                case Core.Agents.AgentCommand.EndAfterCallWork: Agent.EndAfterCallWork(); break;
                default: Agent.CancelIntent(); break;
            }
        });
        return View();
    }

    /// <summary>A command on the call on the desk.</summary>
    /// <param name="command">The <see cref="InteractionCommand"/> name.</param>
    /// <param name="argument">The consult target, the disposition code or the note, for the commands that take one.</param>
    /// <returns>The view after the command.</returns>
    /// <exception cref="DeskCommandException">Not a button of the interaction panel, no call on the desk, or a missing argument.</exception>
    /// <exception cref="InteractionCommandRefusedException">The interaction refused the command; nothing changed.</exception>
    public DeskView InteractionCommand(string command, string? argument)
    {
        if (!Enum.TryParse<InteractionCommand>(command, ignoreCase: false, out var parsed) || !DeskProjection.InteractionButtons.Contains(parsed))
        {
            throw new DeskCommandException(404, "interaction", command, $"'{command}' is not a button of the interaction panel.");
        }

        Serialised(() =>
        {
            var call = Interaction ?? throw new DeskCommandException(409, "interaction", command, DeskProjection.NoInteraction);
            switch (parsed)
            {
                case Core.Interactions.InteractionCommand.Accept:
                    call.Accept();
                    _counterpart.Talking(_calls, call, Serialised);
                    break;
                case Core.Interactions.InteractionCommand.Reject: call.Reject(); break;
                case Core.Interactions.InteractionCommand.Hold: call.Hold(); break;
                case Core.Interactions.InteractionCommand.Resume: call.Resume(); break;
                case Core.Interactions.InteractionCommand.ConsultForTransfer:
                    string target = Require(argument, "interaction", command, "a target (an agent id or a number)");
                    call.ConsultForTransfer(target, $"Transferred by {AgentId} to {target}.");
                    _counterpart.Consulted(_calls, call, Serialised);
                    break;
                case Core.Interactions.InteractionCommand.ConsultForConference:
                    call.ConsultForConference(Require(argument, "interaction", command, "a target (an agent id or a number)"));
                    _counterpart.Consulted(_calls, call, Serialised);
                    break;
                case Core.Interactions.InteractionCommand.CompleteTransfer: call.CompleteTransfer(); break;
                case Core.Interactions.InteractionCommand.CompleteConference: call.CompleteConference(); break;
                case Core.Interactions.InteractionCommand.EndConference: call.EndConference(); break;
                case Core.Interactions.InteractionCommand.Alternate: call.Alternate(); break;
                case Core.Interactions.InteractionCommand.Reconnect: call.Reconnect(); break;
                case Core.Interactions.InteractionCommand.Disconnect: call.Disconnect(); break;
                case Core.Interactions.InteractionCommand.SetDisposition: call.SetDisposition(Require(argument, "interaction", command, "a disposition code")); break;
                case Core.Interactions.InteractionCommand.AddNote: call.AddNote(Require(argument, "interaction", command, "the note's text")); break;
                default: call.MarkDone(); break;
            }
        });
        return View();
    }

    /// <summary>A command on the customer's callback: <c>Reschedule</c> (to the slot starting at <paramref name="argument"/>, an ISO instant) or <c>Cancel</c>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="argument">The slot's start, for <c>Reschedule</c>.</param>
    /// <returns>The view after the command.</returns>
    /// <exception cref="DeskCommandException">Unknown command, a bad slot start, or a slot that cannot be booked.</exception>
    /// <exception cref="CallbackCommandRefusedException">The callback refused the command; nothing changed.</exception>
    public DeskView CallbackCommand(string command, string? argument)
    {
        Serialised(() =>
        {
            switch (command)
            {
                case nameof(Core.Callbacks.CallbackCommand.Reschedule):
                    if (!DeskText.TryParseIso(argument, out var start))
                    {
                        throw new DeskCommandException(400, "callback", command, "Reschedule needs the slot's start, an ISO instant such as 2026-11-24T15:00:00Z.");
                    }

                    Callbacks.Reschedule(start);
                    break;
                case nameof(Core.Callbacks.CallbackCommand.Cancel):
                    Callbacks.Cancel();
                    break;
                default:
                    throw new DeskCommandException(404, "callback", command, $"'{command}' is not a button of the callback panel.");
            }
        });
        return View();
    }

    /// <summary>
    /// A step of the simulated other side, by hand: <c>IncomingCall</c> (the router offers the customer's call now),
    /// <c>CustomerHangsUp</c>, or <c>Advance</c> (a virtual clock moves by <paramref name="argument"/> seconds, and the
    /// counterpart's timers due meanwhile run).
    /// </summary>
    /// <param name="command">The step.</param>
    /// <param name="argument">The seconds, for <c>Advance</c>.</param>
    /// <returns>The view after the step.</returns>
    /// <exception cref="DeskCommandException">Unknown step, or a step that does not apply now.</exception>
    /// <exception cref="AgentCommandRefusedException">The agent cannot be reserved for a call now.</exception>
    public DeskView Simulation(string command, string? argument)
    {
        Serialised(() =>
        {
            switch (command)
            {
                case DeskProjection.IncomingCall: RingIn(byTimer: false); break;
                case DeskProjection.CustomerHangsUp:
                    if (DeskProjection.WhyNotHangUp(this) is { } why)
                    {
                        throw new DeskCommandException(409, "simulation", command, why);
                    }

                    Interaction!.OnNetworkEvent(NetworkEvent.RemoteHangUp);
                    break;
                case DeskProjection.Advance:
                    if (_virtualTime is null)
                    {
                        throw new DeskCommandException(409, "simulation", command, "The desk runs on the system clock: time cannot be advanced.");
                    }

                    if (!int.TryParse(argument, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds)
                        || seconds < 1 || seconds > 3600)
                    {
                        throw new DeskCommandException(400, "simulation", command, "Advance needs a number of seconds from 1 to 3600.");
                    }

                    _virtualTime.AdvanceBy(Duration.FromSeconds(seconds));
                    break;
                default:
                    throw new DeskCommandException(404, "simulation", command, $"'{command}' is not a simulation step.");
            }
        });
        return View();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _counterpart.CancelArrival();
            _counterpart.CallOver();
            _interactionEvents?.Dispose();
            _link?.Dispose();
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }

        lock (_publishGate)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }

        _ownedServices?.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> under the desk's lock (re-entrant): commands, steps and counterpart timers one at a time.</summary>
    internal void Serialised(Action work)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                work();
            }
        }
    }

    /// <summary>Whether the call on the desk is closed (done, rejected, abandoned) or there is none: the router may offer the next.</summary>
    internal bool DeskIsFree() => Interaction is null || Interaction.State is InteractionState.Done or InteractionState.Rejected or InteractionState.Abandoned;

    private static string Require(string? argument, string scope, string command, string what) =>
        string.IsNullOrWhiteSpace(argument) ? throw new DeskCommandException(400, scope, command, $"{command} needs {what}.") : argument.Trim();

    private static List<string> Names<T>(IEnumerable<T> commands)
        where T : struct, Enum => commands.Select(static c => c.ToString()).ToList();

    /// <summary>The router offers the customer's call to the agent: a new inbound voice interaction, followed by the agent.</summary>
    private void RingIn(bool byTimer)
    {
        if (DeskProjection.WhyNotIncomingCall(this) is { } why)
        {
            if (byTimer)
            {
                return;
            }

            throw new DeskCommandException(409, "simulation", DeskProjection.IncomingCall, why);
        }

        _counterpart.CancelArrival();
        int number = _calls + 1;
        var call = _interactions.Create(
            new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, CustomerNumber)
            {
                Id = new InteractionId(new Guid(number, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                AgentAddress = AgentId,
                AttachedData = new Dictionary<string, string>
                {
                    ["account"] = "AC-1187",
                    ["service"] = "Broadband",
                    ["queue"] = Queue,
                    ["callback"] = Callbacks.Callback.Id.ToString(),
                },
            });

        _interactionEvents?.Dispose();
        _link?.Dispose();
        _calls = number;
        Volatile.Write(ref _interaction, call);
        _interactionEvents = call.Events.Subscribe(OnInteractionEvent);
        _link = AgentInteractionLink.Follow(Agent, call);
        Publish($"router: the customer rings in (call {DeskText.Number(number)}, {PhoneNumber.Parse(CustomerNumber)})");
        Agent.Reserve(call.Id, MediaType.Voice, Queue);
    }

    private void OnAgentEvent(AgentEvent e)
    {
        Publish(DeskLog.Describe(e));
        switch (e)
        {
            case AgentStateChanged { Current: AgentState.Ready }:
                // The router has work for a ready agent: the customer rings in a few seconds later.
                Serialised(ExpectCall);
                break;
            case AgentStateChanged { Previous: AgentState.Ready }:
                Serialised(_counterpart.CancelArrival);
                break;
            case AgentOfferEnded { Outcome: OfferOutcome.TimedOut or OfferOutcome.Rejected } ended:
                // Nobody answered: the caller gives up (an offer the agent rejected is already over on the call).
                Serialised(() =>
                {
                    if (Interaction is { State: InteractionState.Offered } call && call.Id == ended.Offer.InteractionId)
                    {
                        call.OnNetworkEvent(NetworkEvent.RemoteHangUp);
                    }
                });
                break;
            default:
                break;
        }
    }

    private void OnInteractionEvent(InteractionEvent e)
    {
        Publish(DeskLog.Describe(e));
        if (e is InteractionStateChanged { Current: InteractionState.Ended or InteractionState.Done or InteractionState.Abandoned or InteractionState.Rejected } changed)
        {
            Serialised(() =>
            {
                _counterpart.CallOver();

                // The desk is free again while the agent is already ready (after-call work ended first): the next customer.
                if (changed.Current != InteractionState.Ended && Agent.State == AgentState.Ready)
                {
                    ExpectCall();
                }
            });
        }
    }

    /// <summary>The router has work for a ready agent: the customer rings in a few seconds later (if the desk is free then).</summary>
    private void ExpectCall() => _counterpart.ExpectCall(_calls + 1, () => Serialised(() =>
    {
        try
        {
            RingIn(byTimer: true);
        }
        catch (AgentCommandRefusedException)
        {
            // The agent changed its mind at the same instant (a timer runs on its own thread): no call this time.
        }
    }));

    private void Publish(string line)
    {
        lock (_log)
        {
            _log.AddLast(DeskText.Seconds(TimeSource.Now, CentreZone) + "  " + line);
            while (_log.Count > LogLength)
            {
                _log.RemoveFirst();
            }
        }

        lock (_publishGate)
        {
            if (_subscribers.Count == 0)
            {
                return;
            }

            var view = View();
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(view);
            }
        }
    }

    private void Unsubscribe(Channel<DeskView> channel)
    {
        lock (_publishGate)
        {
            _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        }
    }

    private sealed class Unsubscriber(DeskSession session, Channel<DeskView> channel) : IDisposable
    {
        public void Dispose() => session.Unsubscribe(channel);
    }
}
