using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.StateMachines;
using ContactCenter.Core.Tests.StateMachines.Model;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.StateMachines;

/// <summary>
/// Several threads fire on shared instances at once (started together by a <see cref="Barrier"/>;
/// no sleeps, no clock). What the instances record (action log and transition stream) must be a
/// valid sequential history: the one the reference model produces for the accepted triggers in the
/// order they took effect. Iterations are bounded so that each test runs in a few seconds at most.
/// A deadlock would show up as a hanging test.
/// </summary>
public sealed class StateMachineConcurrencyTests
{
    private const int Threads = 4;
    private const int FiresPerThread = 5_000;

    private readonly ITestOutputHelper _output;

    public StateMachineConcurrencyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Concurrent_fires_on_one_instance_form_a_valid_sequential_history()
    {
        var spec = LiveSpec(seed: 2026);
        var built = EngineHarness<MState, MTrigger>.Build(spec, (MState)99);
        var machine = EngineHarness<MState, MTrigger>.CreateInstance(built);
        var permittedByState = PermittedByState(spec);
        var queryFailures = new ConcurrentQueue<string>();
        var firingThreads = new ConcurrentQueue<int>();
        using var subscription = machine.Transitions.Subscribe(new DelegateObserver(_ => firingThreads.Enqueue(Environment.CurrentManagedThreadId)));
        int firing = Threads;
        int queries = 0;

        var results = RunThreads(Threads, FiresPerThread, (thread, random) =>
        {
            var result = new ThreadResult();
            for (int i = 0; i < FiresPerThread; i++)
            {
                Fire(built, machine, random.Next(spec.TriggerCount), viaAsync: random.Next(4) == 0, result);
                YieldSometimes(random);
            }

            Interlocked.Decrement(ref firing);
            return result;
        }, extraThread: () =>
        {
            // Queries from another thread see a consistent snapshot: a defined state, and the
            // permitted triggers of one state.
            while (Volatile.Read(ref firing) > 0)
            {
                var state = machine.State;
                if (EngineHarness<MState, MTrigger>.StateOrdinal(state) < 0)
                {
                    queryFailures.Enqueue($"State read {state}");
                }

                var permitted = machine.PermittedTriggers.Select(t => (int)t).ToList();
                if (!permittedByState.Any(p => p.SequenceEqual(permitted)))
                {
                    queryFailures.Enqueue($"PermittedTriggers [{string.Join(",", permitted)}] is no state's");
                }

                queries++;
                Thread.Yield();
            }
        });

        Assert.Empty(queryFailures);
        VerifyHistory(spec, machine, results);
        int switches = firingThreads.Zip(firingThreads.Skip(1)).Count(pair => pair.First != pair.Second);
        _output.WriteLine($"{results.Sum(r => r.Accepted)} accepted, {results.Sum(r => r.Refused.Count)} refused; final state {machine.State}; consecutive transitions on different threads: {switches}; concurrent queries: {queries}");
    }

