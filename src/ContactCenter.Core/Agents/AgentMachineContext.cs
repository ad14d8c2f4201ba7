using System;
using System.Collections.Generic;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using ContactCenter.Core.StateMachines;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Agents;

/// <summary>
/// The private per-agent data that the guards and actions of <see cref="Agent.Definition"/> work on.
/// Only the SDK creates it: it appears in the definition's type so that the definition can be exported
/// (<see cref="StateMachineDefinition{TState, TTrigger, TContext}.ToMermaidGraph"/>), and has no public members.
/// </summary>
public sealed class AgentMachineContext
{
    private IDisposable? _offerTimer;
    private IDisposable? _afterCallWorkTimer;
    private IDisposable? _logoutTimer;

    internal AgentMachineContext(Agent owner, string id, AgentOptions options, ITimeSource time)
    {
        Owner = owner;
        Id = id;
        Options = options;
        Time = time;
        Reasons = new HashSet<string>(options.NotReadyReasons, StringComparer.Ordinal);
    }

    internal enum TimerKind
    {
        Offer,
        AfterCallWork,
        LogoutTick,
    }

    internal Agent Owner { get; }

    internal string Id { get; }

    internal AgentOptions Options { get; }

    internal ITimeSource Time { get; }

    internal HashSet<string> Reasons { get; }

    internal string? NotReadyReason { get; private set; }

    internal AgentInteraction[] Interactions { get; private set; } = [];

    internal AgentOffer? Offer { get; private set; }

    internal int ConsecutiveMissedOffers { get; private set; }

    internal DeferredIntent? Intent { get; private set; }

    internal Instant? AfterCallWorkEndsAt { get; private set; }

    internal int AfterCallWorkExtensions { get; private set; }

    internal string? AfterCallWorkQueue { get; private set; }

    // ----- arguments of the firing in progress (set under the agent's lock just before firing) -----

    internal Guid Correlation { get; set; }

    internal string? ArgReason { get; set; }

    internal AgentInteraction? ArgInteraction { get; set; }

    internal AgentOffer? ArgOffer { get; set; }

    internal InteractionId ArgId { get; set; }

    internal long OfferTimerGeneration { get; private set; }

    internal long AfterCallWorkTimerGeneration { get; private set; }

    internal long LogoutTimerGeneration { get; private set; }

    /// <summary>The correlation id of the command or timer that started the negotiated-logout countdown: every tick carries it.</summary>
    internal Guid CountdownCorrelation { get; private set; }

    /// <summary>Events raised by the firing in progress, in order; the agent publishes them afterwards.</summary>
    internal List<AgentEvent> Outbox { get; } = [];

    // ----- guards (pure) ---------------------------------------------------------------------------

    internal bool HasOffer => Offer is not null;

    internal bool HasIntent => Intent is not null;

    internal bool HasInteractions => Interactions.Length > 0;

    internal bool NoLogoutPending => Intent is not { Kind: DeferredIntentKind.LogOut };

    internal bool HasSpareCapacity =>
        Free(MediaType.Voice) > 0 || Free(MediaType.Chat) > 0 || Free(MediaType.Email) > 0 || Free(MediaType.Sms) > 0;

    internal bool CanReserveWhileBusy => Offer is null && Intent is null && HasSpareCapacity;

    internal bool CanExtendAfterCallWork => AfterCallWorkExtensions < Options.AfterCallWork.MaxExtensions;

    internal bool MissReachesLimit =>
        Options.MaxConsecutiveMissedOffers > 0 && ConsecutiveMissedOffers + 1 >= Options.MaxConsecutiveMissedOffers;

