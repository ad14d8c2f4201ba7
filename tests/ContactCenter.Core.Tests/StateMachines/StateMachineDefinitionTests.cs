using System;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

public sealed class StateMachineDefinitionTests
{
    [Fact]
    public void CreateMachine_starts_in_the_initial_state_without_running_its_entry_actions()
    {
        var builder = UnitMachines.LoggingHierarchy();
        var definition = builder.Build(UnitState.Idle);

        var machine = definition.CreateMachine(new UnitContext());

        Assert.Equal(UnitState.Idle, definition.InitialState);
        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(machine.Context.Log);
    }

    [Fact]
    public void CreateMachine_follows_the_initial_transitions_of_the_initial_state_without_running_entry_actions()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.ChildA);
        builder.Configure(UnitState.ChildA).InitialTransition(UnitState.GrandChild);
        var definition = builder.Build(UnitState.Parent);

        var machine = definition.CreateMachine(new UnitContext());

        Assert.Equal(UnitState.Parent, definition.InitialState);
        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Empty(machine.Context.Log);
    }

    [Fact]
    public void Rehydrate_puts_the_machine_in_the_exact_stored_state_without_running_entry_actions()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.ChildA).Permit(UnitTrigger.Go, UnitState.Other);
        var definition = builder.Build(UnitState.Idle);
        var context = new UnitContext();

        var machine = definition.Rehydrate(context, UnitState.Parent);

        Assert.Equal(UnitState.Parent, machine.State);
        Assert.Same(context, machine.Context);
        Assert.Empty(context.Log);
        machine.Fire(UnitTrigger.Go);
        Assert.Equal(new[] { "exit Parent", "enter Other" }, context.Log);
    }

    [Fact]
    public void Rehydrate_with_an_undefined_state_throws()
    {
        var definition = UnitMachines.NewBuilder().Build(UnitState.Idle);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => definition.Rehydrate(new UnitContext(), (UnitState)99));

        Assert.Equal("state", exception.ParamName);
    }

    [Fact]
    public void States_and_Triggers_list_every_value_in_ordinal_order()
    {
        var definition = UnitMachines.NewBuilder().Build(UnitState.Idle);
        var shuffled = new StateMachineBuilder<UnitShuffled, UnitAliased, UnitContext>().Build(UnitShuffled.Two);

        Assert.Equal(Enum.GetValues<UnitState>(), definition.States);
        Assert.Equal(Enum.GetValues<UnitTrigger>(), definition.Triggers);
        Assert.Equal(new[] { UnitShuffled.One, UnitShuffled.Two, UnitShuffled.Three }, shuffled.States);
        Assert.Equal(new[] { UnitAliased.First, UnitAliased.Second, UnitAliased.Third }, shuffled.Triggers);
    }

    [Fact]
    public void HasAsyncActions_is_false_when_every_action_is_synchronous()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other).InternalTransition(UnitTrigger.Poke, static (_, _) => { });

        Assert.False(builder.Build(UnitState.Idle).HasAsyncActions);
    }

    [Fact]
    public void HasAsyncActions_is_true_for_any_kind_of_asynchronous_action()
    {
        Assert.True(HasAsync(static b => b.Configure(UnitState.Other).OnEntryAsync(static (_, _, _) => default)));
        Assert.True(HasAsync(static b => b.Configure(UnitState.Other).OnExitAsync(static (_, _, _) => default)));
        Assert.True(HasAsync(static b => b.Configure(UnitState.Other).OnEntryFromAsync(UnitTrigger.Go, static (_, _, _) => default)));
        Assert.True(HasAsync(static b => b.Configure(UnitState.Other).InternalTransitionAsync(UnitTrigger.Poke, static (_, _, _) => default)));
        Assert.True(HasAsync(static b =>
        {
            var ask = b.SetTriggerParameters<int>(UnitTrigger.Ask);
            b.Configure(UnitState.Other).OnEntryFromAsync(ask, static (_, _, _, _) => default);
        }));
    }

    [Fact]
    public void IsWithin_is_true_for_the_state_itself_and_its_ancestors_at_any_depth()
    {
        var definition = UnitMachines.LoggingHierarchy().Build(UnitState.Idle);

        Assert.True(definition.IsWithin(UnitState.GrandChild, UnitState.GrandChild));
        Assert.True(definition.IsWithin(UnitState.GrandChild, UnitState.ChildA));
        Assert.True(definition.IsWithin(UnitState.GrandChild, UnitState.Parent));
        Assert.False(definition.IsWithin(UnitState.Parent, UnitState.GrandChild));
        Assert.False(definition.IsWithin(UnitState.GrandChild, UnitState.ChildB));
        Assert.False(definition.IsWithin(UnitState.Idle, UnitState.Parent));
        Assert.False(definition.IsWithin((UnitState)99, UnitState.Parent));
        Assert.False(definition.IsWithin(UnitState.Parent, (UnitState)99));
    }

    [Fact]
    public void Many_instances_of_one_definition_are_independent()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).PermitDynamic(UnitTrigger.Choose, static context => context.Choice);
        var definition = builder.Build(UnitState.Idle);
        var targets = new[] { UnitState.Parent, UnitState.ChildA, UnitState.ChildB, UnitState.GrandChild, UnitState.Other };
        var machines = Array.ConvertAll(targets, target => definition.CreateMachine(new UnitContext { Choice = target }));

        foreach (var machine in machines)
        {
            machine.Fire(UnitTrigger.Choose);
        }

        Assert.Equal(targets, Array.ConvertAll(machines, static m => m.State));
        Assert.All(machines, m => Assert.Same(definition, m.Definition));
    }

    private static bool HasAsync(Action<StateMachineBuilder<UnitState, UnitTrigger, UnitContext>> configure)
    {
        var builder = UnitMachines.NewBuilder();
        configure(builder);
        return builder.Build(UnitState.Idle).HasAsyncActions;
    }
}
