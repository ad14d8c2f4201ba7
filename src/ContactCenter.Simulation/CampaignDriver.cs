using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Time;

namespace ContactCenter.Simulation;

/// <summary>
/// The real <see cref="Campaign"/> of a campaign-driven run, driven through its host API: records are taken with
/// <see cref="Campaign.TakeRecords"/>, every dial is written to the call history that compliance reads, and results
/// are reported with <see cref="Campaign.RecordCallResult"/>, <see cref="Campaign.Connected"/> and
/// <see cref="Campaign.Complete"/>.
/// </summary>
internal sealed class CampaignDriver
{
    private readonly SimulationRun _run;
    private readonly SimulatedCampaign _setup;
    private readonly long _seed;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<CampaignEvent> _events = new(1024);
    private readonly string _subject;

    public CampaignDriver(SimulationRun run, SimulatedCampaign setup, ITimeSource time, long seed)
    {
        _run = run;
        _setup = setup;
        _seed = seed;
        History = new InMemoryCallHistory();
        var compliance = setup.Compliance is { } profile
            ? new DialingCompliance(profile, setup.Locator, setup.DoNotCall ?? new InMemoryDoNotCallList(), History)
            : null;
        Campaign = new Campaign(setup.Id, setup.Name, setup.List, DeliveryMode.Predictive, time, setup.Options, compliance);
        _subject = setup.Options.Subject ?? setup.Id;
        for (int i = 0; i < Campaign.Records.Count; i++)
        {
            _indexes.Add(Campaign.Records[i].Id, i);
        }

        RecordsToDial = Campaign.Records.Count;
        Campaign.Events.Subscribe(OnEvent);
    }

    public Campaign Campaign { get; }

    public InMemoryCallHistory History { get; }

    public IReadOnlyList<CampaignEvent> Events => _events.AsReadOnly();

    /// <summary>Records ready or scheduled for a retry: neither in a call nor done.</summary>
    public long RecordsToDial { get; private set; }

    /// <summary>Assigns the agents and starts the campaign.</summary>
    public void Start(IEnumerable<string> agentIds)
    {
        foreach (var agentId in agentIds)
        {
            Campaign.Assign(agentId);
        }

        Campaign.Start();
    }

    /// <summary>The end of the shift: nothing new is delivered; calls in progress still report their results.</summary>
    public void EndOfShift()
    {
        if (Campaign.State == CampaignState.Running)
        {
            Campaign.Pause();
        }
    }

    /// <summary>Up to <paramref name="count"/> calls to place now (none once the campaign is no longer running).</summary>
    public IReadOnlyList<DialTask> Take(int count) =>
        count > 0 && Campaign.State == CampaignState.Running ? Campaign.TakeRecords(count) : Array.Empty<DialTask>();

    /// <summary>The record's position in the list: the record index of the run's events and of its fates.</summary>
    public int IndexOf(DialTask task) => _indexes[task.RecordId];

    /// <summary>The network's outcome of a call that was not answered live.</summary>
    public void Result(DialTask task, SimulatedCallOutcome outcome)
    {
        var result = outcome switch
        {
            SimulatedCallOutcome.AnsweringMachine => CampaignCallResult.AnsweringMachine,
            SimulatedCallOutcome.Busy => CampaignCallResult.Busy,
            SimulatedCallOutcome.Invalid => CampaignCallResult.InvalidNumber,
            _ => CampaignCallResult.NoAnswer,
        };
        Try(-1, () => Campaign.RecordCallResult(task.RecordId, result));
    }

    /// <summary>The contact hung up before an agent was connected.</summary>
    public void Dropped(DialTask task) => Try(-1, () => Campaign.RecordCallResult(task.RecordId, CampaignCallResult.Dropped));

    /// <summary>An agent took the live answer.</summary>
    public void Connected(DialTask task, SimulatedAgent agent) => Try(agent.Index, () => Campaign.Connected(task.RecordId, agent.Agent.Id));

    /// <summary>The talk ended: the agent gives the record its disposition (the call's own draw).</summary>
    public void Complete(DialTask task, int agent)
    {
        var dispositions = _setup.Dispositions;
        double u = CommonRandomNumbers.Uniform(_seed, IndexOf(task), task.Attempt, RandomDraw.Disposition);
        var disposition = dispositions[Math.Min(dispositions.Count - 1, (int)(u * dispositions.Count))];
        Try(agent, () => Campaign.Complete(task.RecordId, disposition));
    }

    private void OnEvent(CampaignEvent campaignEvent)
    {
        _events.Add(campaignEvent);
        switch (campaignEvent)
        {
            case CallingRecordDialled dialled:
                // The campaign does not write the history itself: the host does, so that frequency caps count.
                History.Record(dialled.Task.Number.Number, dialled.Task.At, _setup.Options.Purpose, _subject);
                break;
            case CallingRecordStateChanged changed:
                RecordsToDial += (ToDial(changed.Current) ? 1 : 0) - (ToDial(changed.Previous) ? 1 : 0);
                break;
            default:
                break;
        }
    }

    private static bool ToDial(CallingRecordState state) => state is CallingRecordState.Ready or CallingRecordState.Scheduled;

    private void Try(int agent, Action command)
    {
        try
        {
            command();
        }
        catch (CallingRecordCommandRefusedException refused)
        {
            _run.Refused(agent, refused);
        }
        catch (CampaignCommandRefusedException refused)
        {
            _run.Refused(agent, refused);
        }
    }
}
