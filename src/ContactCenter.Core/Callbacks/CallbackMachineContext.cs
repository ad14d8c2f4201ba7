using System;
using System.Collections.Generic;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.StateMachines;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// The private per-callback data that the guards and actions of <see cref="Callback.Definition"/> work on.
/// Only the SDK creates it: it appears in the definition's type so that the definition can be exported
/// (<see cref="StateMachineDefinition{TState, TTrigger, TContext}.ToMermaidGraph"/>), and has no public members.
/// </summary>
public sealed class CallbackMachineContext
{
    private readonly TimerSlot _dueTimer = new();
    private readonly TimerSlot _windowTimer = new();
    private Instant? _voiceMessageAnchor;

    internal CallbackMachineContext(Callback owner, CallbackId id, CallbackOptions options, ITimeSource time, CallbackSchedule schedule, Instant? voiceMessageAnchor)
    {
        Owner = owner;
        Id = id;
        Options = options;
        Time = time;
        Schedule = schedule;
        _voiceMessageAnchor = voiceMessageAnchor;
        QueuedSince = voiceMessageAnchor ?? schedule.DueAt;
    }

    internal Callback Owner { get; }

    internal CallbackId Id { get; }

    internal CallbackOptions Options { get; }

    internal ITimeSource Time { get; }

    internal CallbackSchedule Schedule { get; private set; }

    internal CallbackSchedule? PendingReschedule { get; private set; }

    /// <summary>Whether the current schedule was set by a reschedule (not at creation, not by an automatic retry).</summary>
    internal bool IsRescheduled { get; private set; }

    internal Instant QueuedSince { get; private set; }

    internal Instant? DueSince { get; private set; }

    internal CallbackOffer? CurrentOffer { get; private set; }

    internal CallbackAttempt[] Attempts { get; private set; } = [];

    internal CallbackEndReason? EndReason { get; private set; }

    // ----- arguments of the firing in progress (set under the callback's lock just before firing) -----

    internal Guid Correlation { get; set; }

    internal CallbackOffer? ArgOffer { get; set; }

    internal ContactNumber? ArgNumber { get; set; }

    internal CallbackAttemptResult ArgResult { get; set; }

    internal CallbackSchedule? ArgSchedule { get; set; }

    /// <summary>Events raised by the firing in progress, in order; the callback publishes them afterwards.</summary>
    internal List<CallbackEvent> Outbox { get; } = [];

    internal long LastSequence { get; private set; }

    // ----- guards (pure) ---------------------------------------------------------------------------

    internal bool HasPendingReschedule => PendingReschedule is not null;

    internal CallbackAttempt? LastAttempt => Attempts.Length == 0 ? null : Attempts[Attempts.Length - 1];

    /// <summary>The number the current (or next) attempt carries: attempts made before the agent's current session, plus one.</summary>
    internal int AttemptNumber(CallbackState state) =>
        state is CallbackState.InProgress or CallbackState.WrapUp ? Attempts.Length : Attempts.Length + 1;

    // ----- selectors (pure) ---------------------------------------------------------------------------

    /// <summary>Where Mark done leads after an attempt: the pending reschedule, completion, a retry, or failure.</summary>
    internal CallbackState StateAfterDone()
    {
        if (PendingReschedule is not null)
        {
            return CallbackState.Scheduled;
        }

        return FailureReason() switch
        {
            null => CallbackState.Scheduled,
            CallbackEndReason.Completed => CallbackState.Completed,
            _ => CallbackState.Failed,
        };
    }

    /// <summary>Without a pending reschedule: <see cref="CallbackEndReason.Completed"/>, a failure reason, or null for an automatic retry.</summary>
    internal CallbackEndReason? FailureReason()
    {
        var result = LastAttempt?.Result;
        if (result == CallbackAttemptResult.Reached)
        {
            return CallbackEndReason.Completed;
        }

        if (result is { } r && CallbackAttemptResults.IsUnusableNumber(r))
        {
            return CallbackEndReason.UnusableNumber;
        }

        if (Attempts.Length >= Options.MaxAttempts)
        {
            return CallbackEndReason.AttemptsExhausted;
        }

        return Schedule.Window is { HasEnd: true } window && RetryDueAt() >= window.End
            ? CallbackEndReason.WindowExpired
            : null;
    }

    internal Instant RetryDueAt()
    {
        var at = Time.Now + Options.RetryDelay;
        return Schedule.Window is { HasStart: true } window && window.Start > at ? window.Start : at;
    }

    // ----- actions -----------------------------------------------------------------------------------

    internal void EmitStateChanged(Transition<CallbackState, CallbackTrigger> transition) =>
        Emit(sequence => new CallbackStateChanged(Id, sequence, Time.Now, Correlation, transition.Trigger, transition.Source, transition.Destination, EndReason));