    internal bool HasLiveVoice
    {
        get
        {
            foreach (var interaction in Interactions)
            {
                if (AgentCapacity.IsVoice(interaction.Media))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>How many more interactions counted with <paramref name="media"/> the agent can take (a pending offer counts).</summary>
    internal int Free(MediaType media)
    {
        int used = 0;
        foreach (var interaction in Interactions)
        {
            if (AgentCapacity.SameLimit(interaction.Media, media))
            {
                used++;
            }
        }

        if (Offer is { } offer && AgentCapacity.SameLimit(offer.Media, media))
        {
            used++;
        }

        return Options.Capacity.LimitFor(media) - used;
    }

    internal AgentInteraction? Find(InteractionId id)
    {
        foreach (var interaction in Interactions)
        {
            if (interaction.InteractionId == id)
            {
                return interaction;
            }
        }

        return null;
    }

    // ----- selectors (pure): the ONE place that decides where an agent rests when work changes ---------

    /// <summary>Where the agent rests given how many interactions remain and whether an offer is pending.</summary>
    internal AgentState RestingState(int interactions, bool offerPending)
    {
        if (interactions > 0)
        {
            return AgentState.Busy;
        }

        if (offerPending)
        {
            return Intent is { Kind: DeferredIntentKind.LogOut } ? AgentState.LogoutPending : AgentState.Reserved;
        }

        return Intent switch
        {
            { Kind: DeferredIntentKind.LogOut } => AgentState.LoggedOut,
            { Kind: DeferredIntentKind.NotReady } => AgentState.NotReady,
            _ => AgentState.Ready,
        };
    }

    internal AgentState StateAfterMiss() =>
        MissReachesLimit && Intent is null ? AgentState.NotReady : RestingState(0, offerPending: false);

    internal AgentState StateAfterRelease() => RestingState(0, offerPending: false);

    internal AgentState StateAfterEnding()
    {
        var ending = Find(ArgId)!;
        int remaining = Interactions.Length - 1;
        bool voiceRemains = false;
        foreach (var interaction in Interactions)
        {
            if (interaction.InteractionId != ArgId && AgentCapacity.IsVoice(interaction.Media))
            {
                voiceRemains = true;
            }
        }

        if (AgentCapacity.IsVoice(ending.Media) && !voiceRemains && Options.AfterCallWork.DurationFor(ending.Queue) > Duration.Zero)
        {
            return AgentState.AfterCallWork;
        }

        return RestingState(remaining, Offer is not null);
    }

    internal AgentState StateAfterAfterCallWork() => RestingState(Interactions.Length, Offer is not null);

    internal AgentState StateAfterReadyFromAfterCallWork() =>
        Interactions.Length > 0 ? AgentState.Busy : Offer is not null ? AgentState.Reserved : AgentState.Ready;

    // ----- actions -----------------------------------------------------------------------------------

    internal void EmitStateChanged(Transition<AgentState, AgentTrigger> transition)
    {
        if (transition.Destination != AgentState.NotReady)
        {
            NotReadyReason = null;
        }

        if (transition.Source != transition.Destination || transition.Destination == AgentState.NotReady)
        {
            Outbox.Add(new AgentStateChanged(Id, Time.Now, Correlation, transition.Source, transition.Destination, transition.Trigger, NotReadyReason));
        }
    }

    internal void EnterNotReady(Transition<AgentState, AgentTrigger> transition)
    {
        switch (transition.Trigger)
        {
            case AgentTrigger.SetNotReady:
                NotReadyReason = ArgReason;
                break;
            case AgentTrigger.LogIn:
                NotReadyReason = Options.LogInReason;
                break;
            default:
                NotReadyReason = Intent?.NotReadyReason ?? Options.MissedOffersReason;
                ResolveIntent(DeferredIntentStatus.Granted);
                ConsecutiveMissedOffers = 0;
                break;
        }
    }

    internal void EnterLoggedOut()
    {
        if (Intent is not null)
        {
            ResolveIntent(Intent.Kind == DeferredIntentKind.LogOut ? DeferredIntentStatus.Granted : DeferredIntentStatus.Cancelled);
        }

        CancelTimer(TimerKind.Offer);
        CancelTimer(TimerKind.AfterCallWork);
        CancelTimer(TimerKind.LogoutTick);
        Offer = null;
        ConsecutiveMissedOffers = 0;
    }

    internal void RecordOffer()
    {
        var offer = ArgOffer!;
        Offer = offer;
        Outbox.Add(new AgentOfferReserved(Id, Time.Now, Correlation, offer));
        StartTimer(TimerKind.Offer, offer.ExpiresAt - Time.Now);
    }

    internal void AddInteraction(AgentInteraction interaction)
    {
        var list = new AgentInteraction[Interactions.Length + 1];
        Interactions.CopyTo(list, 0);
        list[list.Length - 1] = interaction;
        Interactions = list;
        Outbox.Add(new AgentInteractionStarted(Id, Time.Now, Correlation, interaction));
    }

    internal void StartInteraction() => AddInteraction(ArgInteraction!);

    internal void RemoveInteraction()
    {
        var ending = Find(ArgId)!;
        var list = new AgentInteraction[Interactions.Length - 1];
        int j = 0;
        foreach (var interaction in Interactions)
        {
            if (interaction.InteractionId != ArgId)
            {
                list[j++] = interaction;
            }
        }

        Interactions = list;
        AfterCallWorkQueue = ending.Queue;
        Outbox.Add(new AgentInteractionEnded(Id, Time.Now, Correlation, ending));
    }

    /// <summary>Ends the pending offer as the trigger says; a logout or intent trigger keeps it.</summary>
    internal void ResolveOffer(AgentTrigger trigger, bool countMisses)
    {
        var offer = Offer;
        if (offer is null)
        {
            return;
        }

        switch (trigger)
        {
            case AgentTrigger.AcceptOffer:
                Offer = null;
                CancelTimer(TimerKind.Offer);
                ConsecutiveMissedOffers = 0;
                AddInteraction(new AgentInteraction(offer.InteractionId, offer.Media, offer.Queue));
                break;
            case AgentTrigger.RejectOffer:
                EndOffer(offer, OfferOutcome.Rejected, countMisses);
                break;
            case AgentTrigger.OfferTimedOut:
                EndOffer(offer, OfferOutcome.TimedOut, countMisses);
                break;
            case AgentTrigger.ReleaseReservation:
                EndOffer(offer, OfferOutcome.Released, countMiss: false);
                break;
            case AgentTrigger.LogoutDeadlineReached:
                EndOffer(offer, OfferOutcome.Revoked, countMiss: false);
                break;
            default:
                break;
        }
    }

    internal void RequestIntent(DeferredIntentKind kind, string? reason, DeferredIntentOrigin origin)
    {
        // Only a not-ready intent can be pending here (guards refuse while a logout is pending):
        // the newer request supersedes it.
        ResolveIntent(DeferredIntentStatus.Superseded);

        var intent = new DeferredIntent(Ids.Next(), kind, reason, origin, Time.Now, null, DeferredIntentStatus.Pending);
        Intent = intent;
        Outbox.Add(new DeferredIntentRequested(Id, Time.Now, Correlation, intent));
    }

    internal void ResolveIntent(DeferredIntentStatus status)
    {
        if (Intent is { } intent)
        {
            Intent = null;
            Outbox.Add(new DeferredIntentResolved(Id, Time.Now, Correlation, intent with { Status = status }));
        }
    }

    internal void EnterLogoutPending()
    {
        var now = Time.Now;
        var deadline = now + Options.LogoutDeadline;
        DeferredIntent intent;
        if (Intent is { Kind: DeferredIntentKind.LogOut } pending)
        {
            // A logout requested while busy: the same intent gets its deadline.
            intent = pending with { Deadline = deadline };
        }
        else
        {
            // LogOut while reserved: a pending not-ready intent is replaced by the logout.
            ResolveIntent(DeferredIntentStatus.Superseded);
            intent = new DeferredIntent(Ids.Next(), DeferredIntentKind.LogOut, null, DeferredIntentOrigin.Agent, now, deadline, DeferredIntentStatus.Pending);
        }

        Intent = intent;
        CountdownCorrelation = Correlation;
        Outbox.Add(new DeferredIntentRequested(Id, now, Correlation, intent));
        Outbox.Add(new LogoutCountdownTicked(Id, now, Correlation, Options.LogoutDeadline));
        StartTimer(TimerKind.LogoutTick, Min(Duration.FromSeconds(1), Options.LogoutDeadline));
    }

    internal void ExitLogoutPending(Transition<AgentState, AgentTrigger> transition)
    {
        CancelTimer(TimerKind.LogoutTick);
        switch (transition.Trigger)
        {
            case AgentTrigger.CancelIntent:
                ResolveIntent(DeferredIntentStatus.Cancelled);
                break;
            case AgentTrigger.OverrideIntent:
                ResolveIntent(DeferredIntentStatus.Overridden);
                break;
            case AgentTrigger.AcceptOffer:
                // The dialer delivered the call: the logout waits for this work to end, without a deadline.
                // The change is published so that a subscriber's view of the pending intent stays the agent's.
                ResolveOffer(transition.Trigger, countMisses: false);
                var intent = Intent! with { Deadline = null };
                Intent = intent;
                Outbox.Add(new DeferredIntentRequested(Id, Time.Now, Correlation, intent));
                break;
            default:
                ResolveOffer(transition.Trigger, countMisses: false);
                break;
        }
    }

    /// <summary>Publishes a countdown tick, or returns false when the deadline is reached.</summary>
    internal bool TickLogoutCountdown()
    {
        var remaining = Intent!.Deadline!.Value - Time.Now;
        if (remaining <= Duration.Zero)
        {
            Outbox.Add(new LogoutCountdownTicked(Id, Time.Now, Correlation, Duration.Zero));
            return false;
        }

        Outbox.Add(new LogoutCountdownTicked(Id, Time.Now, Correlation, remaining));
        StartTimer(TimerKind.LogoutTick, Min(Duration.FromSeconds(1), remaining));
        return true;
    }

    internal void EnterAfterCallWork()
    {
        var endsAt = Time.Now + Options.AfterCallWork.DurationFor(AfterCallWorkQueue);
        AfterCallWorkEndsAt = endsAt;
        AfterCallWorkExtensions = 0;
        Outbox.Add(new AfterCallWorkStarted(Id, Time.Now, Correlation, AfterCallWorkQueue, endsAt));
        StartTimer(TimerKind.AfterCallWork, endsAt - Time.Now);
    }

    internal void ExtendAfterCallWork()
    {
        var endsAt = AfterCallWorkEndsAt!.Value + Options.AfterCallWork.Extension;
        AfterCallWorkEndsAt = endsAt;
        AfterCallWorkExtensions++;
        Outbox.Add(new AfterCallWorkExtended(Id, Time.Now, Correlation, AfterCallWorkExtensions, endsAt));
        StartTimer(TimerKind.AfterCallWork, endsAt - Time.Now);
    }

    internal void ExitAfterCallWork(Transition<AgentState, AgentTrigger> transition)
    {
        CancelTimer(TimerKind.AfterCallWork);
        AfterCallWorkEndsAt = null;
        AfterCallWorkExtensions = 0;
        AfterCallWorkQueue = null;
        if (transition.Trigger == AgentTrigger.SetReady)
        {
            ResolveIntent(DeferredIntentStatus.Cancelled);
        }
        else if (transition.Trigger == AgentTrigger.AcceptOffer)
        {
            ResolveOffer(transition.Trigger, countMisses: true);
        }
    }

    // ----- timers ------------------------------------------------------------------------------------

    internal bool IsCurrent(TimerKind kind, long generation) => kind switch
    {
        TimerKind.Offer => _offerTimer is not null && generation == OfferTimerGeneration,
        TimerKind.AfterCallWork => _afterCallWorkTimer is not null && generation == AfterCallWorkTimerGeneration,
        _ => _logoutTimer is not null && generation == LogoutTimerGeneration,
    };

    internal void TimerFired(TimerKind kind)
    {
        switch (kind)
        {
            case TimerKind.Offer:
                _offerTimer = null;
                break;
            case TimerKind.AfterCallWork:
                _afterCallWorkTimer = null;
                break;
            default:
                _logoutTimer = null;
                break;
        }
    }

    private void StartTimer(TimerKind kind, Duration dueIn)
    {
        CancelTimer(kind);
        long generation = kind switch
        {
            TimerKind.Offer => ++OfferTimerGeneration,
            TimerKind.AfterCallWork => ++AfterCallWorkTimerGeneration,
            _ => ++LogoutTimerGeneration,
        };
        var owner = Owner;

        // Mark the timer as armed before scheduling: a scheduler may run a due action synchronously.
        SetTimer(kind, EmptyTimer.Instance);
        var handle = Time.Schedule(dueIn, () => owner.OnTimer(kind, generation));
        if (IsCurrent(kind, generation))
        {
            SetTimer(kind, handle);
        }
    }

    private void CancelTimer(TimerKind kind)
    {
        switch (kind)
        {
            case TimerKind.Offer:
                _offerTimer?.Dispose();
                _offerTimer = null;
                OfferTimerGeneration++;
                break;
            case TimerKind.AfterCallWork:
                _afterCallWorkTimer?.Dispose();
                _afterCallWorkTimer = null;
                AfterCallWorkTimerGeneration++;
                break;
            default:
                _logoutTimer?.Dispose();
                _logoutTimer = null;
                LogoutTimerGeneration++;
                break;
        }
    }

    private void SetTimer(TimerKind kind, IDisposable handle)
    {
        switch (kind)
        {
            case TimerKind.Offer:
                _offerTimer = handle;
                break;
            case TimerKind.AfterCallWork:
                _afterCallWorkTimer = handle;
                break;
            default:
                _logoutTimer = handle;
                break;
        }
    }

    private void EndOffer(AgentOffer offer, OfferOutcome outcome, bool countMiss)
    {
        Offer = null;
        CancelTimer(TimerKind.Offer);
        bool limitReached = false;
        if (countMiss)
        {
            ConsecutiveMissedOffers++;
            limitReached = Options.MaxConsecutiveMissedOffers > 0 && ConsecutiveMissedOffers >= Options.MaxConsecutiveMissedOffers;
        }

        Outbox.Add(new AgentOfferEnded(Id, Time.Now, Correlation, offer, outcome, ConsecutiveMissedOffers));
        if (limitReached)
        {
            ConsecutiveMissedOffers = 0;
            if (Intent is null)
            {
                RequestIntent(DeferredIntentKind.NotReady, Options.MissedOffersReason, DeferredIntentOrigin.System);
            }
        }
    }

    private static Duration Min(Duration a, Duration b) => a < b ? a : b;

    private sealed class EmptyTimer : IDisposable
    {
        public static readonly EmptyTimer Instance = new();

        public void Dispose()
        {
        }
    }
}