    [Fact]
    public void Concurrent_fires_on_several_instances_of_one_shared_definition()
    {
        const int SharedInstances = 5;
        var spec = LiveSpec(seed: 4711);
        var built = EngineHarness<MState, MTrigger>.Build(spec, (MState)99);
        var shared = Enumerable.Range(0, SharedInstances).Select(_ => EngineHarness<MState, MTrigger>.CreateInstance(built)).ToArray();
        var sharedResults = shared.Select(_ => new ConcurrentBag<ThreadResult>()).ToArray();
        var privateFailures = new ConcurrentQueue<string>();

        RunThreads(Threads, FiresPerThread, (thread, random) =>
        {
            // Each thread also creates (concurrently) a private instance of the shared definition
            // and checks it step by step against its own reference model.
            var mine = EngineHarness<MState, MTrigger>.CreateInstance(built);
            var model = new ReferenceMachine(spec);
            var perInstance = shared.Select(_ => new ThreadResult()).ToArray();
            for (int i = 0; i < FiresPerThread; i++)
            {
                int target = random.Next(SharedInstances);
                Fire(built, shared[target], random.Next(spec.TriggerCount), viaAsync: false, perInstance[target]);
                YieldSometimes(random);

                int trigger = random.Next(spec.TriggerCount);
                var expected = model.Fire(trigger);
                var actual = EngineHarness<MState, MTrigger>.Fire(built, mine, trigger, viaAsync: false);
                bool same = expected.Kind == OutcomeKind.Completed ? actual.Exception is null : actual.Exception is UnhandledTriggerException;
                if (!same || (int)mine.State != model.State)
                {
                    privateFailures.Enqueue($"thread {thread}, fire #{i} T{trigger}: model {expected} -> S{model.State}; engine {actual} -> {mine.State}");
                    break;
                }
            }

            if (privateFailures.IsEmpty && !mine.Context.Log.SequenceEqual(model.Log))
            {
                privateFailures.Enqueue($"thread {thread}: private instance log differs from the model's");
            }

            for (int s = 0; s < SharedInstances; s++)
            {
                sharedResults[s].Add(perInstance[s]);
            }

            return new ThreadResult();
        });

        Assert.Empty(privateFailures);
        for (int s = 0; s < SharedInstances; s++)
        {
            VerifyHistory(spec, shared[s], [.. sharedResults[s]]);
        }
    }

    [Fact]
    public void Reentrant_subscriber_firing_under_concurrency_neither_deadlocks_nor_tears()
    {
        // S0 -T0-> S1 -T0-> S2, and S2 is left at once: the subscriber fires T1 (S2 -T1-> S4) when it
        // sees a transition to S2. S4 -T0-> S3 -T0-> S0; S3's entry action fires T1, internal in S3.
        // Elsewhere T1 is internal too. Both nested firings are queued and must run before any other
        // thread's firing, on the firing thread: no thread ever observes S2, so T0 is never refused.
        var builder = new StateMachineBuilder<MState, MTrigger, EventLog>();
        foreach (var state in new[] { MState.S0, MState.S1, MState.S3, MState.S4 })
        {
            builder.Configure(state)
                .InternalTransition(MTrigger.T1, static (log, t) => log.Add("internal", t))
                .OnEntry(static (log, t) => log.Add("entry", t));
        }

        builder.Configure(MState.S0).Permit(MTrigger.T0, MState.S1);
        builder.Configure(MState.S1).Permit(MTrigger.T0, MState.S2);
        builder.Configure(MState.S2).Permit(MTrigger.T1, MState.S4).OnEntry(static (log, t) => log.Add("entry", t));
        builder.Configure(MState.S4).Permit(MTrigger.T0, MState.S3);
        builder.Configure(MState.S3).Permit(MTrigger.T0, MState.S0)
            .OnEntry(static (log, _) => log.Machine!.Fire(MTrigger.T1));
        var definition = builder.Build(MState.S0);

        var log = new EventLog();
        var machine = definition.CreateMachine(log);
        log.Machine = machine;
        using var subscription = machine.Transitions.Subscribe(new DelegateObserver(t =>
        {
            log.Add("published", t);
            if (t.Destination == MState.S2)
            {
                machine.Fire(MTrigger.T1);
            }
        }));

        var results = RunThreads(Threads, FiresPerThread, (thread, random) =>
        {
            var result = new ThreadResult();
            for (int i = 0; i < FiresPerThread; i++)
            {
                var trigger = random.Next(5) == 0 ? MTrigger.T1 : MTrigger.T0;
                try
                {
                    machine.Fire(trigger);
                    result.Accepted++;
                    YieldSometimes(random);
                }
                catch (Exception exception)
                {
                    result.Unexpected.Add(exception);
                }
            }

            return result;
        });

        Assert.Empty(results.SelectMany(r => r.Unexpected));
        var events = log.Events.ToArray();
        var published = events.Where(e => e.What == "published").ToList();
        var current = MState.S0;
        foreach (var e in published)
        {
            Assert.True(e.Transition.Source == current, $"published {e.Transition} but the machine was in {current}");
            current = e.Transition.Destination;
        }

        Assert.Equal(current, machine.State);
        for (int i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (e.What != "published" || (e.Transition.Destination != MState.S2 && e.Transition.Destination != MState.S3))
            {
                continue;
            }

            // The nested firing is the very next thing that happens, on the same thread.
            var expectedNext = e.Transition.Destination == MState.S2
                ? ("published", new Transition<MState, MTrigger>(MState.S2, MState.S4, MTrigger.T1, false))
                : ("internal", new Transition<MState, MTrigger>(MState.S3, MState.S3, MTrigger.T1, false));
            int next = e.Transition.Destination == MState.S2 ? i + 2 : i + 1; // after S2: S4's entry, then the bounce's publication
            int firstAfter = i + 1;
            Assert.True(next < events.Length, $"nothing after {e}");
            if (e.Transition.Destination == MState.S2)
            {
                Assert.True(events[firstAfter] is { What: "entry" } entry && entry.Transition.Destination == MState.S4 && entry.Thread == e.Thread, $"after {e} came {events[firstAfter]}");
            }

            Assert.True(
                (events[next].What, events[next].Transition) == expectedNext && events[next].Thread == e.Thread,
                $"after {e} came {events[next]}; expected {expectedNext} on thread {e.Thread}");
        }

        int bounces = published.Count(e => e.Transition.Destination == MState.S2);
        int nestedInS3 = published.Count(e => e.Transition.Destination == MState.S3);
        int internals = events.Count(e => e.What == "internal");
        Assert.Equal(results.Sum(r => r.Accepted) + bounces + nestedInS3, published.Count + internals);
        int switches = published.Zip(published.Skip(1)).Count(pair => pair.First.Thread != pair.Second.Thread);
        _output.WriteLine($"{published.Count} transitions ({bounces} bounced by the subscriber), {internals} internal transitions; consecutive transitions on different threads: {switches}");
    }