    /// <summary>The stored part of the callback's data, for <see cref="Callback.ToSnapshot"/>.</summary>
    internal CallbackSnapshot ToSnapshot(Callback owner, CallbackState state) =>
        new(Id, owner.Kind, state, owner.CreatedAt, Schedule, QueuedSince, Array.AsReadOnly(Attempts), LastSequence)
        {
            Subject = owner.Subject,
            CustomerZone = owner.CustomerZone,
            PreferredAgentId = owner.PreferredAgentId,
            Queue = owner.Queue,
            CampaignId = owner.CampaignId,
            MessageReference = owner.MessageReference,
            PendingReschedule = PendingReschedule,
            IsRescheduled = IsRescheduled,
            DueSince = DueSince,
            VoiceMessageAnchor = _voiceMessageAnchor,
            CurrentOffer = CurrentOffer,
            EndReason = EndReason,
        };

    /// <summary>Takes the stored data back (before the machine is rehydrated); no event, no timer.</summary>
    internal void Restore(CallbackSnapshot snapshot)
    {
        PendingReschedule = snapshot.PendingReschedule;
        IsRescheduled = snapshot.IsRescheduled;
        QueuedSince = snapshot.QueuedSince;
        DueSince = snapshot.DueSince;
        _voiceMessageAnchor = snapshot.VoiceMessageAnchor;
        CurrentOffer = snapshot.CurrentOffer;
        Attempts = [.. snapshot.Attempts];
        EndReason = snapshot.EndReason;
        LastSequence = snapshot.Sequence;
    }

    /// <summary>Re-arms the timers of a restored callback from its stored instants: due timer while scheduled, window end until terminal.</summary>
    internal void RearmAfterRestore(CallbackState state)
    {
        if (state is CallbackState.Completed or CallbackState.Cancelled or CallbackState.Failed)
        {
            return;
        }

        if (state == CallbackState.Scheduled)
        {
            ArmDueTimer();
        }

        ArmWindowTimer();
    }

    /// <summary>Arms the timers of a new callback: its due timer (when scheduled) and its window's end.</summary>
    internal void Start(bool due)
    {
        if (due)
        {
            EnterDuePeriod();
        }
        else
        {
            ArmDueTimer();
        }

        ArmWindowTimer();
    }

    internal void EnterScheduled(Transition<CallbackState, CallbackTrigger> transition)
    {
        CurrentOffer = null;
        DueSince = null;
        if (transition.Trigger == CallbackTrigger.Reschedule)
        {
            ApplySchedule(ArgSchedule!, isRetry: false, transition.Trigger);
        }
        else if (PendingReschedule is { } pending)
        {
            PendingReschedule = null;
            ApplySchedule(pending, isRetry: false, transition.Trigger);
        }
        else
        {
            ApplySchedule(Schedule with { DueAt = RetryDueAt() }, isRetry: true, transition.Trigger);
        }

        ArmDueTimer();
    }

    internal void RescheduleWhileScheduled()
    {
        ApplySchedule(ArgSchedule!, isRetry: false, CallbackTrigger.Reschedule);
        ArmDueTimer();
    }

    internal void ExitScheduled() => _dueTimer.Cancel();

    /// <summary>A new due period (from the due timer, or <see cref="Callback.MarkDue"/>): the preferred-agent wait and the queue position start now.</summary>
    internal void EnterDuePeriod()
    {
        var now = Time.Now;
        DueSince = now;
        QueuedSince = _voiceMessageAnchor ?? (Schedule.DueAt < now ? Schedule.DueAt : now);
    }

    internal void RecordOffer()
    {
        var offer = ArgOffer!;
        CurrentOffer = offer;
        Emit(sequence => new CallbackOffered(Id, sequence, Time.Now, Correlation, CallbackTrigger.Offer, offer));
    }

    internal void EndOffer(Transition<CallbackState, CallbackTrigger> transition)
    {
        var offer = CurrentOffer!;
        var outcome = transition.Trigger switch
        {
            CallbackTrigger.Accept => CallbackOfferOutcome.Accepted,
            CallbackTrigger.Decline => CallbackOfferOutcome.Declined,
            CallbackTrigger.OfferTimedOut => CallbackOfferOutcome.TimedOut,
            _ => CallbackOfferOutcome.Withdrawn,
        };
        if (outcome != CallbackOfferOutcome.Accepted)
        {
            CurrentOffer = null;
        }

        Emit(sequence => new CallbackOfferEnded(Id, sequence, Time.Now, Correlation, transition.Trigger, offer, outcome));
    }

