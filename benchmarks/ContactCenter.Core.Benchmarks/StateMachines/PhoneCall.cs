using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Benchmarks.StateMachines;

/// <summary>The states of the benchmarked phone call (OnHold and Consulting are substates of Connected).</summary>
public enum CallState
{
    Idle,
    Ringing,
    Connected,
    OnHold,
    Consulting,
    Disconnected,
    WrapUp,
    Done,
}

/// <summary>The triggers of the benchmarked phone call, in ordinal order.</summary>
public enum CallTrigger
{
    Dial,
    Answer,
    Abandon,
    Hold,
    Resume,
    Consult,
    EndConsult,
    HangUp,
    StartWrapUp,
    Complete,
    Reset,
}

/// <summary>The per-call context: what the guards read and what the entry actions count.</summary>
public sealed class Call
{
    public bool AgentAvailable { get; set; } = true;

    public bool ConsultAllowed { get; set; } = true;

    /// <summary>Incremented by the entry action of every state.</summary>
    public int Entries { get; set; }

    /// <summary>Set from the argument of the parameterised Complete trigger on entering Done.</summary>
    public int Disposition { get; set; }
}

/// <summary>
/// The phone-call definition benchmarked against <see cref="SwitchCall"/>: 8 states, 12 behaviours
/// (3 of them guarded, one on the parameterised trigger Complete(int)), a counting entry action on
/// every state and an OnEntryFrom action reading the Complete argument.
/// </summary>
public static class PhoneCall
{
    /// <summary>The disposition code passed to Complete by every benchmark.</summary>
    public const int DispositionCode = 42;

    public static StateMachineDefinition<CallState, CallTrigger, Call> Build(out TriggerWithParameters<CallTrigger, int> complete)
    {
        var builder = new StateMachineBuilder<CallState, CallTrigger, Call>();
        complete = builder.SetTriggerParameters<int>(CallTrigger.Complete);

        builder.Configure(CallState.Idle)
            .OnEntry(static (call, _) => call.Entries++)
            .Permit(CallTrigger.Dial, CallState.Ringing);

        builder.Configure(CallState.Ringing)
            .OnEntry(static (call, _) => call.Entries++)
            .PermitIf(CallTrigger.Answer, CallState.Connected, static call => call.AgentAvailable)
            .Permit(CallTrigger.Abandon, CallState.Disconnected);

        builder.Configure(CallState.Connected)
            .OnEntry(static (call, _) => call.Entries++)
            .Permit(CallTrigger.Hold, CallState.OnHold)
            .PermitIf(CallTrigger.Consult, CallState.Consulting, static call => call.ConsultAllowed)
            .Permit(CallTrigger.HangUp, CallState.Disconnected);

        builder.Configure(CallState.OnHold)
            .SubstateOf(CallState.Connected)
            .OnEntry(static (call, _) => call.Entries++)
            .Permit(CallTrigger.Resume, CallState.Connected);

        builder.Configure(CallState.Consulting)
            .SubstateOf(CallState.Connected)
            .OnEntry(static (call, _) => call.Entries++)
            .Permit(CallTrigger.EndConsult, CallState.Connected);

        builder.Configure(CallState.Disconnected)
            .OnEntry(static (call, _) => call.Entries++)
            .Permit(CallTrigger.StartWrapUp, CallState.WrapUp)
            .Ignore(CallTrigger.HangUp);

        builder.Configure(CallState.WrapUp)
            .OnEntry(static (call, _) => call.Entries++)
            .PermitIf(complete, CallState.Done, static (_, code) => code > 0);

        builder.Configure(CallState.Done)
            .OnEntry(static (call, _) => call.Entries++)
            .OnEntryFrom(complete, static (call, code, _) => call.Disposition = code)
            .Permit(CallTrigger.Reset, CallState.Idle);

        return builder.Build(CallState.Idle);
    }
}
