using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.StateMachines;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// A record of a campaign's calling list, live: its state (ready, scheduled for a retry, delivered and previewed by an
/// agent, dialing, connected, done), its attempts, skips, retry instant, disposition, and why it waits when no number may
/// be dialled now. Commands go through its <see cref="Campaign"/>; the record answers which are permitted now.
/// </summary>
/// <remarks>Thread-safe: it shares its campaign's lock, so every read is a consistent snapshot.</remarks>
public sealed class CallingRecord
{
    private readonly Campaign _owner;
    private StateMachine<CallingRecordState, CallingRecordTrigger, CallingRecord> _machine;
    private readonly string?[] _unusable;
    private RecordAttempt[] _attempts = [];
    private IDisposable? _previewTimer;
    private long _previewGeneration;
    private Instant? _previewDeadline;

    internal CallingRecord(Campaign owner, CallingRecordData data, long ticket)
    {
        _owner = owner;
        Data = data;
        Ticket = ticket;
        _unusable = new string?[data.Numbers.Count];
        _machine = CampaignMachines.Record.CreateMachine(this);
    }

    /// <summary>
    /// The calling record's state machine, shared by every record: export it with
    /// <see cref="StateMachineDefinition{TState, TTrigger, TContext}.ToMermaidGraph"/> for documentation.
    /// </summary>
    public static StateMachineDefinition<CallingRecordState, CallingRecordTrigger, CallingRecord> Definition => CampaignMachines.Record;

    /// <summary>The record's id.</summary>
    public string Id => Data.Id;

    /// <summary>The record as loaded.</summary>
    public CallingRecordData Data { get; }

    /// <summary>The contact's name.</summary>
    public string ContactName => Data.ContactName;

    /// <summary>The contact's numbers, in list order.</summary>
    public IReadOnlyList<RecordNumber> Numbers => Data.Numbers;

    /// <summary>The current state.</summary>
    public CallingRecordState State => Read(static r => r._machine.State);

    /// <summary>Every attempt, oldest first; the last is open while <see cref="CallingRecordState.Dialing"/> or <see cref="CallingRecordState.Connected"/>.</summary>
    public IReadOnlyList<RecordAttempt> Attempts => Read(static r => Array.AsReadOnly(r._attempts));

    /// <summary>How many times agents skipped the record.</summary>
    public int SkipCount => Read(static r => r.Skips);

    /// <summary>When a <see cref="CallingRecordState.Scheduled"/> record is due again; else <see langword="null"/>.</summary>
    public Instant? RetryAt => Read(static r => r._machine.State == CallingRecordState.Scheduled ? r.RetryInstant : null);

    /// <summary>The agent who holds the record (preview), or whose call it is (dialing for that agent, connected); else <see langword="null"/>.</summary>
    public string? AgentId => Read(static r => r.Agent);

    /// <summary>The disposition, once <see cref="CallingRecordState.Done"/>.</summary>
    public string? Disposition => Read(static r => r.FinalDisposition);

    /// <summary>Why the record ended, once <see cref="CallingRecordState.Done"/>.</summary>
    public RecordEndReason? EndReason => Read(static r => r.FinalReason);

    /// <summary>Why the record, though due, was not delivered at the last delivery (no number may be dialled); <see langword="null"/> when it is not waiting.</summary>
    public RecordWait? WaitReason => Read(static r => r.Wait);

    /// <summary>Whether the record reached its final disposition.</summary>
    public bool IsDone => State == CallingRecordState.Done;

    /// <summary>The commands permitted now, in <see cref="CallingRecordCommand"/> order (arguments are not checked).</summary>
    public IReadOnlyList<CallingRecordCommand> PermittedCommands => Read(static r => r.PermittedCore());

    internal long Ticket { get; private set; }

    internal int Skips { get; private set; }

    internal Instant? RetryInstant { get; private set; }

    internal string? Agent { get; private set; }

    internal string? FinalDisposition { get; private set; }

    internal RecordEndReason? FinalReason { get; private set; }

    internal RecordWait? Wait { get; set; }

    internal DialTask? CurrentTask { get; private set; }

    internal CallingRecordState CurrentState => _machine.State;

    // ----- arguments of the firing in progress (set under the campaign's lock just before firing) -----

    internal string? ArgAgentId { get; set; }

    internal int ArgNumberIndex { get; set; }

    internal string? ArgExplanation { get; set; }

    internal CampaignCallResult ArgResult { get; set; }

    internal CallingRecordState ArgDestination { get; set; }

    internal Instant ArgRetryAt { get; set; }

    internal string? ArgRetryReason { get; set; }

    internal string? ArgDisposition { get; set; }

