using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using ContactCenter.Core.StateMachines;
using ContactCenter.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// An outbound campaign working through its calling list: loaded, running, paused, stopped, or completed when every
/// record is done. It delivers records in its <see cref="DeliveryMode"/> — to agents as preview requests
/// (<see cref="RequestPreview"/>, <see cref="PushPreview"/>) or to a dialer as calls to place
/// (<see cref="TryTakeNextRecord"/>, <see cref="TakeRecords"/>) — never a record that is already in a call or done, and
/// never a number that compliance forbids now: such a record waits with its explanation (<see cref="WaitingRecords"/>).
/// Call results are retried by the rules of <see cref="CampaignOptions"/>. Every change is published on
/// <see cref="Events"/>.
/// </summary>
/// <remarks>
/// <para>A refused command throws <see cref="CampaignCommandRefusedException"/> or
/// <see cref="CallingRecordCommandRefusedException"/> and changes nothing. Retries are computed (a scheduled record is
/// deliverable from its <see cref="CallingRecord.RetryAt"/>, at the next delivery); the preview timeout is a timer on the
/// injected <see cref="ITimeSource"/>.</para>
/// <para>Thread-safe: commands, deliveries and timers are serialised per campaign (records share its lock); events are
/// delivered in order, one at a time, and a subscriber that throws is detached without affecting the campaign.</para>
/// </remarks>
public sealed class Campaign
{
    private static readonly InstantPattern s_instant = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");

    private StateMachine<CampaignState, CampaignTrigger, Campaign> _machine;
    private readonly OrderedPublisher<CampaignEvent> _events = new();
    private readonly CallingRecord[] _records;
    private readonly Dictionary<string, CallingRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _agents = [];
    private readonly DialingCompliance? _compliance;
    private readonly IRecommendedNumberRule _rule;
    private long _sequence;
    private long _ticket;
    private DeliveryMode _argMode;
    private string? _argAgent;

