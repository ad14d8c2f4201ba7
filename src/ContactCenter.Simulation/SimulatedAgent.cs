using System;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// A simulated agent: a real <see cref="Agent"/> driven by its profile (log-in, pauses, log-out) and by the
/// calls it is given (reserve, accept through an <see cref="AgentInteractionLink"/>, talk, wrap-up).
/// </summary>
internal sealed class SimulatedAgent
{
    private readonly SimulationRun _run;
    private readonly SimulatedAgentProfile _profile;
    private SimulationRun.Call? _call;
    private long _wrapGeneration;

    public SimulatedAgent(SimulationRun run, int index, SimulatedAgentProfile profile)
    {
        _run = run;
        _profile = profile;
        Index = index;
        Agent = new Agent(profile.Id, profile.Options ?? SimulatedAgentProfile.DefaultAgentOptions, run.Time);
        Agent.Events.Subscribe(OnAgentEvent);
    }

    public int Index { get; }

    public Agent Agent { get; }

    public Instant ReadySince { get; private set; }

    /// <summary>Ready and without a call: may take a live answer now.</summary>
    public bool IsFree => _call is null && Agent.State == AgentState.Ready;

    public void ScheduleShift(Instant start, Instant end)
    {
        _run.At(start + _profile.LogInAt, LogIn);
        foreach (var pause in _profile.Pauses)
        {
            _run.At(start + pause.Start, () => StartPause(pause.Reason));
            _run.At(start + pause.Start + pause.Length, () => EndPause(pause.Reason));
        }

        // By default the agent stays until no call placed during the shift can still need it.
        var network = _run.Scenario.Network;
        _run.At(_profile.LogOutAt is { } logOut ? start + logOut : end + network.NoAnswerTimeout + network.AbandonAfter, LogOut);
    }

    /// <summary>Connects a live call to this (free) agent: reserve, follow, accept; the talk ends at its drawn time.</summary>
    public void Take(SimulationRun.Call call)
    {
        _call = call;
        var interaction = call.Interaction!;
        if (!Try(() => Agent.Reserve(interaction.Id, MediaType.OutboundCampaign, _run.Scenario.Queue)))
        {
            _call = null;
            return;
        }

        var link = AgentInteractionLink.Follow(Agent, interaction, _run.Scenario.Queue);
        Try(() => interaction.Accept());
        _run.At(_run.Time.Now + call.Fate.TalkTime, () => EndCall(call, link));
    }

    private void EndCall(SimulationRun.Call call, AgentInteractionLink link)
    {
        var interaction = call.Interaction!;
        _run.CallEnded(call, this);
        long generation = ++_wrapGeneration;
        _call = null;

        // The contact hangs up: the interaction ends, the link ends it on the agent, after-call work starts.
        interaction.OnNetworkEvent(NetworkEvent.RemoteHangUp);
        Try(() => interaction.SetCallResult(CallResult.Success));
        Try(() => interaction.MarkDone());
        link.Dispose();
        if (link.Fault is { } fault)
        {
            _run.Refused(Index, fault);
        }

        var wrapUp = _profile.WrapUp.SampleDuration(call.Fate.WrapUpUniform);
        _run.At(_run.Time.Now + wrapUp, () => EndWrapUp(generation));
    }

    private void EndWrapUp(long generation)
    {
        // Skipped when the policy's own timer already ended after-call work (a cap shorter than the draw).
        if (generation == _wrapGeneration && Agent.State == AgentState.AfterCallWork && _call is null)
        {
            Try(() => Agent.EndAfterCallWork());
        }
    }

    private void LogIn()
    {
        if (Agent.State != AgentState.LoggedOut)
        {
            return;
        }

        Try(() => Agent.LogIn());
        Try(() => Agent.SetReady());
    }

    private void StartPause(string reason)
    {
        var state = Agent.State;
        if (state is AgentState.LoggedOut or AgentState.NotReady or AgentState.LogoutPending
            || Agent.PendingIntent is { Kind: DeferredIntentKind.LogOut })
        {
            return;
        }

        Try(() => Agent.SetNotReady(reason));
    }

    private void EndPause(string reason)
    {
        if (Agent.State == AgentState.NotReady && string.Equals(Agent.NotReadyReason, reason, StringComparison.Ordinal))
        {
            Try(() => Agent.SetReady());
        }
        else if (Agent.PendingIntent is { Kind: DeferredIntentKind.NotReady } intent && string.Equals(intent.NotReadyReason, reason, StringComparison.Ordinal))
        {
            Try(() => Agent.CancelIntent());
        }
    }

    private void LogOut()
    {
        if (Agent.State == AgentState.LoggedOut || Agent.PendingIntent is { Kind: DeferredIntentKind.LogOut })
        {
            return;
        }

        Try(() => Agent.LogOut());
    }

    private void OnAgentEvent(AgentEvent agentEvent)
    {
        if (agentEvent is not AgentStateChanged changed || changed.Previous == changed.Current)
        {
            return;
        }

        _run.AgentChanged(changed.Previous, changed.Current);
        _run.Record(SimulationEvent.ForAgent(changed.At, Index, changed.Previous, changed.Current));
        if (changed.Current == AgentState.Ready)
        {
            ReadySince = changed.At;
            _run.At(changed.At, () => _run.AgentFree(this));
        }
    }

    private bool Try(Action command)
    {
        try
        {
            command();
            return true;
        }
        catch (AgentCommandRefusedException refused)
        {
            _run.Refused(Index, refused);
            return false;
        }
        catch (InteractionCommandRefusedException refused)
        {
            _run.Refused(Index, refused);
            return false;
        }
    }
}
