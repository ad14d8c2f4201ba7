using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Benchmarks.Interactions;

/// <summary>
/// The <see cref="Interaction"/> aggregate against a hand-written voice call (<see cref="HandWrittenVoiceCall"/>,
/// the baseline of each category) that publishes the same events.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Lifecycle</b>: one inbound voice interaction's whole life through the public API, with one
/// subscriber attached to <see cref="Interaction.Events"/>: Create (offer), Accept, Hold, Resume,
/// ConsultForTransfer (with a reason), TargetAnswered (network event), CompleteTransfer, SetDisposition,
/// MarkDone: Create and 8 inputs, 19 events. Correlation ids are omitted (a new one per input), the clock is the
/// system clock. One operation is one complete interaction; Op/s is interactions per second on one core.</item>
/// <item><b>LifecycleGivenIds</b>: the same life with the interaction id and every correlation id supplied by
/// the caller (as a CTI supplies its call and event ids), so no <c>Guid.NewGuid</c> runs in the measured code.</item>
/// <item><b>Stamp</b>: what each input costs before the aggregate does anything: a new correlation id and the
/// system clock's time.</item>
/// <item><b>Idle</b>: <see cref="IdleCount"/> interactions created, accepted and left talking, held in an
/// array (<c>OperationsPerInvoke = IdleCount</c>, so one operation is one interaction). Allocated is what one
/// interaction allocates to get there, garbage included; <b>Retained</b> (<see cref="RetainedBytesColumn"/>)
/// is what one idle interaction keeps alive, measured with <c>GC.GetTotalMemory(true)</c> around the
/// creation of <see cref="IdleCount"/> of them.</item>
/// </list>
/// <see cref="LifecycleEquivalence"/> runs in the global setup: it fails the benchmark if the baseline and
/// the aggregate ever publish different events for the lifecycle.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(Config))]
public class InteractionBenchmarks
{
    /// <summary>How many idle interactions the Idle category creates and holds per invocation.</summary>
    public const int IdleCount = 100_000;

    internal const string CustomerAddress = "+33 1 23 45 67 89";
    internal const string AgentAddress = "agent-042";
    internal const string TransferTarget = "+33 1 98 76 54 32";
    internal const string TransferReason = "Billing question";
    internal const string DispositionCode = "Transferred";

    private const string Lifecycle = "Lifecycle";
    private const string LifecycleGivenIds = "LifecycleGivenIds";
    private const string Idle = "Idle";
    private const string Stamp = "Stamp";

    internal static InteractionSpec Spec { get; } = new(MediaType.Voice, InteractionDirection.Inbound, CustomerAddress) { AgentAddress = AgentAddress };

    internal static InteractionOptions Options { get; } = new()
    {
        Dispositions = ["Sale", "NoSale", DispositionCode],
        DispositionRequired = true,
    };

    /// <summary>Ids a CTI would supply: the interaction id (its call id) and one correlation id per input (its event or request ids).</summary>
    internal static InteractionId GivenId { get; } = new(new Guid("6f1c2a34-8d0e-4b7a-9c55-0e2f7a9b1d01"));

    internal static InteractionSpec SpecWithId { get; } = Spec with { Id = GivenId };

    private static readonly Guid[] s_correlationIds = CreateCorrelationIds();

    /// <summary>The one subscriber: counts the events (shared by every interaction, like a desktop's handler).</summary>
    internal static EventCounter Subscriber { get; } = new();

    private readonly object[] _held = new object[IdleCount];

    [GlobalSetup]
    public void Setup()
    {
        LifecycleEquivalence.Run();
    }

