using System;
using System.Collections.Generic;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Tests.StateMachines;

/// <summary>
/// The abstract states of the unit tests. <see cref="UnitMachines.LoggingHierarchy"/> arranges them as:
/// <code>
/// Idle
/// Parent
///   ChildA
///     GrandChild
///   ChildB
/// Other
/// </code>
/// </summary>
public enum UnitState
{
    Idle,
    Parent,
    ChildA,
    ChildB,
    GrandChild,
    Other,
}

/// <summary>The abstract triggers of the unit tests.</summary>
public enum UnitTrigger
{
    Go,
    Back,
    Up,
    Down,
    Next,
    Stay,
    Poke,
    Choose,
    Ask,
    Tell,
    Reset,
}

/// <summary>The context of the unit tests: a log of what actions ran, and switches for guards and selectors.</summary>
public sealed class UnitContext
{
    public List<string> Log { get; } = [];

    public bool Allowed { get; set; }

    public bool AlsoAllowed { get; set; }

    public UnitState Choice { get; set; }

    public void Record(string entry) => Log.Add(entry);
}

/// <summary>The exception that test guards and actions throw on purpose.</summary>
public sealed class UnitFailureException : Exception
{
    public UnitFailureException()
    {
    }

    public UnitFailureException(string message)
        : base(message)
    {
    }

    public UnitFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Builders and helpers shared by the state-machine unit tests.</summary>
internal static class UnitMachines
{
    public static StateMachineBuilder<UnitState, UnitTrigger, UnitContext> NewBuilder() => new();

    /// <summary>
    /// A builder with the hierarchy documented on <see cref="UnitState"/>, where every state records
    /// "enter X" and "exit X" in the context log. Nothing else is configured.
    /// </summary>
    public static StateMachineBuilder<UnitState, UnitTrigger, UnitContext> LoggingHierarchy()
    {
        var builder = NewBuilder();
        foreach (var state in Enum.GetValues<UnitState>())
        {
            builder.Configure(state)
                .OnEntry(context => context.Record("enter " + state))
                .OnExit(context => context.Record("exit " + state));
        }

        builder.Configure(UnitState.ChildA).SubstateOf(UnitState.Parent);
        builder.Configure(UnitState.ChildB).SubstateOf(UnitState.Parent);
        builder.Configure(UnitState.GrandChild).SubstateOf(UnitState.ChildA);
        return builder;
    }

    public static Transition<UnitState, UnitTrigger> Transition(UnitState source, UnitState destination, UnitTrigger trigger, bool isReentry = false) =>
        new(source, destination, trigger, isReentry);

    /// <summary>Subscribes a new recorder to the machine's transitions.</summary>
    public static UnitRecorder<UnitState, UnitTrigger> Record(
        StateMachine<UnitState, UnitTrigger, UnitContext> machine, Action<Transition<UnitState, UnitTrigger>>? onNext = null)
    {
        var recorder = new UnitRecorder<UnitState, UnitTrigger>(onNext);
        recorder.Subscription = machine.Transitions.Subscribe(recorder);
        return recorder;
    }
}

/// <summary>Records the transitions it observes, optionally running a callback after recording each.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public sealed class UnitRecorder<TState, TTrigger> : IObserver<Transition<TState, TTrigger>>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Action<Transition<TState, TTrigger>>? _onNext;

    public UnitRecorder(Action<Transition<TState, TTrigger>>? onNext = null) => _onNext = onNext;

    public List<Transition<TState, TTrigger>> Received { get; } = [];

    public IDisposable? Subscription { get; set; }

    public void OnNext(Transition<TState, TTrigger> value)
    {
        Received.Add(value);
        _onNext?.Invoke(value);
    }

    public void OnError(Exception error) => throw new InvalidOperationException("The transition stream never fails.", error);

    public void OnCompleted() => throw new InvalidOperationException("The transition stream never completes.");
}

/// <summary>The states of a phone call, for the tests of typed triggers and of the exported graphs.</summary>
public enum PhoneState
{
    Idle,
    Ringing,
    Connected,
    Talking,
    OnHold,
    WrapUp,
    Closed,
}

/// <summary>The triggers of a phone call.</summary>
public enum PhoneTrigger
{
    Dial,
    Ring,
    Answer,
    Hold,
    Resume,
    Note,
    Transfer,
    HangUp,
    Close,
}