    [Fact]
    public void Concurrent_FireAsync_with_async_actions_is_serialised_and_queues_nested_firings()
    {
        // S0 -T0-> S1 -T0-> S2 -T0-> S0. Every entry action is async and yields between its "begin"
        // and "end" records; S1's entry action fires T1 (internal in S1) from inside, which is queued.
        var builder = new StateMachineBuilder<MState, MTrigger, EventLog>();
        foreach (var (state, next) in new[] { (MState.S0, MState.S1), (MState.S1, MState.S2), (MState.S2, MState.S0) })
        {
            builder.Configure(state)
                .Permit(MTrigger.T0, next)
                .OnEntryAsync(static async (log, t, token) =>
                {
                    log.Add("begin", t);
                    await Task.Yield();
                    if (t.Destination == MState.S1)
                    {
                        await log.Machine!.FireAsync(MTrigger.T1, token);
                    }

                    log.Add("end", t);
                });
        }

        builder.Configure(MState.S1).InternalTransition(MTrigger.T1, static (log, t) => log.Add("internal", t));
        var definition = builder.Build(MState.S0);
        Assert.True(definition.HasAsyncActions);

        var log = new EventLog();
        var machine = definition.CreateMachine(log);
        log.Machine = machine;
        Assert.Throws<InvalidOperationException>(() => machine.Fire(MTrigger.T0));
        using var subscription = machine.Transitions.Subscribe(new DelegateObserver(t => log.Add("published", t)));

        const int AsyncFiresPerThread = 1_000;
        var results = RunThreads(Threads, AsyncFiresPerThread, (thread, random) =>
        {
            var result = new ThreadResult();
            for (int i = 0; i < AsyncFiresPerThread; i++)
            {
                try
                {
                    machine.FireAsync(MTrigger.T0).AsTask().GetAwaiter().GetResult();
                    result.Accepted++;
                }
                catch (Exception exception)
                {
                    result.Unexpected.Add(exception);
                }
            }

            return result;
        });

        Assert.Empty(results.SelectMany(r => r.Unexpected));

        // Each firing is [begin, end, published] for its entry, then (into S1) the queued internal T1.
        var events = log.Events.ToArray();
        var current = MState.S0;
        int position = 0;
        int transitions = 0;
        while (position < events.Length)
        {
            var expected = new Transition<MState, MTrigger>(current, Successor(current), MTrigger.T0, false);
            Assert.True(position + 2 < events.Length, $"incomplete firing at {position}: {describe(position)}");
            Assert.True(events[position].What == "begin" && events[position].Transition == expected, $"at {position}: expected begin {expected}, found {describe(position)}");
            Assert.True(events[position + 1].What == "end" && events[position + 1].Transition == expected, $"at {position + 1}: expected end {expected}, found {describe(position + 1)}");
            Assert.True(events[position + 2].What == "published" && events[position + 2].Transition == expected, $"at {position + 2}: expected published {expected}, found {describe(position + 2)}");
            position += 3;
            if (expected.Destination == MState.S1)
            {
                var nested = new Transition<MState, MTrigger>(MState.S1, MState.S1, MTrigger.T1, false);
                Assert.True(position < events.Length && events[position].What == "internal" && events[position].Transition == nested, $"at {position}: expected the queued internal {nested}, found {describe(position)}");
                position++;
            }

            current = expected.Destination;
            transitions++;
        }

        Assert.Equal(Threads * AsyncFiresPerThread, transitions);
        Assert.Equal(current, machine.State);
        _output.WriteLine($"{transitions} transitions, {events.Count(e => e.What == "internal")} queued nested firings");

        string describe(int at) => at < events.Length ? $"{events[at].What} {events[at].Transition}" : "end of log";
    }