    internal RecordEndReason ArgEndReason { get; set; }

    internal bool ArgMarkUnusable { get; set; }

    /// <summary>Why the number at <paramref name="index"/> is no longer dialled for this record (a fax or an invalid-number result), or <see langword="null"/> when it is usable.</summary>
    /// <param name="index">The number's position in <see cref="Numbers"/>.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a position of <see cref="Numbers"/>.</exception>
    public string? UnusableReason(int index)
    {
        if (index < 0 || index >= _unusable.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Record {Id} has {_unusable.Length} number(s).");
        }

        return Read(r => r._unusable[index]);
    }

    /// <summary>
    /// Everything needed to restore the record at its current state (<see cref="Campaign.Restore"/>), with its attempts and
    /// results, taken under its campaign's lock: what a store writes.
    /// </summary>
    /// <returns>The snapshot.</returns>
    public CallingRecordSnapshot ToSnapshot() => Read(static r => r.SnapshotCore());

    internal int Position { get; set; }

    internal CallingRecordSnapshot SnapshotCore()
    {
        bool anyUnusable = Array.Exists(_unusable, static u => u is not null);
        return new CallingRecordSnapshot(_owner.Id, Id, Position, _machine.State, Ticket, Array.AsReadOnly(_attempts))
        {
            SkipCount = Skips,
            RetryAt = RetryInstant,
            AgentId = Agent,
            Disposition = FinalDisposition,
            EndReason = FinalReason,
            Wait = Wait,
            UnusableNumbers = anyUnusable ? Array.AsReadOnly((string?[])_unusable.Clone()) : [],
            PreviewDeadline = _previewDeadline,
        };
    }

    /// <summary>Takes a stored record back: its state without entry actions, its attempts, and its preview timer re-armed from the stored deadline.</summary>
    internal void RestoreFrom(CallingRecordSnapshot snapshot)
    {
        if (snapshot.UnusableNumbers.Count is not 0 && snapshot.UnusableNumbers.Count != _unusable.Length)
        {
            throw new ArgumentException($"Record {Id}: {snapshot.UnusableNumbers.Count} unusable-number entries for {_unusable.Length} number(s).", nameof(snapshot));
        }

        var attempts = new RecordAttempt[snapshot.Attempts.Count];
        for (int i = 0; i < attempts.Length; i++)
        {
            var attempt = snapshot.Attempts[i];
            int index = IndexOf(attempt.Number);
            if (index < 0)
            {
                index = IndexOfPhone(attempt.Number);
            }

            attempts[i] = index < 0 ? attempt : attempt with { Number = Numbers[index] };
        }

        if (snapshot.State is CallingRecordState.Dialing or CallingRecordState.Connected && (attempts.Length == 0 || !attempts[attempts.Length - 1].IsOpen))
        {
            throw new ArgumentException($"Record {Id} is {snapshot.State} but its snapshot holds no open attempt.", nameof(snapshot));
        }

        StopPreviewTimer();
        _attempts = attempts;
        for (int i = 0; i < _unusable.Length; i++)
        {
            _unusable[i] = snapshot.UnusableNumbers.Count == 0 ? null : snapshot.UnusableNumbers[i];
        }

        Ticket = snapshot.Ticket;
        Skips = snapshot.SkipCount;
        RetryInstant = snapshot.RetryAt;
        Agent = snapshot.AgentId;
        FinalDisposition = snapshot.Disposition;
        FinalReason = snapshot.EndReason;
        Wait = snapshot.Wait;
        CurrentTask = null;
        _machine = CampaignMachines.Record.Rehydrate(this, snapshot.State);
        if (snapshot.State == CallingRecordState.Dialing)
        {
            var open = attempts[attempts.Length - 1];
            CurrentTask = new DialTask(_owner.Id, Id, open.InteractionId, open.Number, open.Ordinal, open.AgentId, _owner.Mode, open.StartedAt, "restored");
        }

        if (snapshot.State == CallingRecordState.Previewing && snapshot.PreviewDeadline is { } deadline)
        {
            ArmPreviewTimer(deadline);
        }
    }