    /// <summary>Creates a campaign, <see cref="CampaignState.Loaded"/>.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <param name="name">Its name, shown to agents.</param>
    /// <param name="list">The calling list.</param>
    /// <param name="mode">The delivery mode.</param>
    /// <param name="timeSource">The clock and timers (a <see cref="VirtualTimeSource"/> in tests).</param>
    /// <param name="options">The policy; <see cref="CampaignOptions.Default"/> when null.</param>
    /// <param name="compliance">Checks every number before it is delivered or dialled; <see langword="null"/> for no check (not for production solicitation).</param>
    /// <param name="numberRule">Picks the recommended number; <see cref="DefaultRecommendedNumberRule"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="name"/>, <paramref name="list"/> or <paramref name="timeSource"/> is null.</exception>
    /// <exception cref="ArgumentException">A blank id or name, an undefined mode, or invalid options (the message names the option).</exception>
    public Campaign(
        string id,
        string name,
        CallingList list,
        DeliveryMode mode,
        ITimeSource timeSource,
        CampaignOptions? options = null,
        DialingCompliance? compliance = null,
        IRecommendedNumberRule? numberRule = null)
    {
        Guard.NotNull(id);
        Guard.NotNull(name);
        Guard.NotNull(list);
        Guard.NotNull(timeSource);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A campaign needs an id.", nameof(id));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A campaign needs a name.", nameof(name));
        }

        if (!EnumCheck.IsDefined(mode))
        {
            throw new ArgumentException($"{mode} is not a defined delivery mode.", nameof(mode));
        }

        options ??= CampaignOptions.Default;
        options.Validate();
        Id = id;
        Name = name;
        List = list;
        Mode = mode;
        TimeSource = timeSource;
        Options = options;
        _compliance = compliance;
        _rule = numberRule ?? DefaultRecommendedNumberRule.Instance;
        _records = new CallingRecord[list.Records.Count];
        for (int i = 0; i < _records.Length; i++)
        {
            var record = new CallingRecord(this, list.Records[i], _ticket++) { Position = i };
            _records[i] = record;
            _byId.Add(record.Id, record);
        }

        Records = Array.AsReadOnly(_records);
        _machine = CampaignMachines.Campaign.CreateMachine(this);
        Events = _events;
    }

    /// <summary>
    /// Restores a campaign from its snapshot, its calling list and its records' snapshots (from a store): the campaign and
    /// every record at their stored state, without running any entry action and without publishing any event. A record
    /// under preview gets its preview timer back from the stored deadline (it fires at once when the deadline has passed); a
    /// scheduled record is deliverable from its stored retry instant, as before. A record of the list with no snapshot
    /// starts <see cref="CallingRecordState.Ready"/>, after the others.
    /// </summary>
    /// <param name="snapshot">The campaign's own data.</param>
    /// <param name="list">Its calling list.</param>
    /// <param name="records">The records' snapshots (any order).</param>
    /// <param name="timeSource">The clock and timers.</param>
    /// <param name="options">The policy; <see cref="CampaignOptions.Default"/> when null.</param>
    /// <param name="compliance">Checks every number before it is delivered or dialled; <see langword="null"/> for no check.</param>
    /// <param name="numberRule">Picks the recommended number; <see cref="DefaultRecommendedNumberRule"/> when null.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ArgumentNullException">An argument (other than the optional ones) is null.</exception>
    /// <exception cref="ArgumentException">A record snapshot of another campaign or of no record of the list, a record given twice, or an inconsistent snapshot.</exception>
    public static Campaign Restore(
        CampaignSnapshot snapshot,
        CallingList list,
        IEnumerable<CallingRecordSnapshot> records,
        ITimeSource timeSource,
        CampaignOptions? options = null,
        DialingCompliance? compliance = null,
        IRecommendedNumberRule? numberRule = null)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(records);
        if (!EnumCheck.IsDefined(snapshot.State))
        {
            throw new ArgumentException($"Campaign {snapshot.Id}: undefined state {snapshot.State}.", nameof(snapshot));
        }

        var campaign = new Campaign(snapshot.Id, snapshot.Name, list, snapshot.Mode, timeSource, options, compliance, numberRule);
        lock (campaign.Gate)
        {
            campaign.RestoreCore(snapshot, records);
        }

        return campaign;
    }

    /// <summary>The campaign's own data, for a store (its records: <see cref="CallingRecord.ToSnapshot"/>; <see cref="SnapshotRecords"/> takes all at once).</summary>
    /// <returns>The snapshot.</returns>
    public CampaignSnapshot ToSnapshot() =>
        Read(static c => new CampaignSnapshot(c.Id, c.Name, c.Mode, c._machine.State, c._agents.ToArray(), c._sequence));

    /// <summary>The snapshots of every record, in list order, all taken under the campaign's lock (one consistent view).</summary>
    /// <returns>The snapshots.</returns>
    public IReadOnlyList<CallingRecordSnapshot> SnapshotRecords() =>
        Read(static c => (IReadOnlyList<CallingRecordSnapshot>)Array.ConvertAll(c._records, static r => r.SnapshotCore()));

    private void RestoreCore(CampaignSnapshot snapshot, IEnumerable<CallingRecordSnapshot> records)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long maxTicket = -1;
        foreach (var record in records)
        {
            Guard.NotNull(record, nameof(records));
            if (!string.Equals(record.CampaignId, Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Record {record.RecordId} belongs to campaign {record.CampaignId}, not {Id}.", nameof(records));
            }

            if (!_byId.TryGetValue(record.RecordId, out var live))
            {
                throw new ArgumentException($"Record {record.RecordId} is not in calling list {List.Name}.", nameof(records));
            }

            if (!seen.Add(record.RecordId))
            {
                throw new ArgumentException($"Record {record.RecordId} is given twice.", nameof(records));
            }

            live.RestoreFrom(record);
            maxTicket = Math.Max(maxTicket, record.Ticket);
        }

        _ticket = maxTicket + 1;
        foreach (var record in _records)
        {
            if (!seen.Contains(record.Id))
            {
                record.RestoreFrom(new CallingRecordSnapshot(Id, record.Id, record.Position, CallingRecordState.Ready, NextTicket(), []));
            }
        }

        _agents.Clear();
        _agents.AddRange(snapshot.AssignedAgents);
        _sequence = snapshot.Sequence;
        _machine = CampaignMachines.Campaign.Rehydrate(this, snapshot.State);
    }

    /// <summary>
    /// The campaign's state machine, shared by every campaign: export it with
    /// <see cref="StateMachineDefinition{TState, TTrigger, TContext}.ToMermaidGraph"/> for documentation.
    /// </summary>
    public static StateMachineDefinition<CampaignState, CampaignTrigger, Campaign> Definition => CampaignMachines.Campaign;

    /// <summary>The campaign's id.</summary>
    public string Id { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>The calling list, as loaded.</summary>
    public CallingList List { get; }

    /// <summary>Its policy.</summary>
    public CampaignOptions Options { get; }

    /// <summary>The time source its timers run on.</summary>
    public ITimeSource TimeSource { get; }

    /// <summary>The records, in list order.</summary>
    public IReadOnlyList<CallingRecord> Records { get; }

    /// <summary>The current state.</summary>
    public CampaignState State => Read(static c => c._machine.State);

    /// <summary>The delivery mode.</summary>
    public DeliveryMode Mode { get; private set; }

    /// <summary>The agents assigned to the campaign, in assignment order.</summary>
    public IReadOnlyList<string> AssignedAgents => Read(static c => (IReadOnlyList<string>)c._agents.ToArray());

    /// <summary>The due records that were not delivered at the last delivery because no number may be dialled now, with <see cref="CallingRecord.WaitReason"/> set.</summary>
    public IReadOnlyList<CallingRecord> WaitingRecords => Read(static c =>
    {
        var waiting = new List<CallingRecord>();
        foreach (var record in c._records)
        {
            if (record.Wait is not null && record.CurrentState is CallingRecordState.Ready or CallingRecordState.Scheduled)
            {
                waiting.Add(record);
            }
        }

        return (IReadOnlyList<CallingRecord>)waiting.AsReadOnly();
    });

    /// <summary>The commands permitted now, in <see cref="CampaignCommand"/> order (arguments are not checked).</summary>
    public IReadOnlyList<CampaignCommand> PermittedCommands => Read(static c => c.PermittedCore());

    /// <summary>
    /// Everything that happens to the campaign and its records, in order (see <see cref="CampaignEvent.Sequence"/>). Hot:
    /// subscribers see the events published after they subscribe; the stream never completes.
    /// </summary>
    public IObservable<CampaignEvent> Events { get; }

    internal object Gate { get; } = new();

    internal Guid Correlation { get; private set; }

    internal bool EveryRecordFinal
    {
        get
        {
            foreach (var record in _records)
            {
                if (record.CurrentState != CallingRecordState.Done)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The record with this id.</summary>
    /// <param name="recordId">The record's id.</param>
    /// <returns>The record.</returns>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    public CallingRecord GetRecord(string recordId) =>
        _byId.TryGetValue(Guard.NotNull(recordId), out var record) ? record : throw new KeyNotFoundException($"Campaign {Id} has no record {recordId}.");

    /// <summary>Whether <paramref name="command"/> is permitted now (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns><see langword="true"/> when permitted.</returns>
    public bool Can(CampaignCommand command) => WhyNot(command) is null;

    /// <summary>Why <paramref name="command"/> would be refused now, or <see langword="null"/> when permitted (arguments are not checked).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The refusal, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a defined command.</exception>
    public CampaignCommandRefusal? WhyNot(CampaignCommand command)
    {
        if (!EnumCheck.IsDefined(command))
        {
            throw new ArgumentOutOfRangeException(nameof(command), command, $"{command} is not a defined campaign command.");
        }

        return Read(c => c.WhyNotCore(command));
    }

    /// <summary>Starts the campaign: records are delivered, and <see cref="CampaignStarted"/> notifies the assigned agents. An empty list completes at once.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CampaignCommandRefusedException">Not loaded; nothing changed.</exception>
    public void Start(Guid? correlationId = null) => Execute(CampaignCommand.Start, correlationId, static (_, _) => null);

    /// <summary>Pauses the campaign: no new record is delivered; records already delivered finish their course.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CampaignCommandRefusedException">Not running; nothing changed.</exception>
    public void Pause(Guid? correlationId = null) => Execute(CampaignCommand.Pause, correlationId, static (_, _) => null);

    /// <summary>Resumes a paused campaign.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CampaignCommandRefusedException">Not paused; nothing changed.</exception>
    public void Resume(Guid? correlationId = null) => Execute(CampaignCommand.Resume, correlationId, static (_, _) => null);

    /// <summary>Stops the campaign for good: no new record is delivered; records already delivered finish their course.</summary>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CampaignCommandRefusedException">Already stopped or completed; nothing changed.</exception>
    public void Stop(Guid? correlationId = null) => Execute(CampaignCommand.Stop, correlationId, static (_, _) => null);

    /// <summary>Changes the delivery mode; only while <see cref="CampaignState.Loaded"/> or <see cref="CampaignState.Paused"/>.</summary>
    /// <param name="mode">The new mode.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CampaignCommandRefusedException">Running, stopped or completed, or an undefined mode; nothing changed.</exception>
    public void SetMode(DeliveryMode mode, Guid? correlationId = null) =>
        Execute(CampaignCommand.SetMode, correlationId, (c, command) =>
        {
            if (!EnumCheck.IsDefined(mode))
            {
                return c.Refuse(command, CampaignRefusalReason.InvalidArgument, $"{mode} is not a defined delivery mode.");
            }

            c._argMode = mode;
            return null;
        });

    /// <summary>Assigns an agent to the campaign (assigning an assigned agent changes nothing and publishes nothing).</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CampaignCommandRefusedException">Stopped or completed, or a blank id; nothing changed.</exception>
    public void Assign(string agentId, Guid? correlationId = null) => Execute(CampaignCommand.Assign, correlationId, (c, command) => c.AgentArgument(command, agentId));

    /// <summary>Unassigns an agent (unassigning an agent who is not assigned changes nothing). Records the agent holds are not taken back.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="CampaignCommandRefusedException">Stopped or completed, or a blank id; nothing changed.</exception>
    public void Unassign(string agentId, Guid? correlationId = null) => Execute(CampaignCommand.Unassign, correlationId, (c, command) => c.AgentArgument(command, agentId));

    /// <summary>
    /// Preview mode: an assigned agent asks for a record. The next deliverable record is delivered to the agent as a
    /// preview request (accepted at once with <see cref="CampaignOptions.AutoAcceptPreview"/>).
    /// </summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <returns>The preview request, or <see langword="null"/> when no record may be delivered now (waiting records say why).</returns>
    /// <exception cref="CampaignCommandRefusedException">Not running, not preview mode, the agent is not assigned or already holds a record; nothing changed.</exception>
    public PreviewTask? RequestPreview(string agentId, Guid? correlationId = null) => Deliver(CampaignCommand.RequestPreview, agentId, correlationId);

    /// <summary>Push-preview mode: the system pushes the next deliverable record to a ready assigned agent; otherwise as <see cref="RequestPreview"/>.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <returns>The preview request, or <see langword="null"/> when no record may be delivered now.</returns>
    /// <exception cref="CampaignCommandRefusedException">Not running, not push-preview mode, the agent is not assigned or already holds a record; nothing changed.</exception>
    public PreviewTask? PushPreview(string agentId, Guid? correlationId = null) => Deliver(CampaignCommand.PushPreview, agentId, correlationId);

    /// <summary>
    /// Progressive and predictive modes: takes the next deliverable record (due retries first, earliest first; then ready
    /// records in list order, skipped ones last) with its recommended number, marked <see cref="CallingRecordState.Dialing"/>
    /// with an open attempt. The claim is atomic: a record is never handed out twice at once.
    /// </summary>
    /// <param name="task">The call to place, or <see langword="null"/>.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <returns><see langword="true"/> when a record was taken.</returns>
    /// <exception cref="CampaignCommandRefusedException">Not running, or not a dialer mode; nothing changed.</exception>
    public bool TryTakeNextRecord(out DialTask? task, Guid? correlationId = null)
    {
        var taken = TakeRecords(1, correlationId);
        task = taken.Count == 1 ? taken[0] : null;
        return task is not null;
    }

    /// <summary>As <see cref="TryTakeNextRecord"/>, up to <paramref name="count"/> records at once (for a predictive dialer).</summary>
    /// <param name="count">How many calls the dialer wants to place (zero or more).</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <returns>The calls to place, at most <paramref name="count"/>; fewer when fewer records may be dialled now.</returns>
    /// <exception cref="CampaignCommandRefusedException">Not running, not a dialer mode, or a negative count; nothing changed.</exception>
    public IReadOnlyList<DialTask> TakeRecords(int count, Guid? correlationId = null)
    {
        var tasks = new List<DialTask>();
        lock (Gate)
        {
            var refusal = WhyNotCore(CampaignCommand.TakeRecords)
                ?? (count < 0 ? Refuse(CampaignCommand.TakeRecords, CampaignRefusalReason.InvalidArgument, $"The count must not be negative (was {count}).") : null);
            if (refusal is not null)
            {
                throw Diagnostics.RefusalHook.Report(this, new CampaignCommandRefusedException(Id, refusal, PermittedCore()));
            }

            Correlation = correlationId ?? Ids.Next();
            var now = TimeSource.Now;
            while (tasks.Count < count && NextDeliverable(now, out var recommendation) is { } record)
            {
                record.ArgNumberIndex = recommendation!.Index!.Value;
                record.ArgExplanation = recommendation.Explanation;
                record.Fire(CallingRecordTrigger.Take);
                tasks.Add(record.CurrentTask!);
            }
        }

        _events.Deliver();
        return tasks.AsReadOnly();
    }

    /// <summary>The agent accepts the preview request: the record is under preview (the preview timeout, if any, starts).</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    /// <exception cref="CallingRecordCommandRefusedException">Not delivered; nothing changed.</exception>
    public void AcceptPreview(string recordId, Guid? correlationId = null) =>
        ExecuteRecord(recordId, CallingRecordCommand.Accept, correlationId, static (_, _, _) => null);

    /// <summary>The agent skips the record: it leaves the desktop, is counted (<see cref="CallingRecord.SkipCount"/>) and is redistributed after the other ready records.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    /// <exception cref="CallingRecordCommandRefusedException">Not delivered or under preview; nothing changed.</exception>
    public void SkipPreview(string recordId, Guid? correlationId = null) =>
        ExecuteRecord(recordId, CallingRecordCommand.Skip, correlationId, static (_, _, _) => null);

    /// <summary>
    /// The agent dials the record under preview: the chosen number, or the recommended one. Compliance is checked for the
    /// number now (reachable hours are the agent's call when a number is chosen).
    /// </summary>
    /// <param name="recordId">The record.</param>
    /// <param name="numberIndex">The position of the chosen number in <see cref="CallingRecord.Numbers"/>, or <see langword="null"/> for the recommended one.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <returns>The call to place.</returns>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    /// <exception cref="CallingRecordCommandRefusedException">Not under preview; or the number is unknown, unusable or not dialable now (the message says why); nothing changed.</exception>
    public DialTask DialPreview(string recordId, int? numberIndex = null, Guid? correlationId = null)
    {
        DialTask? task = null;
        ExecuteRecord(recordId, CallingRecordCommand.Dial, correlationId, (c, record, command) => c.ChooseNumber(record, command, numberIndex), record => task = record.CurrentTask);
        return task!;
    }

    /// <summary>
    /// Reports how a call placed for the record ended. <see cref="CampaignCallResult.LiveAnswer"/> connects it to the agent
    /// (as <see cref="Connected"/>). Any other result closes the attempt; fax and invalid number make the number unusable
    /// and retry the record at once on its other numbers; other results are retried after their rule's delay while their
    /// rule's and <see cref="CampaignOptions.MaxAttemptsPerRecord"/> allow, else the record is done with
    /// <see cref="CampaignOptions.DefaultDisposition"/>.
    /// </summary>
    /// <param name="recordId">The record.</param>
    /// <param name="result">How the call ended.</param>
    /// <param name="agentId">The agent the call was connected to (live answer), or <see langword="null"/>.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    /// <exception cref="CallingRecordCommandRefusedException">No call is being placed; an undefined result; a live answer without an agent; nothing changed.</exception>
    public void RecordCallResult(string recordId, CampaignCallResult result, string? agentId = null, Guid? correlationId = null)
    {
        if (result == CampaignCallResult.LiveAnswer)
        {
            ExecuteRecord(recordId, CallingRecordCommand.Connect, correlationId, (_, record, command) => ConnectArguments(record, command, agentId));
            return;
        }

        ExecuteRecord(recordId, CallingRecordCommand.RecordResult, correlationId, (c, record, command) => c.ResultArguments(record, command, result, agentId));
    }

    /// <summary>The call placed for the record was answered and handed to an agent: the record is <see cref="CallingRecordState.Connected"/>.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="agentId">The agent; the previewing agent when omitted.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    /// <exception cref="CallingRecordCommandRefusedException">No call is being placed, or no agent; nothing changed.</exception>
    public void Connected(string recordId, string? agentId = null, Guid? correlationId = null) =>
        RecordCallResult(recordId, CampaignCallResult.LiveAnswer, agentId, correlationId);

    /// <summary>Finishes the record for this campaign with a disposition: a record under preview (without calling it) or a connected one.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="disposition">One of <see cref="CampaignOptions.Dispositions"/>; <see cref="CampaignOptions.DefaultDisposition"/> ("Bad record") when null.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    /// <exception cref="CallingRecordCommandRefusedException">Not under preview nor connected, or a disposition that is not configured; nothing changed.</exception>
    public void Complete(string recordId, string? disposition = null, Guid? correlationId = null) =>
        ExecuteRecord(recordId, CallingRecordCommand.Complete, correlationId, (c, record, command) =>
        {
            if (disposition is not null && !c.Options.IsDisposition(disposition))
            {
                return RecordRefusal(record, command, CallingRecordRefusalReason.InvalidArgument,
                    $"\"{disposition}\" is not a configured disposition (configured: {string.Join(", ", c.Options.Dispositions)}).");
            }

            record.ArgDisposition = disposition;
            record.ArgEndReason = RecordEndReason.Completed;
            return null;
        });

    /// <summary>Reschedules the connected record's next attempt at an instant (the call is over; the record is due again then).</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="at">When it is due again; not in the past.</param>
    /// <param name="correlationId">Correlates the resulting events; a new id when omitted.</param>
    /// <exception cref="KeyNotFoundException">No record has this id.</exception>
    /// <exception cref="CallingRecordCommandRefusedException">Not connected, or an instant in the past; nothing changed.</exception>
    public void Reschedule(string recordId, Instant at, Guid? correlationId = null) =>
        ExecuteRecord(recordId, CallingRecordCommand.Reschedule, correlationId, (c, record, command) =>
        {
            if (at < c.TimeSource.Now)
            {
                return RecordRefusal(record, command, CallingRecordRefusalReason.InvalidArgument, $"{s_instant.Format(at)} is in the past.");
            }

            record.ArgRetryAt = at;
            record.ArgRetryReason = "rescheduled by the agent";
            return null;
        });

    /// <inheritdoc />
    public override string ToString() => $"Campaign {Id} {State} {Mode}";

    // ----- called by the machines (under the gate) ---------------------------------------------------

    internal void Emit(Func<string, long, Instant, Guid, CampaignEvent> create) => _events.Enqueue(create(Id, ++_sequence, TimeSource.Now, Correlation));

    internal long NextTicket() => _ticket++;

    internal void EmitStateChanged(Transition<CampaignState, CampaignTrigger> t) =>
        Emit((c, seq, at, corr) => new CampaignStateChanged(c, seq, at, corr, t.Trigger, t.Source, t.Destination));

    internal void EmitStarted()
    {
        var agents = (IReadOnlyList<string>)_agents.ToArray();
        var mode = Mode;
        Emit((c, seq, at, corr) => new CampaignStarted(c, seq, at, corr, Name, mode, agents));
    }

    internal void ApplyMode()
    {
        var previous = Mode;
        var current = _argMode;
        if (previous == current)
        {
            return;
        }

        Mode = current;
        Emit((c, seq, at, corr) => new CampaignModeChanged(c, seq, at, corr, previous, current));
    }

    internal void ApplyAssignment(bool assigned)
    {
        var agent = _argAgent!;
        bool changed = assigned
            ? !_agents.Contains(agent) && AddAgent(agent)
            : _agents.Remove(agent);
        if (changed)
        {
            Emit((c, seq, at, corr) => new CampaignAgentAssignmentChanged(c, seq, at, corr, agent, assigned));
        }
    }

    internal void OnPreviewTimeout(CallingRecord record, long generation)
    {
        lock (Gate)
        {
            if (!record.IsCurrentPreviewTimer(generation) || record.CurrentState != CallingRecordState.Previewing)
            {
                return;
            }

            Correlation = Ids.Next();
            var recommendation = Recommend(record, TimeSource.Now);
            if (recommendation.Index is { } index)
            {
                record.ArgNumberIndex = index;
                record.ArgExplanation = "preview time ran out; " + recommendation.Explanation;
                record.ArgDestination = CallingRecordState.Dialing;
            }
            else
            {
                record.ArgExplanation = "preview time ran out; " + recommendation.Explanation;
                record.ArgRetryAt = recommendation.NextOpeningAt ?? default;
                record.ArgDestination = CallingRecordState.Ready;
            }

            record.Fire(CallingRecordTrigger.PreviewTimedOut);
            CheckExhausted();
        }

        _events.Deliver();
    }

    // ----- delivery -----------------------------------------------------------------------------------

    private PreviewTask? Deliver(CampaignCommand command, string agentId, Guid? correlationId)
    {
        PreviewTask? task = null;
        lock (Gate)
        {
            var refusal = WhyNotCore(command) ?? PreviewAgentRefusal(command, agentId);
            if (refusal is not null)
            {
                throw Diagnostics.RefusalHook.Report(this, new CampaignCommandRefusedException(Id, refusal, PermittedCore()));
            }

            Correlation = correlationId ?? Ids.Next();
            var now = TimeSource.Now;
            if (NextDeliverable(now, out var recommendation) is { } record)
            {
                record.ArgAgentId = agentId;
                record.Fire(CallingRecordTrigger.Deliver);
                bool accepted = Options.AutoAcceptPreview;
                task = new PreviewTask(Id, record.Id, agentId, record.Data, recommendation!, accepted, now);
                var delivered = task;
                Emit((c, seq, at, corr) => new CallingRecordDelivered(c, seq, at, corr, delivered.RecordId, delivered));
                if (accepted)
                {
                    record.Fire(CallingRecordTrigger.Accept);
                }
            }
        }

        _events.Deliver();
        return task;
    }

    private CampaignCommandRefusal? PreviewAgentRefusal(CampaignCommand command, string agentId)
    {
        if (string.IsNullOrWhiteSpace(agentId))
        {
            return Refuse(command, CampaignRefusalReason.InvalidArgument, "An agent id is required.");
        }

        if (!_agents.Contains(agentId))
        {
            return Refuse(command, CampaignRefusalReason.NotAssigned, $"Agent {agentId} is not assigned to campaign {Id}.");
        }

        foreach (var record in _records)
        {
            if (record.CurrentState is CallingRecordState.Delivered or CallingRecordState.Previewing && string.Equals(record.Agent, agentId, StringComparison.Ordinal))
            {
                return Refuse(command, CampaignRefusalReason.AgentBusy, $"Agent {agentId} already holds record {record.Id}.");
            }
        }

        return null;
    }

    /// <summary>
    /// The next record to deliver at <paramref name="now"/> with its recommended number: due retries (earliest first),
    /// then ready records by ticket (list order; a skipped record gets a new ticket, after the others). A record whose
    /// numbers may not be dialled now is left waiting with its explanation, and not checked again before its next opening.
    /// </summary>
    private CallingRecord? NextDeliverable(Instant now, out NumberRecommendation? recommendation)
    {
        var due = new List<CallingRecord>();
        var ready = new List<CallingRecord>();
        foreach (var record in _records)
        {
            if (record.CurrentState == CallingRecordState.Scheduled && record.RetryInstant <= now)
            {
                due.Add(record);
            }
            else if (record.CurrentState == CallingRecordState.Ready)
            {
                ready.Add(record);
            }
        }

        due.Sort(static (a, b) => a.RetryInstant!.Value != b.RetryInstant!.Value ? a.RetryInstant.Value.CompareTo(b.RetryInstant.Value) : a.Ticket.CompareTo(b.Ticket));
        ready.Sort(static (a, b) => a.Ticket.CompareTo(b.Ticket));
        due.AddRange(ready);
        foreach (var record in due)
        {
            if (record.Wait is { NextOpeningAt: { } opens } && opens > now)
            {
                continue;
            }

            var candidate = Recommend(record, now);
            if (candidate.Index is not null)
            {
                record.Wait = null;
                recommendation = candidate;
                return record;
            }

            var wait = new RecordWait(candidate.Explanation, now, candidate.NextOpeningAt);
            bool changed = record.Wait is null || !string.Equals(record.Wait.Explanation, wait.Explanation, StringComparison.Ordinal);
            record.Wait = wait;
            if (changed)
            {
                var id = record.Id;
                Emit((c, seq, at, corr) => new CallingRecordWaiting(c, seq, at, corr, id, wait));
            }
        }

        recommendation = null;
        return null;
    }

    /// <summary>The rule's recommendation, with the recommended number's compliance checked again when the rule did not check it now.</summary>
    private NumberRecommendation Recommend(CallingRecord record, Instant now)
    {
        var context = Context(now);
        var recommendation = Guard.NotNull(_rule.Recommend(record, context));
        if (recommendation.Index is not { } index)
        {
            return recommendation;
        }

        if (index < 0 || index >= record.Numbers.Count || !record.IsUsable(index))
        {
            return recommendation with { Index = null, Explanation = $"the number rule recommended an unusable number ({index + 1})", NextOpeningAt = null };
        }

        var checkedNow = index < recommendation.Assessments.Count
            && recommendation.Assessments[index].Compliance is { } decision && decision.CheckedAt == now && decision.IsDialable
            && decision.Request.Number == record.Numbers[index].Number;
        if (_compliance is null || checkedNow)
        {
            return recommendation;
        }

        var check = context.Check(record.Numbers[index])!;
        return check.IsDialable ? recommendation : recommendation with { Index = null, Explanation = check.Explanation, NextOpeningAt = check.NextWindowOpensAt };
    }

    private RecommendationContext Context(Instant now) => new(now, Options.Purpose, Options.Subject ?? Id, _compliance);

    // ----- record commands ----------------------------------------------------------------------------

    private CallingRecordCommandRefusal? ChooseNumber(CallingRecord record, CallingRecordCommand command, int? numberIndex)
    {
        var now = TimeSource.Now;
        if (numberIndex is not { } index)
        {
            var recommendation = Recommend(record, now);
            if (recommendation.Index is not { } recommended)
            {
                return RecordRefusal(record, command, CallingRecordRefusalReason.NotDialable, recommendation.Explanation);
            }

            record.ArgNumberIndex = recommended;
            record.ArgExplanation = recommendation.Explanation;
            return null;
        }

        if (index < 0 || index >= record.Numbers.Count)
        {
            return RecordRefusal(record, command, CallingRecordRefusalReason.NotDialable, $"Record {record.Id} has no number {index + 1} (it has {record.Numbers.Count}).");
        }

        if (!record.IsUsable(index))
        {
            return RecordRefusal(record, command, CallingRecordRefusalReason.NotDialable, $"Number {index + 1} is unusable ({record.UnusableReason(index)}).");
        }

        var decision = Context(now).Check(record.Numbers[index]);
        if (decision is { IsDialable: false })
        {
            return RecordRefusal(record, command, CallingRecordRefusalReason.NotDialable, decision.Explanation);
        }

        record.ArgNumberIndex = index;
        record.ArgExplanation = "chosen by the agent";
        return null;
    }

    private static CallingRecordCommandRefusal? ConnectArguments(CallingRecord record, CallingRecordCommand command, string? agentId)
    {
        if (agentId is not null && string.IsNullOrWhiteSpace(agentId))
        {
            return RecordRefusal(record, command, CallingRecordRefusalReason.InvalidArgument, "The agent id is blank.");
        }

        if (agentId is null && record.Agent is null && record.CurrentState == CallingRecordState.Dialing)
        {
            return RecordRefusal(record, command, CallingRecordRefusalReason.InvalidArgument, "A connected call needs the agent it is connected to.");
        }

        record.ArgAgentId = agentId;
        return null;
    }

    private CallingRecordCommandRefusal? ResultArguments(CallingRecord record, CallingRecordCommand command, CampaignCallResult result, string? agentId)
    {
        if (!EnumCheck.IsDefined(result))
        {
            return RecordRefusal(record, command, CallingRecordRefusalReason.InvalidArgument, $"{result} is not a defined call result.");
        }

        if (record.CurrentState != CallingRecordState.Dialing)
        {
            return null;
        }

        record.ArgResult = result;
        record.ArgAgentId = agentId;
        var now = TimeSource.Now;
        int attempts = record.AttemptCount;
        string text = result.ToString();
        if (result is CampaignCallResult.Fax or CampaignCallResult.InvalidNumber)
        {
            record.ArgMarkUnusable = true;
            int index = record.IndexOf(record.OpenAttemptOrNull!.Number);
            bool otherUsable = false;
            for (int i = 0; i < record.Numbers.Count; i++)
            {
                otherUsable |= i != index && record.IsUsable(i);
            }

            if (!otherUsable)
            {
                return finish(record, RecordEndReason.NoUsableNumber);
            }

            return attempts >= Options.MaxAttemptsPerRecord
                ? finish(record, RecordEndReason.AttemptsExhausted)
                : retry(record, now, $"{text}: number {index + 1} is unusable; the other numbers are tried");
        }

        if (!Options.RetryRules.TryGetValue(result, out var rule))
        {
            return finish(record, RecordEndReason.NoRetryRule);
        }

        int withResult = record.CountResults(result) + 1;
        if (withResult >= rule.MaxAttempts || attempts >= Options.MaxAttemptsPerRecord)
        {
            return finish(record, RecordEndReason.AttemptsExhausted);
        }

        return retry(record, now + rule.Delay, string.Format(
            CultureInfo.InvariantCulture, "{0} ({1} of {2}); retry after {3} min", text, withResult, rule.MaxAttempts, rule.Delay.TotalMinutes));

        static CallingRecordCommandRefusal? finish(CallingRecord record, RecordEndReason reason)
        {
            record.ArgDestination = CallingRecordState.Done;
            record.ArgEndReason = reason;
            return null;
        }

        static CallingRecordCommandRefusal? retry(CallingRecord record, Instant at, string reason)
        {
            record.ArgDestination = CallingRecordState.Scheduled;
            record.ArgRetryAt = at;
            record.ArgRetryReason = reason;
            return null;
        }
    }

    private void ExecuteRecord(
        string recordId,
        CallingRecordCommand command,
        Guid? correlationId,
        Func<Campaign, CallingRecord, CallingRecordCommand, CallingRecordCommandRefusal?> checkArguments,
        Action<CallingRecord>? afterwards = null)
    {
        var record = GetRecord(recordId);
        lock (Gate)
        {
            var refusal = record.WhyNotCore(command) ?? checkArguments(this, record, command);
            if (refusal is not null)
            {
                record.ClearArguments();
                throw Diagnostics.RefusalHook.Report(this, new CallingRecordCommandRefusedException(Id, record.Id, refusal, record.PermittedCore()));
            }

            Correlation = correlationId ?? Ids.Next();
            record.Fire((CallingRecordTrigger)command);
            afterwards?.Invoke(record);
            CheckExhausted();
        }

        _events.Deliver();
    }

    private static CallingRecordCommandRefusal RecordRefusal(CallingRecord record, CallingRecordCommand command, CallingRecordRefusalReason reason, string message) =>
        new(command, record.CurrentState, reason, message);

    private void CheckExhausted()
    {
        if (_machine.CanFire(CampaignTrigger.ListExhausted))
        {
            _machine.Fire(CampaignTrigger.ListExhausted);
        }
    }

    // ----- campaign commands --------------------------------------------------------------------------

    private void Execute(CampaignCommand command, Guid? correlationId, Func<Campaign, CampaignCommand, CampaignCommandRefusal?> checkArguments)
    {
        lock (Gate)
        {
            var refusal = WhyNotCore(command) ?? checkArguments(this, command);
            if (refusal is not null)
            {
                _argAgent = null;
                throw Diagnostics.RefusalHook.Report(this, new CampaignCommandRefusedException(Id, refusal, PermittedCore()));
            }

            Correlation = correlationId ?? Ids.Next();
            try
            {
                _machine.Fire((CampaignTrigger)command);
                CheckExhausted();
            }
            finally
            {
                _argAgent = null;
            }
        }

        _events.Deliver();
    }

    private CampaignCommandRefusal? AgentArgument(CampaignCommand command, string agentId)
    {
        if (string.IsNullOrWhiteSpace(agentId))
        {
            return Refuse(command, CampaignRefusalReason.InvalidArgument, "An agent id is required.");
        }

        _argAgent = agentId;
        return null;
    }

    private bool AddAgent(string agent)
    {
        _agents.Add(agent);
        return true;
    }

    private CampaignCommandRefusal Refuse(CampaignCommand command, CampaignRefusalReason reason, string message) =>
        new(command, _machine.State, Mode, reason, message);

    private CampaignCommandRefusal? WhyNotCore(CampaignCommand command)
    {
        var trigger = (CampaignTrigger)command;
        if (_machine.CanFire(trigger, out var unmet))
        {
            return null;
        }

        var state = _machine.State;
        if (unmet.Count > 0)
        {
            return Refuse(command, CampaignRefusalReason.WrongMode, $"{command} is not used in {Mode} mode ({unmet[0]} is required).");
        }

        string message = (command, state) switch
        {
            (_, CampaignState.Stopped or CampaignState.Completed) => $"The campaign is over ({state}).",
            (CampaignCommand.SetMode, CampaignState.Running) => "The mode changes only while the campaign is loaded or paused: pause it first.",
            (CampaignCommand.Start, _) => "The campaign was already started.",
            (CampaignCommand.Resume, _) => "Only a paused campaign is resumed.",
            (CampaignCommand.Pause, _) => "Only a running campaign is paused.",
            (CampaignCommand.RequestPreview or CampaignCommand.PushPreview or CampaignCommand.TakeRecords, _) => "Records are delivered only while the campaign is running.",
            _ => $"{command} is not permitted while the campaign is {state}.",
        };
        return Refuse(command, CampaignRefusalReason.WrongState, message);
    }

    private ReadOnlyCollection<CampaignCommand> PermittedCore()
    {
        var permitted = new List<CampaignCommand>();
        foreach (var trigger in _machine.PermittedTriggers)
        {
            if (trigger < CampaignTrigger.ListExhausted)
            {
                permitted.Add((CampaignCommand)trigger);
            }
        }

        permitted.Sort();
        return permitted.AsReadOnly();
    }

    private T Read<T>(Func<Campaign, T> read)
    {
        lock (Gate)
        {
            return read(this);
        }
    }
}