    /// <summary>
    /// The spin gate lets a thread that fires in a tight loop take the gate again before the threads
    /// backing off in SpinWait retry, so without this the threads would mostly run one after another.
    /// Yielding (not sleeping) hands the core over and makes firings interleave.
    /// </summary>
    private static void YieldSometimes(Random random)
    {
        if (random.Next(2) == 0)
        {
            Thread.Yield();
        }
    }

    private static MState Successor(MState state) => state switch
    {
        MState.S0 => MState.S1,
        MState.S1 => MState.S2,
        _ => MState.S0,
    };

    // ----- helpers -------------------------------------------------------------------------------------

    /// <summary>
    /// A random hierarchical spec whose every firing is visible (no Ignore, no effects, exclusive
    /// guards, flags never change), in which every state permits some trigger: the first seed from
    /// <paramref name="seed"/> on that qualifies.
    /// </summary>
    private static MachineSpec LiveSpec(int seed)
    {
        var options = new GenOptions
        {
            Effects = false,
            Ambiguity = false,
            UndefinedDynamic = false,
            Ignore = false,
            Rehydrate = false,
            Typed = false,
            Density = 0.7,
        };
        for (int candidate = seed; ; candidate++)
        {
            var spec = SpecGenerator.CreateSpec(new Random(candidate), options);
            if (PermittedByState(spec).All(p => p.Count >= 2))
            {
                return spec;
            }
        }
    }

    private static List<List<int>> PermittedByState(MachineSpec spec) =>
        Enumerable.Range(0, spec.StateCount).Select(s => new ReferenceMachine(spec with { RehydrateAt = s }).PermittedTriggers()).ToList();

    private static void Fire(BuiltSpec<MState, MTrigger> built, StateMachine<MState, MTrigger, ModelContext> machine, int trigger, bool viaAsync, ThreadResult result)
    {
        var outcome = EngineHarness<MState, MTrigger>.Fire(built, machine, trigger, viaAsync);
        switch (outcome.Exception)
        {
            case null:
                result.Accepted++;
                break;
            case UnhandledTriggerException refused:
                result.Refused.Add(refused);
                break;
            default:
                result.Unexpected.Add(outcome.Exception);
                break;
        }
    }