    // ----- (a) a voice interaction's whole life, one subscriber -----

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Lifecycle)]
    public HandWrittenVoiceCall HandWrittenLifecycle() => RunHandWritten(Subscriber, givenIds: false);

    [Benchmark]
    [BenchmarkCategory(Lifecycle)]
    public Interaction InteractionLifecycle() => RunInteraction(Subscriber, givenIds: false);

    // ----- (a') the same life, with the ids supplied by the caller (no Guid.NewGuid in the measured code) -----

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(LifecycleGivenIds)]
    public HandWrittenVoiceCall HandWrittenLifecycleGivenIds() => RunHandWritten(Subscriber, givenIds: true);

    [Benchmark]
    [BenchmarkCategory(LifecycleGivenIds)]
    public Interaction InteractionLifecycleGivenIds() => RunInteraction(Subscriber, givenIds: true);

    // ----- (b) idle live interactions, held (OperationsPerInvoke: one operation is one interaction) -----

    [Benchmark(Baseline = true, OperationsPerInvoke = IdleCount)]
    [BenchmarkCategory(Idle)]
    public object[] HandWrittenIdleOneSubscriber() => Fill(_held, nameof(HandWrittenIdleOneSubscriber));

    [Benchmark(OperationsPerInvoke = IdleCount)]
    [BenchmarkCategory(Idle)]
    public object[] InteractionIdleNoSubscriber() => Fill(_held, nameof(InteractionIdleNoSubscriber));

    [Benchmark(OperationsPerInvoke = IdleCount)]
    [BenchmarkCategory(Idle)]
    public object[] InteractionIdleOneSubscriber() => Fill(_held, nameof(InteractionIdleOneSubscriber));

    // ----- what every input costs before the aggregate does anything: a correlation id and the time -----

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Stamp)]
    public Guid NewCorrelationId() => Guid.NewGuid();

    [Benchmark]
    [BenchmarkCategory(Stamp)]
    public Guid SdkCorrelationId() => Ids.Next();

    [Benchmark]
    [BenchmarkCategory(Stamp)]
    public NodaTime.Instant SystemClockNow() => Options.TimeSource.Now;

    // ----- the scenarios (also used by the equivalence check and the retained-bytes column) -----

    internal static Interaction RunInteraction(IObserver<InteractionEvent> subscriber, bool givenIds)
    {
        var ids = givenIds ? s_correlationIds : null;
        var interaction = Interaction.Create(givenIds ? SpecWithId : Spec, Options);
        _ = interaction.Events.Subscribe(subscriber);
        interaction.Accept(ids?[0]);
        interaction.Hold(ids?[1]);
        interaction.Resume(ids?[2]);
        interaction.ConsultForTransfer(TransferTarget, TransferReason, ids?[3]);
        _ = interaction.OnNetworkEvent(NetworkEvent.TargetAnswered, ids?[4]);
        interaction.CompleteTransfer(ids?[5]);
        interaction.SetDisposition(DispositionCode, ids?[6]);
        interaction.MarkDone(ids?[7]);
        return interaction;
    }

    internal static HandWrittenVoiceCall RunHandWritten(IObserver<InteractionEvent> subscriber, bool givenIds)
    {
        var ids = givenIds ? s_correlationIds : null;
        var call = new HandWrittenVoiceCall(CustomerAddress, AgentAddress, Options.TimeSource, givenIds ? GivenId : null);
        call.Subscribe(subscriber);
        call.Accept(ids?[0]);
        call.Hold(ids?[1]);
        call.Resume(ids?[2]);
        call.ConsultForTransfer(TransferTarget, TransferReason, ids?[3]);
        _ = call.OnTargetAnswered(ids?[4]);
        call.CompleteTransfer(ids?[5]);
        call.SetDisposition(DispositionCode, ids?[6]);
        call.MarkDone(ids?[7]);
        return call;
    }

    private static Guid[] CreateCorrelationIds()
    {
        var ids = new Guid[8];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = Guid.NewGuid();
        }

        return ids;
    }

    /// <summary>Creates one idle (accepted, talking) item of the Idle benchmark <paramref name="method"/>.</summary>
    internal static Func<object> IdleFactory(string method) => method switch
    {
        nameof(HandWrittenIdleOneSubscriber) => static () =>
        {
            var call = new HandWrittenVoiceCall(CustomerAddress, AgentAddress, Options.TimeSource);
            call.Subscribe(Subscriber);
            call.Accept();
            return call;
        },
        nameof(InteractionIdleNoSubscriber) => static () =>
        {
            var interaction = Interaction.Create(Spec, Options);
            interaction.Accept();
            return interaction;
        },
        nameof(InteractionIdleOneSubscriber) => static () =>
        {
            var interaction = Interaction.Create(Spec, Options);
            _ = interaction.Events.Subscribe(Subscriber);
            interaction.Accept();
            return interaction;
        },
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not an Idle benchmark."),
    };

    internal static IReadOnlyList<string> IdleMethods { get; } =
        [nameof(HandWrittenIdleOneSubscriber), nameof(InteractionIdleNoSubscriber), nameof(InteractionIdleOneSubscriber)];

    private static object[] Fill(object[] held, string method)
    {
        var create = IdleFactory(method);
        for (int i = 0; i < held.Length; i++)
        {
            held[i] = create();
        }

        return held;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(StatisticColumn.OperationsPerSecond, new RetainedBytesColumn());
        }
    }
}