/// <summary>The context of a phone call.</summary>
public sealed class PhoneCall
{
    public List<string> Log { get; } = [];

    public string? Number { get; set; }

    public string? Agent { get; set; }

    public int Line { get; set; }

    public bool Recorded { get; set; }

    public bool AgentAvailable { get; set; } = true;

    public bool HoldAllowed { get; set; } = true;

    public bool NeedsWrapUp { get; set; }

    public int Rings { get; set; }

    public int Notes { get; set; }
}

/// <summary>The sample phone-call definition whose exported graphs are pinned.</summary>
internal static class PhoneMachines
{
    /// <summary>
    /// A hierarchy with an initial transition (Connected → Talking), a guard with an explicit description
    /// and one with the default description, a reentry, an internal transition, a dynamic transition with
    /// possible destinations, described entry and exit actions and an ignored trigger.
    /// </summary>
    public static StateMachineBuilder<PhoneState, PhoneTrigger, PhoneCall> SampleBuilder()
    {
        var builder = new StateMachineBuilder<PhoneState, PhoneTrigger, PhoneCall>();
        builder.Configure(PhoneState.Idle)
            .Permit(PhoneTrigger.Dial, PhoneState.Ringing)
            .Ignore(PhoneTrigger.HangUp);
        builder.Configure(PhoneState.Ringing)
            .OnEntry(static call => call.Rings++, "count the ring")
            .PermitReentry(PhoneTrigger.Ring)
            .PermitIf(PhoneTrigger.Answer, PhoneState.Connected, static call => call.AgentAvailable, "an agent is available")
            .Permit(PhoneTrigger.HangUp, PhoneState.Closed);
        builder.Configure(PhoneState.Connected)
            .InitialTransition(PhoneState.Talking)
            .OnExit(static call => call.Log.Add("stop recording"), "stop recording")
            .InternalTransition(PhoneTrigger.Note, static (call, _) => call.Notes++)
            .PermitDynamic(
                PhoneTrigger.HangUp,
                static call => call.NeedsWrapUp ? PhoneState.WrapUp : PhoneState.Closed,
                [PhoneState.WrapUp, PhoneState.Closed],
                "wrap-up needed?");
        builder.Configure(PhoneState.Talking)
            .SubstateOf(PhoneState.Connected)
            .PermitIf(PhoneTrigger.Hold, PhoneState.OnHold, static call => call.HoldAllowed);
        builder.Configure(PhoneState.OnHold)
            .SubstateOf(PhoneState.Connected)
            .Permit(PhoneTrigger.Resume, PhoneState.Talking);
        builder.Configure(PhoneState.WrapUp)
            .Permit(PhoneTrigger.Close, PhoneState.Closed);
        return builder;
    }
}

// ----- enums with unusual shapes, for EnumIndex and the builder's handling of enum values -----

/// <summary>Two names for one value: <see cref="AlsoFirst"/> is an alias of <see cref="First"/>.</summary>
public enum UnitAliased
{
    First = 1,
    Second = 2,
#pragma warning disable CA1069 // The duplicate value is the point of this enum.
    AlsoFirst = 1,
#pragma warning restore CA1069
    Third = 3,
}

/// <summary>Negative values sort after the positive ones in <see cref="Enum.GetValues(Type)"/> (unsigned order).</summary>
public enum UnitSigned
{
    Minus = -1,
    Zero = 0,
    Plus = 1,
}

/// <summary>Values too far apart for a dense table.</summary>
public enum UnitSparse
{
    Small = 1,
    Large = 1_000_000,
}

public enum UnitSByte : sbyte
{
    Lowest = sbyte.MinValue,
    Zero = 0,
    Highest = sbyte.MaxValue,
}

public enum UnitByte : byte
{
    Zero = 0,
    Highest = byte.MaxValue,
}

public enum UnitInt64 : long
{
    Lowest = long.MinValue,
    Zero = 0,
    Highest = long.MaxValue,
}

public enum UnitUInt64 : ulong
{
    Zero = 0,
    Highest = ulong.MaxValue,
}

/// <summary>Declared out of order: the ordinals follow the values, not the declaration.</summary>
public enum UnitShuffled
{
    Three = 3,
    One = 1,
    Two = 2,
}

public enum UnitEmpty
{
}
