using System;
using System.IO;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Tests.Documentation;

/// <summary>The phone call of the README's quick start and of docs/state-machines.md.</summary>
public enum CallState
{
    Idle,
    Ringing,
    Connected,
    Talking,
    OnHold,
    Done,
}

/// <summary>The triggers of the quick-start phone call.</summary>
public enum CallTrigger
{
    Dial,
    Answer,
    Hold,
    Resume,
    HangUp,
}

/// <summary>The context object of the quick-start phone call.</summary>
public sealed class Call
{
    public string? Number { get; set; }

    public bool HoldAllowed { get; set; } = true;
}

/// <summary>
/// The README's quick start, compiled and run. The text between the markers is checked to appear
/// verbatim in README.md, so the README cannot drift from code that compiles.
/// </summary>
internal static class QuickStartExample
{
    public static StateMachineDefinition<CallState, CallTrigger, Call> Run(TextWriter console)
    {
        // <quick-start>
        var builder = new StateMachineBuilder<CallState, CallTrigger, Call>();
        var dial = builder.SetTriggerParameters<string>(CallTrigger.Dial);

        builder.Configure(CallState.Idle)
            .PermitIf(dial, CallState.Ringing, static (call, number) => number.Length > 0, "a number is given");
        builder.Configure(CallState.Ringing)
            .OnEntryFrom(dial, static (call, number, transition) => call.Number = number)
            .Permit(CallTrigger.Answer, CallState.Connected)
            .Permit(CallTrigger.HangUp, CallState.Done);
        builder.Configure(CallState.Connected)
            .InitialTransition(CallState.Talking)
            .Permit(CallTrigger.HangUp, CallState.Done);
        builder.Configure(CallState.Talking).SubstateOf(CallState.Connected)
            .PermitIf(CallTrigger.Hold, CallState.OnHold, static call => call.HoldAllowed, "hold is allowed");
        builder.Configure(CallState.OnHold).SubstateOf(CallState.Connected)
            .Permit(CallTrigger.Resume, CallState.Talking);

        var definition = builder.Build(CallState.Idle);     // once, shared by every call
        var machine = definition.CreateMachine(new Call());  // per call: a few dozen bytes

        using var subscription = machine.Transitions.Subscribe(t => console.WriteLine(t));
        machine.Fire(dial, "+33 1 23 45 67 89");             // Idle --Dial--> Ringing
        machine.Fire(CallTrigger.Answer);                    // Ringing --Answer--> Talking
        console.WriteLine(machine.IsInState(CallState.Connected));           // True
        console.WriteLine(string.Join(", ", machine.PermittedTriggers));    // Hold, HangUp
        // </quick-start>
        return definition;
    }
}
