using System;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

/// <summary>
/// <c>FireAsync</c> and asynchronous actions. Asynchronous actions are held open with
/// <see cref="TaskCompletionSource"/>s released by the test; nothing waits on the clock.
/// </summary>
public sealed class StateMachineAsyncTests
{
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Idle --Go--> Other --Back--> Idle, with an asynchronous exit action on Idle that waits for <paramref name="exitRelease"/>.</summary>
    private static StateMachine<UnitState, UnitTrigger, UnitContext> GatedMachine(TaskCompletionSource exitRelease)
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Go, UnitState.Other)
            .OnExitAsync(async (context, _, _) =>
            {
                context.Record("async exit Idle started");
                await exitRelease.Task;
                context.Record("async exit Idle finished");
            });
        builder.Configure(UnitState.Other).Permit(UnitTrigger.Back, UnitState.Idle);
        return builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
    }

    [Fact]
    public async Task FireAsync_awaits_asynchronous_exit_and_entry_actions_in_order_before_publishing()
    {
        var exitRelease = NewSignal();
        var entryStarted = NewSignal();
        var entryRelease = NewSignal();
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Go, UnitState.Other)
            .OnExitAsync(async (context, _, _) =>
            {
                context.Record("exit started");
                await exitRelease.Task;
                context.Record("exit finished");
            });
        builder.Configure(UnitState.Other)
            .OnEntryAsync(async (context, _, _) =>
            {
                context.Record("entry started");
                entryStarted.SetResult();
                await entryRelease.Task;
                context.Record("entry finished");
            })
            .OnEntry(static context => context.Record("synchronous entry"));
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        var firing = machine.FireAsync(UnitTrigger.Go);
        Assert.False(firing.IsCompleted);
        Assert.Equal(new[] { "exit started" }, machine.Context.Log);
        Assert.Equal(UnitState.Idle, machine.State);

        exitRelease.SetResult();
        await entryStarted.Task;
        Assert.Equal(new[] { "exit started", "exit finished", "entry started" }, machine.Context.Log);
        Assert.Equal(UnitState.Other, machine.State);
        Assert.Empty(recorder.Received);
        Assert.False(firing.IsCompleted);

        entryRelease.SetResult();
        await firing;

        Assert.Equal(new[] { "exit started", "exit finished", "entry started", "entry finished", "synchronous entry" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go) }, recorder.Received);
    }

    [Fact]
    public void Fire_on_a_definition_with_asynchronous_actions_throws_and_changes_nothing()
    {
        var machine = GatedMachine(NewSignal());

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal("The state machine of UnitState has asynchronous actions; fire it with FireAsync.", exception.Message);
        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(machine.Context.Log);
    }

    [Fact]
    public async Task FireAsync_on_a_synchronous_definition_completes_synchronously()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        var firing = machine.FireAsync(UnitTrigger.Go);

        Assert.True(firing.IsCompletedSuccessfully);
        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "exit Idle", "enter Other" }, machine.Context.Log);
        await firing;
    }

    [Fact]
    public async Task FireAsync_on_a_synchronous_definition_returns_a_refusal_in_the_task()
    {
        var machine = UnitMachines.NewBuilder().Build(UnitState.Idle).CreateMachine(new UnitContext());

        var firing = machine.FireAsync(UnitTrigger.Go);

        Assert.True(firing.IsFaulted);
        await Assert.ThrowsAsync<UnhandledTriggerException>(async () => await firing);
        Assert.Equal(UnitState.Idle, machine.State);
    }

    [Fact]
    public async Task FireAsync_with_one_two_or_three_arguments_on_a_synchronous_definition_completes_synchronously()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        var tell = builder.SetTriggerParameters<int, string>(UnitTrigger.Tell);
        var choose = builder.SetTriggerParameters<int, string, bool>(UnitTrigger.Choose);
        builder.Configure(UnitState.Other)
            .InternalTransition(ask, static (context, a, _) => context.Record("ask " + a))
            .InternalTransition(tell, static (context, a, b, _) => context.Record("tell " + a + b))
            .InternalTransition(choose, static (context, a, b, c, _) => context.Record("choose " + a + b + c));
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());

        var one = machine.FireAsync(ask, 1);
        Assert.True(one.IsCompletedSuccessfully);
        await one;
        var two = machine.FireAsync(tell, 2, "b");
        Assert.True(two.IsCompletedSuccessfully);
        await two;
        var three = machine.FireAsync(choose, 3, "c", true);
        Assert.True(three.IsCompletedSuccessfully);
        await three;

        Assert.Equal(new[] { "ask 1", "tell 2b", "choose 3cTrue" }, machine.Context.Log);
    }

    [Fact]
    public async Task FireAsync_on_an_asynchronous_definition_completes_synchronously_when_only_synchronous_actions_run()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Other)
            .Permit(UnitTrigger.Back, UnitState.Idle)
            .OnEntryAsync(static (_, _, _) => default);
        var other = builder.Build(UnitState.Other).CreateMachine(new UnitContext());

        var firing = other.FireAsync(UnitTrigger.Back);

        Assert.True(firing.IsCompletedSuccessfully);
        await firing;
        Assert.Equal(UnitState.Idle, other.State);
        Assert.True(other.Definition.HasAsyncActions);
    }

    [Fact]
    public async Task FireAsync_from_inside_an_asynchronous_action_is_queued_and_runs_after_the_transition()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.ChildA);
        builder.Configure(UnitState.ChildA)
            .Permit(UnitTrigger.Next, UnitState.ChildB)
            .OnEntryFromAsync(UnitTrigger.Go, async (context, _, cancellationToken) =>
            {
                await machine!.FireAsync(UnitTrigger.Next, cancellationToken);
                context.Record("nested FireAsync returned in " + machine.State);
            });
        machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine, t => machine.Context.Record("published " + t));

        await machine.FireAsync(UnitTrigger.Go);

        Assert.Equal(UnitState.ChildB, machine.State);
        Assert.Equal(
            new[]
            {
                "exit Idle", "enter Parent", "enter ChildA", "nested FireAsync returned in ChildA", "published Idle --Go--> ChildA",
                "exit ChildA", "enter ChildB", "published ChildA --Next--> ChildB",
            },
            machine.Context.Log);
        Assert.Equal(2, recorder.Received.Count);
    }

    [Fact]
    public async Task FireAsync_with_a_token_cancelled_before_the_call_is_cancelled_and_changes_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var asynchronous = GatedMachine(NewSignal());
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        var synchronous = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        var asyncFiring = asynchronous.FireAsync(UnitTrigger.Go, cancellation.Token);
        var syncFiring = synchronous.FireAsync(UnitTrigger.Go, cancellation.Token);

        Assert.True(asyncFiring.IsCanceled);
        Assert.True(syncFiring.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await asyncFiring);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await syncFiring);
        Assert.Equal(UnitState.Idle, asynchronous.State);
        Assert.Equal(UnitState.Idle, synchronous.State);
        Assert.Empty(asynchronous.Context.Log);
        Assert.Empty(synchronous.Context.Log);
    }

    [Fact]
    public async Task FireAsync_waits_for_the_firing_under_way_and_then_runs()
    {
        var exitRelease = NewSignal();
        var machine = GatedMachine(exitRelease);

        var first = machine.FireAsync(UnitTrigger.Go);
        var second = machine.FireAsync(UnitTrigger.Back);
        Assert.False(second.IsCompleted);
        Assert.Equal(new[] { "exit Idle", "async exit Idle started" }, machine.Context.Log);

        exitRelease.SetResult();
        await first;
        await second;

        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Equal(
            new[] { "exit Idle", "async exit Idle started", "async exit Idle finished", "enter Other", "exit Other", "enter Idle" },
            machine.Context.Log);
    }

    [Fact]
    public async Task Cancelling_a_FireAsync_that_waits_for_another_firing_cancels_only_it()
    {
        var exitRelease = NewSignal();
        var machine = GatedMachine(exitRelease);
        using var cancellation = new CancellationTokenSource();

        var first = machine.FireAsync(UnitTrigger.Go);
        var waiting = machine.FireAsync(UnitTrigger.Back, cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        exitRelease.SetResult();
        await first;

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "exit Idle", "async exit Idle started", "async exit Idle finished", "enter Other" }, machine.Context.Log);
    }

    [Fact]
    public async Task FireAsync_passes_its_cancellation_token_to_asynchronous_actions()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken received = default;
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).OnEntryAsync((_, _, cancellationToken) =>
        {
            received = cancellationToken;
            return default;
        });
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        await machine.FireAsync(UnitTrigger.Go, cancellation.Token);

        Assert.Equal(cancellation.Token, received);
    }

    [Fact]
    public async Task Typed_OnEntryFromAsync_receives_the_argument_of_FireAsync()
    {
        var entryRelease = NewSignal();
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<string>(UnitTrigger.Ask);
        var tell = builder.SetTriggerParameters<string, int>(UnitTrigger.Tell);
        var choose = builder.SetTriggerParameters<string, int, bool>(UnitTrigger.Choose);
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Ask, UnitState.Other);
        builder.Configure(UnitState.Other)
            .OnEntryFromAsync(ask, async (context, text, transition, _) =>
            {
                await entryRelease.Task;
                context.Record(text + " " + transition);
            })
            .InternalTransition(tell, static (context, text, number, _) => context.Record(text + number))
            .InternalTransition(choose, static (context, text, number, flag, _) => context.Record(text + number + flag));
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        var firing = machine.FireAsync(ask, "hello");
        entryRelease.SetResult();
        await firing;
        await machine.FireAsync(tell, "two", 2);
        await machine.FireAsync(choose, "three", 3, true);

        Assert.Equal(new[] { "hello Idle --Ask--> Other", "two2", "three3True" }, machine.Context.Log);
    }

    [Fact]
    public async Task FireAsync_of_a_parameterised_trigger_without_arguments_throws_ArgumentException()
    {
        var builder = UnitMachines.NewBuilder();
        builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Ask, UnitState.Other);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        await Assert.ThrowsAsync<ArgumentException>(async () => await machine.FireAsync(UnitTrigger.Ask));

        Assert.Equal(UnitState.Idle, machine.State);
    }

    [Fact]
    public async Task InternalTransitionAsync_is_awaited_without_exit_entry_or_event()
    {
        var release = NewSignal();
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other).InternalTransitionAsync(UnitTrigger.Poke, async (context, transition, _) =>
        {
            await release.Task;
            context.Record("poked " + transition);
        });
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        var firing = machine.FireAsync(UnitTrigger.Poke);
        Assert.False(firing.IsCompleted);
        release.SetResult();
        await firing;

        Assert.Equal(new[] { "poked Other --Poke--> Other" }, machine.Context.Log);
        Assert.Equal(UnitState.Other, machine.State);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public async Task A_throwing_asynchronous_exit_action_leaves_the_state_unchanged_and_the_machine_usable()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => !context.Allowed)
            .PermitIf(UnitTrigger.Go, UnitState.Parent, static context => context.Allowed)
            .OnExitAsync(async (context, _, _) =>
            {
                await Task.Yield();
                if (!context.Allowed)
                {
                    throw new UnitFailureException("exit");
                }
            });
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        await Assert.ThrowsAsync<UnitFailureException>(async () => await machine.FireAsync(UnitTrigger.Go));
        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(recorder.Received);

        machine.Context.Allowed = true;
        await machine.FireAsync(UnitTrigger.Go);
        Assert.Equal(UnitState.Parent, machine.State);
    }

    [Fact]
    public async Task A_throwing_asynchronous_entry_action_leaves_the_machine_in_the_destination_and_discards_queued_triggers()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.ChildA);
        builder.Configure(UnitState.ChildA)
            .Permit(UnitTrigger.Next, UnitState.ChildB)
            .Permit(UnitTrigger.Back, UnitState.Idle)
            .OnEntryFromAsync(UnitTrigger.Go, async (_, _, cancellationToken) =>
            {
                await machine!.FireAsync(UnitTrigger.Next, cancellationToken);
                await Task.Yield();
                throw new UnitFailureException("entry");
            })
            .OnEntry(static context => context.Record("skipped"));
        machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        await Assert.ThrowsAsync<UnitFailureException>(async () => await machine.FireAsync(UnitTrigger.Go));
        Assert.Equal(UnitState.ChildA, machine.State);
        Assert.Empty(recorder.Received);

        await machine.FireAsync(UnitTrigger.Back);

        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Equal(new[] { "exit Idle", "enter Parent", "enter ChildA", "exit ChildA", "exit Parent", "enter Idle" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.ChildA, UnitState.Idle, UnitTrigger.Back) }, recorder.Received);
    }

    [Fact]
    public async Task A_throwing_subscriber_faults_FireAsync_with_TransitionObserverException_after_the_transition()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).OnEntryAsync(static async (context, _, _) =>
        {
            await Task.Yield();
            context.Record("entered Other");
        });
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var failure = new UnitFailureException("subscriber");
        var faulty = UnitMachines.Record(machine, _ => throw failure);
        var healthy = UnitMachines.Record(machine);

        var exception = await Assert.ThrowsAsync<TransitionObserverException>(async () => await machine.FireAsync(UnitTrigger.Go));

        Assert.Same(failure, Assert.Single(exception.InnerExceptions));
        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "entered Other" }, machine.Context.Log);
        Assert.Single(faulty.Received);
        Assert.Single(healthy.Received);
    }

    [Fact]
    public async Task FireAsync_on_a_machine_whose_action_is_under_way_is_queued_even_through_another_machine()
    {
        // B's entry action fires A; A's entry action fires B back. The synchronous engine queues the
        // inner B firing (same thread); the asynchronous engine only recognises a nested firing when
        // the innermost firing in the async flow is B's own, so the inner B.FireAsync waits for B's
        // gate, which B's outer firing holds while it awaits A: a deadlock. Every action here completes
        // synchronously, so without the deadlock the outer FireAsync completes at once. The synchronous
        // counterpart is StateMachineTests.Fire_from_another_machine_back_into_a_machine_under_way_is_queued.
        StateMachine<UnitState, UnitTrigger, UnitContext>? a = null;
        StateMachine<UnitState, UnitTrigger, UnitContext>? b = null;
        var builderA = UnitMachines.NewBuilder();
        builderA.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builderA.Configure(UnitState.Other).OnEntryAsync(async (_, _, token) => await b!.FireAsync(UnitTrigger.Poke, token));
        var builderB = UnitMachines.NewBuilder();
        builderB.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builderB.Configure(UnitState.Other)
            .Ignore(UnitTrigger.Poke)
            .OnEntryAsync(async (_, _, token) => await a!.FireAsync(UnitTrigger.Go, token));
        a = builderA.Build(UnitState.Idle).CreateMachine(new UnitContext());
        b = builderB.Build(UnitState.Idle).CreateMachine(new UnitContext());

        var firing = b.FireAsync(UnitTrigger.Go);

        Assert.True(firing.IsCompleted, "B.FireAsync(Go) is stuck: the nested B.FireAsync(Poke) waits for B's own firing.");
        await firing;
        Assert.Equal(UnitState.Other, a.State);
        Assert.Equal(UnitState.Other, b.State);
    }
}