    /// <summary>
    /// Replays what the instance recorded. Without Ignore and effects, every accepted firing leaves
    /// exactly one segment in the log: its exit and entry actions followed by its publication, or
    /// its internal action. Each segment must be what the reference model produces for that trigger
    /// in the state the previous segment ended in.
    /// </summary>
    private static void VerifyHistory(MachineSpec spec, StateMachine<MState, MTrigger, ModelContext> machine, IReadOnlyCollection<ThreadResult> results)
    {
        Assert.Empty(results.SelectMany(r => r.Unexpected));
        var events = machine.Context.Log.ToArray();
        var model = new ReferenceMachine(spec);
        int segments = 0;
        int start = 0;
        TransitionRecord? last = null;
        for (int i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (!e.IsPublished && e.Kind != ActionKindSpec.Internal)
            {
                continue;
            }

            var transition = e.Transition!.Value;
            Assert.True(transition.Source == model.State, $"segment #{segments} ({transition}) does not start where the previous one ended (S{model.State})");
            int before = model.Log.Count;
            var outcome = model.Fire(transition.Trigger);
            Assert.True(outcome.Kind == OutcomeKind.Completed, $"segment #{segments} ({transition}): the model says {outcome}");
            var expected = model.Log.Skip(before).ToList();
            var actual = events[start..(i + 1)];
            Assert.True(
                expected.SequenceEqual(actual),
                $"segment #{segments} differs from a sequential firing of T{transition.Trigger} in S{transition.Source}:{Environment.NewLine}expected [{string.Join(", ", expected)}]{Environment.NewLine}actual   [{string.Join(", ", actual)}]");
            segments++;
            start = i + 1;
            if (e.IsPublished)
            {
                last = transition;
            }
        }

        Assert.True(start == events.Length, $"{events.Length - start} log entries after the last complete firing");
        Assert.Equal(results.Sum(r => r.Accepted), segments);
        Assert.Equal(model.State, (int)machine.State);
        if (last is { } lastTransition)
        {
            Assert.Equal(lastTransition.Destination, (int)machine.State);
        }

        // Every refusal happened in a state that refuses that trigger.
        foreach (var refused in results.SelectMany(r => r.Refused))
        {
            var at = new ReferenceMachine(spec with { RehydrateAt = (int)(MState)refused.State });
            Assert.False(at.CanFire((int)(MTrigger)refused.Trigger), $"refused {refused.Trigger} in {refused.State}, which permits it");
        }
    }

    /// <summary>Starts <paramref name="count"/> threads (plus an optional observer thread) together and joins them.</summary>
    private List<ThreadResult> RunThreads(int count, int iterations, Func<int, Random, ThreadResult> body, Action? extraThread = null)
    {
        int seed = 0x5EED_C0DE;
        _output.WriteLine($"{count} threads x {iterations} fires, thread seeds {seed}+thread{(extraThread is null ? string.Empty : ", plus a querying thread")}");
        var results = new ThreadResult[count];
        using var barrier = new Barrier(count + (extraThread is null ? 0 : 1));
        var threads = Enumerable.Range(0, count).Select(index => new Thread(() =>
        {
            var random = new Random(seed + index);
            barrier.SignalAndWait();
            results[index] = body(index, random);
        })).ToList();
        if (extraThread is not null)
        {
            threads.Add(new Thread(() =>
            {
                barrier.SignalAndWait();
                extraThread();
            }));
        }

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return [.. results];
    }

    private sealed class ThreadResult
    {
        public int Accepted { get; set; }

        public List<UnhandledTriggerException> Refused { get; } = [];

        public List<Exception> Unexpected { get; } = [];
    }

    private sealed record Event(string What, Transition<MState, MTrigger> Transition, int Thread)
    {
        public override string ToString() => $"{What} {Transition} on thread {Thread}";
    }

    /// <summary>Context of the hand-written machines: a thread-safe event log and the machine (for nested firing).</summary>
    private sealed class EventLog
    {
        public ConcurrentQueue<Event> Events { get; } = new();

        public StateMachine<MState, MTrigger, EventLog>? Machine { get; set; }

        public void Add(string what, Transition<MState, MTrigger> transition) =>
            Events.Enqueue(new Event(what, transition, Environment.CurrentManagedThreadId));
    }

    private sealed class DelegateObserver : IObserver<Transition<MState, MTrigger>>
    {
        private readonly Action<Transition<MState, MTrigger>> _onNext;

        public DelegateObserver(Action<Transition<MState, MTrigger>> onNext) => _onNext = onNext;

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(Transition<MState, MTrigger> value) => _onNext(value);
    }
}