    private int IndexOfPhone(RecordNumber number)
    {
        for (int i = 0; i < Numbers.Count; i++)
        {
            if (Numbers[i].Contact.Equals(number.Contact))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="command"/> is permitted now (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns><see langword="true"/> when permitted.</returns>
    public bool Can(CallingRecordCommand command) => WhyNot(command) is null;

    /// <summary>Why <paramref name="command"/> would be refused now, or <see langword="null"/> when permitted (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The refusal, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a defined command.</exception>
    public CallingRecordCommandRefusal? WhyNot(CallingRecordCommand command)
    {
        if (!EnumCheck.IsDefined(command))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, $"{command} is not a defined record command.");
        }

        return Read(r => r.WhyNotCore(command));
    }

    /// <inheritdoc />
    public override string ToString() => $"Record {Id} {State}";

    internal bool IsUsable(int index) => _unusable[index] is null;

    internal bool HasUsableNumber()
    {
        foreach (var reason in _unusable)
        {
            if (reason is null)
            {
                return true;
            }
        }

        return false;
    }

    internal int CountResults(CampaignCallResult result)
    {
        int count = 0;
        foreach (var attempt in _attempts)
        {
            if (attempt.Result == result)
            {
                count++;
            }
        }

        return count;
    }

    internal int AttemptCount => _attempts.Length;

    internal RecordAttempt? OpenAttemptOrNull => _attempts.Length > 0 && _attempts[_attempts.Length - 1].IsOpen ? _attempts[_attempts.Length - 1] : null;

    internal void Fire(CallingRecordTrigger trigger)
    {
        try
        {
            _machine.Fire(trigger);
        }
        finally
        {
            ClearArguments();
        }
    }

    internal void ClearArguments()
    {
        ArgAgentId = null;
        ArgNumberIndex = 0;
        ArgExplanation = null;
        ArgResult = default;
        ArgDestination = default;
        ArgRetryAt = default;
        ArgRetryReason = null;
        ArgDisposition = null;
        ArgEndReason = default;
        ArgMarkUnusable = false;
    }

    internal CallingRecordCommandRefusal? WhyNotCore(CallingRecordCommand command)
    {
        if (_machine.CanFire((CallingRecordTrigger)command))
        {
            return null;
        }

        var state = _machine.State;
        string message = (command, state) switch
        {
            (_, CallingRecordState.Done) => $"The record is done ({FinalDisposition}).",
            (CallingRecordCommand.Accept, _) => "The record is not delivered as a preview request.",
            (CallingRecordCommand.Skip, _) => "Only a record under preview is skipped.",
            (CallingRecordCommand.Dial, CallingRecordState.Dialing or CallingRecordState.Connected) => "A call to the record is already under way.",
            (CallingRecordCommand.Dial, CallingRecordState.Delivered) => "Accept the preview request first.",
            (CallingRecordCommand.Dial, _) => "Only a record under preview is dialled by an agent; dialers take records from the campaign.",
            (CallingRecordCommand.Connect or CallingRecordCommand.RecordResult, _) => "No call to the record is being placed.",
            (CallingRecordCommand.Complete, CallingRecordState.Dialing) => "A call is being placed: record its result first.",
            (CallingRecordCommand.Complete, _) => "Only a record under preview or connected is completed.",
            (CallingRecordCommand.Reschedule, _) => "Only a connected record is rescheduled.",
            _ => $"{command} is not permitted while the record is {state}.",
        };
        return new CallingRecordCommandRefusal(command, state, CallingRecordRefusalReason.WrongState, message);
    }

    internal ReadOnlyCollection<CallingRecordCommand> PermittedCore()
    {
        var permitted = new List<CallingRecordCommand>();
        foreach (var trigger in _machine.PermittedTriggers)
        {
            if (trigger <= CallingRecordTrigger.Reschedule)
            {
                permitted.Add((CallingRecordCommand)trigger);
            }
        }

        permitted.Sort();
        return permitted.AsReadOnly();
    }

    // ----- actions -----------------------------------------------------------------------------------

    internal void EmitStateChanged(Transition<CallingRecordState, CallingRecordTrigger> t) =>
        _owner.Emit((c, seq, at, corr) => new CallingRecordStateChanged(c, seq, at, corr, Id, t.Trigger, t.Source, t.Destination));

    internal void EnterSkipped()
    {
        var agent = Agent!;
        Agent = null;
        Skips++;
        Ticket = _owner.NextTicket();
        int skips = Skips;
        _owner.Emit((c, seq, at, corr) => new CallingRecordSkipped(c, seq, at, corr, Id, agent, skips));
    }

    internal void ReturnToList()
    {
        Agent = null;
        Wait = ArgExplanation is { } why ? new RecordWait(why, _owner.TimeSource.Now, ArgRetryAt == default ? null : ArgRetryAt) : null;
        if (Wait is { } wait)
        {
            _owner.Emit((c, seq, at, corr) => new CallingRecordWaiting(c, seq, at, corr, Id, wait));
        }
    }

    internal void EnterScheduled()
    {
        RetryInstant = ArgRetryAt;
        Agent = null;
        Wait = null;
    }

    internal void EmitRetryScheduled()
    {
        var retryAt = RetryInstant!.Value;
        var reason = ArgRetryReason ?? "rescheduled";
        _owner.Emit((c, seq, at, corr) => new CallingRecordRetryScheduled(c, seq, at, corr, Id, retryAt, reason));
    }

    internal void EnterDelivered()
    {
        Agent = ArgAgentId;
        RetryInstant = null;
        Wait = null;
    }

    internal void StartPreviewTimer()
    {
        if (_owner.Options.PreviewTimeout is not { } timeout)
        {
            return;
        }

        ArmPreviewTimer(_owner.TimeSource.Now + timeout);
    }

    private void ArmPreviewTimer(Instant deadline)
    {
        long generation = ++_previewGeneration;
        var owner = _owner;
        _previewDeadline = deadline;
        _previewTimer = owner.TimeSource.Schedule(deadline - owner.TimeSource.Now, () => owner.OnPreviewTimeout(this, generation));
    }

    internal void StopPreviewTimer()
    {
        _previewGeneration++;
        _previewTimer?.Dispose();
        _previewTimer = null;
        _previewDeadline = null;
    }

    internal bool IsCurrentPreviewTimer(long generation) => generation == _previewGeneration;

    internal void OpenAttempt()
    {
        RetryInstant = null;
        Wait = null;
        if (ArgAgentId is { } agent)
        {
            Agent = agent;
        }

        var now = _owner.TimeSource.Now;
        var number = Numbers[ArgNumberIndex];
        var attempt = new RecordAttempt(_attempts.Length + 1, InteractionId.New(), number, now, Agent, null, null);
        Append(attempt);
        CurrentTask = new DialTask(_owner.Id, Id, attempt.InteractionId, number, attempt.Ordinal, Agent, _owner.Mode, now, ArgExplanation ?? "chosen number");
    }

    internal void EmitDialled()
    {
        var task = CurrentTask!;
        _owner.Emit((c, seq, at, corr) => new CallingRecordDialled(c, seq, at, corr, Id, task));
    }

    internal void ExitDialing(Transition<CallingRecordState, CallingRecordTrigger> t)
    {
        var now = _owner.TimeSource.Now;
        var open = _attempts[_attempts.Length - 1];
        RecordAttempt closed;
        if (t.Trigger == CallingRecordTrigger.Connect)
        {
            Agent = ArgAgentId ?? Agent;
            closed = open with { Result = CampaignCallResult.LiveAnswer, AgentId = Agent };
        }
        else
        {
            closed = open with { Result = ArgResult, EndedAt = now, AgentId = ArgAgentId ?? open.AgentId };
            if (ArgMarkUnusable)
            {
                int index = IndexOf(open.Number);
                _unusable[index] = ArgResult == CampaignCallResult.Fax ? "a fax answered" : "invalid number (SIT)";
            }
        }

        ReplaceLast(closed);
        CurrentTask = null;
        _owner.Emit((c, seq, at, corr) => new CallingRecordCallResult(c, seq, at, corr, Id, closed));
    }

    internal void CloseAttempt()
    {
        var open = _attempts[_attempts.Length - 1];
        ReplaceLast(open with { EndedAt = _owner.TimeSource.Now });
    }

    internal void EnterDone()
    {
        FinalDisposition = ArgDisposition ?? _owner.Options.DefaultDisposition;
        FinalReason = ArgEndReason;
        Agent = null;
        RetryInstant = null;
        Wait = null;
    }

    internal void EmitCompleted()
    {
        var disposition = FinalDisposition!;
        var reason = FinalReason!.Value;
        _owner.Emit((c, seq, at, corr) => new CallingRecordCompleted(c, seq, at, corr, Id, disposition, reason));
    }

    internal int IndexOf(RecordNumber number)
    {
        for (int i = 0; i < Numbers.Count; i++)
        {
            if (ReferenceEquals(Numbers[i], number))
            {
                return i;
            }
        }

        for (int i = 0; i < Numbers.Count; i++)
        {
            if (Numbers[i].Equals(number))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(RecordAttempt attempt)
    {
        var list = new RecordAttempt[_attempts.Length + 1];
        _attempts.CopyTo(list, 0);
        list[list.Length - 1] = attempt;
        _attempts = list;
    }

    private void ReplaceLast(RecordAttempt attempt)
    {
        var list = (RecordAttempt[])_attempts.Clone();
        list[list.Length - 1] = attempt;
        _attempts = list;
    }

    private T Read<T>(Func<CallingRecord, T> read)
    {
        lock (_owner.Gate)
        {
            return read(this);
        }
    }
}
