using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Benchmarks.StateMachines;

/// <summary>
/// The state-machine engine against a hand-written <c>switch</c> (<see cref="SwitchCall"/>, the
/// baseline of each category) on the phone-call definition of <see cref="PhoneCall"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Create</b>: one new instance (the context object is shared and not allocated per op).</item>
/// <item><b>Fire</b>: one Fire on a long-lived instance, toggling Connected -Hold-> OnHold -Resume->
/// Connected. Each invocation fires twice and is declared with <c>OperationsPerInvoke = 2</c>, so one
/// reported operation is exactly one Fire and no instance is created.</item>
/// <item><b>Lifecycle</b>: a fresh instance and 9 fires: Dial, Answer (guarded), Hold, Resume,
/// Consult (guarded), HangUp (from Consulting, handled by the superstate Connected), HangUp again
/// (ignored in Disconnected), StartWrapUp, Complete(42) (parameterised, guarded on its argument).</item>
/// <item><b>CanFire</b>: CanFire(Answer) in Ringing, whose guard reads the context.</item>
/// <item><b>PermittedTriggers</b>: TryGetPermittedTriggers into a caller's buffer in OnHold
/// (two-level chain; 4 of 11 triggers permitted, one through a guard).</item>
/// </list>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StateMachineBenchmarks
{
    private const string Create = "Create";
    private const string Fire = "Fire";
    private const string Lifecycle = "Lifecycle";
    private const string CanFire = "CanFire";
    private const string Permitted = "PermittedTriggers";

    private readonly Call _call = new();
    private readonly CallTrigger[] _buffer = new CallTrigger[Enum.GetValues<CallTrigger>().Length];
    private StateMachineDefinition<CallState, CallTrigger, Call> _definition = null!;
    private TriggerWithParameters<CallTrigger, int> _complete = null!;
    private StateMachine<CallState, CallTrigger, Call> _engineConnected = null!;
    private SwitchCall _switchConnected = null!;
    private StateMachine<CallState, CallTrigger, Call> _engineRinging = null!;
    private SwitchCall _switchRinging = null!;
    private StateMachine<CallState, CallTrigger, Call> _engineOnHold = null!;
    private SwitchCall _switchOnHold = null!;

    [GlobalSetup]
    public void Setup()
    {
        _definition = PhoneCall.Build(out _complete);
        EquivalenceCheck.Run(_definition, _complete);

        _engineConnected = _definition.Rehydrate(_call, CallState.Connected);
        _switchConnected = new SwitchCall(_call, CallState.Connected);
        _engineRinging = _definition.Rehydrate(_call, CallState.Ringing);
        _switchRinging = new SwitchCall(_call, CallState.Ringing);
        _engineOnHold = _definition.Rehydrate(_call, CallState.OnHold);
        _switchOnHold = new SwitchCall(_call, CallState.OnHold);

        // Sanity: the lifecycle ends in Done on both.
        if (EngineLifecycle().State != CallState.Done || SwitchLifecycle().State != CallState.Done)
        {
            throw new InvalidOperationException("The lifecycle does not end in Done.");
        }
    }

    // ----- (a) instance creation -----

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Create)]
    public SwitchCall SwitchCreate() => new(_call);

    [Benchmark]
    [BenchmarkCategory(Create)]
    public StateMachine<CallState, CallTrigger, Call> EngineCreate() => _definition.CreateMachine(_call);

    // ----- (b) one Fire (OperationsPerInvoke = 2: Hold then Resume, state restored) -----

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    [BenchmarkCategory(Fire)]
    public void SwitchFire()
    {
        _switchConnected.Fire(CallTrigger.Hold);
        _switchConnected.Fire(CallTrigger.Resume);
    }

    [Benchmark(OperationsPerInvoke = 2)]
    [BenchmarkCategory(Fire)]
    public void EngineFire()
    {
        _engineConnected.Fire(CallTrigger.Hold);
        _engineConnected.Fire(CallTrigger.Resume);
    }

    // ----- (c) full lifecycle on a fresh instance -----

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Lifecycle)]
    public SwitchCall SwitchLifecycle()
    {
        var call = new SwitchCall(_call);
        call.Fire(CallTrigger.Dial);
        call.Fire(CallTrigger.Answer);
        call.Fire(CallTrigger.Hold);
        call.Fire(CallTrigger.Resume);
        call.Fire(CallTrigger.Consult);
        call.Fire(CallTrigger.HangUp);
        call.Fire(CallTrigger.HangUp);
        call.Fire(CallTrigger.StartWrapUp);
        call.Complete(PhoneCall.DispositionCode);
        return call;
    }

    [Benchmark]
    [BenchmarkCategory(Lifecycle)]
    public StateMachine<CallState, CallTrigger, Call> EngineLifecycle()
    {
        var call = _definition.CreateMachine(_call);
        call.Fire(CallTrigger.Dial);
        call.Fire(CallTrigger.Answer);
        call.Fire(CallTrigger.Hold);
        call.Fire(CallTrigger.Resume);
        call.Fire(CallTrigger.Consult);
        call.Fire(CallTrigger.HangUp);
        call.Fire(CallTrigger.HangUp);
        call.Fire(CallTrigger.StartWrapUp);
        call.Fire(_complete, PhoneCall.DispositionCode);
        return call;
    }

    // ----- (d) CanFire on a guarded trigger -----

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(CanFire)]
    public bool SwitchCanFire() => _switchRinging.CanFire(CallTrigger.Answer);

    [Benchmark]
    [BenchmarkCategory(CanFire)]
    public bool EngineCanFire() => _engineRinging.CanFire(CallTrigger.Answer);

    // ----- (e) permitted triggers into a caller's span -----

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Permitted)]
    public int SwitchPermittedTriggers()
    {
        _switchOnHold.TryGetPermittedTriggers(_buffer, out int written);
        return written;
    }

    [Benchmark]
    [BenchmarkCategory(Permitted)]
    public int EnginePermittedTriggers()
    {
        _engineOnHold.TryGetPermittedTriggers(_buffer, out int written);
        return written;
    }
}