    internal void OpenAttempt()
    {
        var offer = CurrentOffer!;
        var attempt = new CallbackAttempt(Attempts.Length + 1, Time.Now, null, ArgNumber ?? Schedule.Number, offer.AgentId, offer.InteractionId, null);
        var list = new CallbackAttempt[Attempts.Length + 1];
        Attempts.CopyTo(list, 0);
        list[list.Length - 1] = attempt;
        Attempts = list;
        Emit(sequence => new CallbackAttemptStarted(Id, sequence, Time.Now, Correlation, CallbackTrigger.Dial, attempt));
    }

    internal void CloseAttempt()
    {
        var list = (CallbackAttempt[])Attempts.Clone();
        var attempt = list[list.Length - 1] with { EndedAt = Time.Now, Result = ArgResult };
        list[list.Length - 1] = attempt;
        Attempts = list;
        Emit(sequence => new CallbackAttemptEnded(Id, sequence, Time.Now, Correlation, CallbackTrigger.RecordResult, attempt));
    }

    internal void SetPendingReschedule()
    {
        var schedule = ArgSchedule!;
        PendingReschedule = schedule;
        Emit(sequence => new CallbackReschedulePending(Id, sequence, Time.Now, Correlation, CallbackTrigger.Reschedule, schedule));
    }

    internal void WithdrawPendingReschedule()
    {
        var schedule = PendingReschedule!;
        PendingReschedule = null;
        Emit(sequence => new CallbackRescheduleWithdrawn(Id, sequence, Time.Now, Correlation, CallbackTrigger.Unschedule, schedule));
    }

    /// <summary>Sets the terminal reason (before the state change is published) and stops every timer.</summary>
    internal void EnterTerminal(Transition<CallbackState, CallbackTrigger> transition)
    {
        EndReason = (transition.Destination, transition.Trigger) switch
        {
            (CallbackState.Completed, _) => CallbackEndReason.Completed,
            (CallbackState.Cancelled, CallbackTrigger.Unschedule) => CallbackEndReason.Unscheduled,
            (CallbackState.Cancelled, _) => CallbackEndReason.Cancelled,
            (_, CallbackTrigger.WindowExpired) => CallbackEndReason.WindowExpired,
            _ => FailureReason() ?? CallbackEndReason.AttemptsExhausted,
        };
        CurrentOffer = null;
        PendingReschedule = null;
        DueSince = null;
        _dueTimer.Cancel();
        _windowTimer.Cancel();
    }

    // ----- timers ------------------------------------------------------------------------------------

    internal bool IsCurrentDueTimer(long generation) => _dueTimer.IsCurrent(generation);

    internal bool IsCurrentWindowTimer(long generation) => _windowTimer.IsCurrent(generation);

    internal void DueTimerFired() => _dueTimer.Fired();

    internal void WindowTimerFired() => _windowTimer.Fired();

    private void ApplySchedule(CallbackSchedule schedule, bool isRetry, CallbackTrigger cause)
    {
        var previous = Schedule;
        Schedule = schedule;
        IsRescheduled = !isRetry;
        _voiceMessageAnchor = null;
        QueuedSince = schedule.DueAt;
        ArmWindowTimer();
        Emit(sequence => new CallbackRescheduled(Id, sequence, Time.Now, Correlation, cause, previous, schedule, isRetry));
    }

    private void ArmDueTimer()
    {
        var owner = Owner;
        _dueTimer.Start(Time, Schedule.DueAt - Time.Now, generation => owner.OnDueTimer(generation));
    }

    private void ArmWindowTimer()
    {
        _windowTimer.Cancel();
        if (Schedule.Window is { HasEnd: true } window)
        {
            var owner = Owner;
            _windowTimer.Start(Time, window.End - Time.Now, generation => owner.OnWindowTimer(generation));
        }
    }

    private void Emit(Func<long, CallbackEvent> create) => Outbox.Add(create(++LastSequence));

    /// <summary>
    /// One timer: a generation number tells a firing that was cancelled or replaced meanwhile from the current one.
    /// </summary>
    private sealed class TimerSlot
    {
        private IDisposable? _handle;
        private long _generation;

        public bool IsCurrent(long generation) => _handle is not null && generation == _generation;

        public void Fired() => _handle = null;

        public void Start(ITimeSource time, Duration dueIn, Action<long> fire)
        {
            Cancel();
            long generation = _generation;

            // Marked as armed before scheduling: a scheduler may run a due action synchronously.
            _handle = EmptyHandle.Instance;
            var handle = time.Schedule(dueIn, () => fire(generation));
            if (IsCurrent(generation))
            {
                _handle = handle;
            }
        }

        public void Cancel()
        {
            _handle?.Dispose();
            _handle = null;
            _generation++;
        }
    }

    private sealed class EmptyHandle : IDisposable
    {
        public static readonly EmptyHandle Instance = new();

        public void Dispose()
        {
        }
    }
}
