using System;
using System.Collections.Generic;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

/// <summary>
/// Firing, hierarchy traversal, queries, run-to-completion, failures and subscribers of
/// <see cref="StateMachine{TState, TTrigger, TContext}"/>.
/// </summary>
public sealed class StateMachineTests
{
    private static StateMachine<UnitState, UnitTrigger, UnitContext> Machine(
        StateMachineBuilder<UnitState, UnitTrigger, UnitContext> builder, UnitState state, UnitContext? context = null) =>
        builder.Build(UnitState.Idle).Rehydrate(context ?? new UnitContext(), state);

    // ----- properties -----------------------------------------------------------------------------

    [Fact]
    public void A_machine_exposes_its_context_definition_and_state()
    {
        var definition = UnitMachines.NewBuilder().Build(UnitState.Other);
        var context = new UnitContext();

        var machine = definition.CreateMachine(context);

        Assert.Same(context, machine.Context);
        Assert.Same(definition, machine.Definition);
        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal("StateMachine Other", machine.ToString());
        Assert.Same(machine.Transitions, machine.Transitions);
    }

    // ----- transitions across the hierarchy ----------------------------------------------------------

    [Fact]
    public void Fire_between_sibling_substates_neither_exits_nor_enters_their_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.ChildA).Permit(UnitTrigger.Next, UnitState.ChildB);
        var machine = Machine(builder, UnitState.ChildA);

        machine.Fire(UnitTrigger.Next);

        Assert.Equal(UnitState.ChildB, machine.State);
        Assert.Equal(new[] { "exit ChildA", "enter ChildB" }, machine.Context.Log);
    }

    [Fact]
    public void Fire_from_a_nested_substate_to_a_sibling_of_its_parent_exits_up_to_the_common_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.GrandChild).Permit(UnitTrigger.Next, UnitState.ChildB);
        var machine = Machine(builder, UnitState.GrandChild);

        machine.Fire(UnitTrigger.Next);

        Assert.Equal(new[] { "exit GrandChild", "exit ChildA", "enter ChildB" }, machine.Context.Log);
    }

    [Fact]
    public void Fire_from_outside_into_a_nested_substate_enters_outermost_first()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.GrandChild);
        var machine = Machine(builder, UnitState.Idle);

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Equal(new[] { "exit Idle", "enter Parent", "enter ChildA", "enter GrandChild" }, machine.Context.Log);
    }

    [Fact]
    public void Fire_from_a_nested_substate_to_outside_exits_innermost_first()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.GrandChild).Permit(UnitTrigger.Go, UnitState.Other);
        var machine = Machine(builder, UnitState.GrandChild);

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(new[] { "exit GrandChild", "exit ChildA", "exit Parent", "enter Other" }, machine.Context.Log);
    }

    [Fact]
    public void Fire_from_substate_to_superstate_exits_only_the_substate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.GrandChild).Permit(UnitTrigger.Up, UnitState.ChildA);
        var machine = Machine(builder, UnitState.GrandChild);
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Up);

        Assert.Equal(UnitState.ChildA, machine.State);
        Assert.Equal(new[] { "exit GrandChild" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.GrandChild, UnitState.ChildA, UnitTrigger.Up) }, recorder.Received);
    }

    [Fact]
    public void Fire_from_substate_to_superstate_follows_its_initial_transition_without_reentering_the_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.ChildA);
        builder.Configure(UnitState.ChildB).Permit(UnitTrigger.Up, UnitState.Parent);
        var machine = Machine(builder, UnitState.ChildB);
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Up);

        Assert.Equal(UnitState.ChildA, machine.State);
        Assert.Equal(new[] { "exit ChildB", "enter ChildA" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.ChildB, UnitState.ChildA, UnitTrigger.Up) }, recorder.Received);
    }

    [Fact]
    public void Fire_from_substate_to_superstate_whose_initial_transition_leads_back_is_published_as_a_reentry()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.ChildB);
        builder.Configure(UnitState.ChildB).Permit(UnitTrigger.Up, UnitState.Parent);
        var machine = Machine(builder, UnitState.ChildB);
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Up);

        Assert.Equal(UnitState.ChildB, machine.State);
        Assert.Equal(new[] { "exit ChildB", "enter ChildB" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.ChildB, UnitState.ChildB, UnitTrigger.Up, isReentry: true) }, recorder.Received);
    }

    [Fact]
    public void Fire_from_superstate_to_substate_enters_only_the_states_below_it()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Down, UnitState.GrandChild);
        var machine = Machine(builder, UnitState.Parent);
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Down);

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Equal(new[] { "enter ChildA", "enter GrandChild" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.Parent, UnitState.GrandChild, UnitTrigger.Down) }, recorder.Received);
    }

    [Fact]
    public void A_superstate_transition_that_targets_the_current_substate_reenters_it()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.ChildA);
        var machine = Machine(builder, UnitState.ChildA);
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(new[] { "exit ChildA", "enter ChildA" }, machine.Context.Log);
        Assert.Equal(
            new[] { UnitMachines.Transition(UnitState.ChildA, UnitState.ChildA, UnitTrigger.Go, isReentry: true) },
            recorder.Received);
    }

    [Fact]
    public void A_dynamic_transition_to_an_ancestor_exits_the_states_below_it_without_reentering_it()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.GrandChild).PermitDynamic(UnitTrigger.Choose, static context => context.Choice);
        var machine = Machine(builder, UnitState.GrandChild, new UnitContext { Choice = UnitState.Parent });
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Choose);

        Assert.Equal(UnitState.Parent, machine.State);
        Assert.Equal(new[] { "exit GrandChild", "exit ChildA" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.GrandChild, UnitState.Parent, UnitTrigger.Choose) }, recorder.Received);
    }

    [Fact]
    public void Exit_and_entry_actions_receive_the_transition_that_is_published()
    {
        var builder = UnitMachines.NewBuilder();
        var seen = new List<Transition<UnitState, UnitTrigger>>();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.ChildB).OnExit((_, t) => seen.Add(t));
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.ChildB).OnEntry((_, t) => seen.Add(t));
        builder.Configure(UnitState.ChildB).SubstateOf(UnitState.Parent).OnEntry((_, t) => seen.Add(t));
        var machine = Machine(builder, UnitState.Idle);
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Go);

        var published = Assert.Single(recorder.Received);
        Assert.Equal(UnitMachines.Transition(UnitState.Idle, UnitState.ChildB, UnitTrigger.Go), published);
        Assert.Equal(new[] { published, published, published }, seen);
    }

    // ----- resolution ----------------------------------------------------------------------------------------

    [Fact]
    public void Two_passing_guards_for_one_trigger_in_one_state_are_ambiguous_and_change_nothing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.ChildA)
            .PermitIf(UnitTrigger.Go, UnitState.ChildB, static context => context.Allowed)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.AlsoAllowed);
        var machine = Machine(builder, UnitState.GrandChild, new UnitContext { Allowed = true, AlsoAllowed = true });
        var recorder = UnitMachines.Record(machine);

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal(
            "Trigger Go in state GrandChild: the guards 'static context => context.Allowed' and 'static context => context.AlsoAllowed' of state ChildA both pass; guards of one trigger must exclude each other.",
            exception.Message);
        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void Two_passing_argument_guards_are_ambiguous()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle)
            .PermitIf(ask, UnitState.Other, static (_, n) => n > 0, "positive")
            .PermitIf(ask, UnitState.Parent, static (_, n) => n % 2 == 0, "even");
        var machine = Machine(builder, UnitState.Idle);

        machine.Fire(ask, 3);
        var exception = Assert.Throws<InvalidOperationException>(() => Machine(builder, UnitState.Idle).Fire(ask, 4));

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Contains("'positive' and 'even'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_guard_in_the_substate_wins_over_a_passing_guard_in_the_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.AlsoAllowed);
        builder.Configure(UnitState.ChildA).PermitIf(UnitTrigger.Go, UnitState.ChildB, static context => context.Allowed);
        var machine = Machine(builder, UnitState.ChildA, new UnitContext { Allowed = true, AlsoAllowed = true });

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.ChildB, machine.State);
    }

    [Fact]
    public void The_one_passing_guard_among_several_wins()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .PermitIf(UnitTrigger.Go, UnitState.Parent, static context => context.Allowed)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.AlsoAllowed)
            .IgnoreIf(UnitTrigger.Go, static context => !context.Allowed && !context.AlsoAllowed);
        var toOther = Machine(builder, UnitState.Idle, new UnitContext { AlsoAllowed = true });
        var ignored = Machine(builder, UnitState.Idle, new UnitContext());

        toOther.Fire(UnitTrigger.Go);
        ignored.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Other, toOther.State);
        Assert.Equal(UnitState.Idle, ignored.State);
    }

    // ----- argument checks --------------------------------------------------------------------------------------

    [Fact]
    public void Fire_of_a_parameterised_trigger_without_arguments_throws_ArgumentException_and_changes_nothing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Ask, UnitState.Other);
        var machine = Machine(builder, UnitState.Idle);

        var exception = Assert.Throws<ArgumentException>(() => machine.Fire(UnitTrigger.Ask));

        Assert.Equal("trigger", exception.ParamName);
        Assert.StartsWith("Trigger Ask is declared with parameters; fire it with its arguments.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(machine.Context.Log);
    }

    [Fact]
    public void Fire_with_a_parameterised_trigger_of_other_types_throws_ArgumentException()
    {
        var builder = UnitMachines.NewBuilder();
        builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Ask, UnitState.Other);
        var machine = Machine(builder, UnitState.Idle);
        var otherTypes = UnitMachines.NewBuilder().SetTriggerParameters<string>(UnitTrigger.Ask);

        var exception = Assert.Throws<ArgumentException>(() => machine.Fire(otherTypes, "text"));

        Assert.StartsWith(
            "Trigger Ask is not declared with the parameters Ask(String) in this definition.", exception.Message, StringComparison.Ordinal);
        Assert.Equal(UnitState.Idle, machine.State);
    }

    [Fact]
    public void Fire_with_arguments_for_a_trigger_declared_without_parameters_throws_ArgumentException()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        var machine = Machine(builder, UnitState.Idle);
        var withArguments = UnitMachines.NewBuilder().SetTriggerParameters<int, int>(UnitTrigger.Go);

        Assert.Throws<ArgumentException>(() => machine.Fire(withArguments, 1, 2));
        Assert.Throws<ArgumentException>(() => machine.CanFire(withArguments, 1, 2));

        Assert.Equal(UnitState.Idle, machine.State);
    }

    [Fact]
    public void Fire_with_an_undefined_trigger_throws_ArgumentOutOfRangeException()
    {
        var machine = Machine(UnitMachines.NewBuilder(), UnitState.Idle);

        Assert.Throws<ArgumentOutOfRangeException>(() => machine.Fire((UnitTrigger)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => machine.CanFire((UnitTrigger)42));
    }

    // ----- IsInState -----------------------------------------------------------------------------------------------

    [Fact]
    public void IsInState_is_true_for_the_current_state_and_all_its_superstates_only()
    {
        var machine = Machine(UnitMachines.LoggingHierarchy(), UnitState.GrandChild);

        Assert.True(machine.IsInState(UnitState.GrandChild));
        Assert.True(machine.IsInState(UnitState.ChildA));
        Assert.True(machine.IsInState(UnitState.Parent));
        Assert.False(machine.IsInState(UnitState.ChildB));
        Assert.False(machine.IsInState(UnitState.Idle));
        Assert.False(machine.IsInState((UnitState)99));
    }

    [Fact]
    public void IsInState_of_a_superstate_is_false_for_its_substates()
    {
        var machine = Machine(UnitMachines.LoggingHierarchy(), UnitState.Parent);

        Assert.True(machine.IsInState(UnitState.Parent));
        Assert.False(machine.IsInState(UnitState.ChildA));
    }

    // ----- CanFire -----------------------------------------------------------------------------------------------------

    [Fact]
    public void CanFire_reports_whether_a_behaviour_would_accept_the_trigger_without_running_anything()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.Other).Ignore(UnitTrigger.Poke);
        builder.Configure(UnitState.ChildA).PermitIf(UnitTrigger.Next, UnitState.ChildB, static context => context.Allowed);
        var machine = Machine(builder, UnitState.ChildA);
        var recorder = UnitMachines.Record(machine);

        Assert.True(machine.CanFire(UnitTrigger.Go));
        Assert.True(machine.CanFire(UnitTrigger.Poke));
        Assert.False(machine.CanFire(UnitTrigger.Next));
        Assert.False(machine.CanFire(UnitTrigger.Back));
        machine.Context.Allowed = true;
        Assert.True(machine.CanFire(UnitTrigger.Next));

        Assert.Equal(UnitState.ChildA, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void CanFire_with_unmet_guards_lists_the_default_descriptions_innermost_first()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.AlsoAllowed);
        builder.Configure(UnitState.ChildA).PermitIf(UnitTrigger.Go, UnitState.ChildB, static context => context.Allowed);
        var machine = Machine(builder, UnitState.GrandChild);

        bool accepted = machine.CanFire(UnitTrigger.Go, out var unmetGuards);

        Assert.False(accepted);
        Assert.Equal(new[] { "static context => context.Allowed", "static context => context.AlsoAllowed" }, unmetGuards);
    }

    [Fact]
    public void CanFire_with_unmet_guards_uses_explicit_descriptions()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed, "the agent is allowed")
            .PermitReentryIf(UnitTrigger.Go, static context => context.AlsoAllowed, "a retry is allowed");
        var machine = Machine(builder, UnitState.Idle);

        Assert.False(machine.CanFire(UnitTrigger.Go, out var unmetGuards));

        Assert.Equal(new[] { "the agent is allowed", "a retry is allowed" }, unmetGuards);
    }

    [Fact]
    public void CanFire_with_unmet_guards_is_empty_when_accepted_or_when_nothing_is_configured()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed);
        var machine = Machine(builder, UnitState.Idle, new UnitContext { Allowed = true });

        Assert.True(machine.CanFire(UnitTrigger.Go, out var acceptedUnmet));
        Assert.False(machine.CanFire(UnitTrigger.Back, out var unconfiguredUnmet));

        Assert.Empty(acceptedUnmet);
        Assert.Empty(unconfiguredUnmet);
    }

    [Fact]
    public void CanFire_without_arguments_takes_argument_guards_as_satisfied()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).PermitIf(ask, UnitState.Other, static (_, n) => n > 0);
        var machine = Machine(builder, UnitState.Idle);

        Assert.True(machine.CanFire(UnitTrigger.Ask));
        Assert.True(machine.CanFire(UnitTrigger.Ask, out var unmetGuards));
        Assert.Empty(unmetGuards);
    }

    [Fact]
    public void CanFire_without_arguments_still_evaluates_context_guards_of_a_parameterised_trigger()
    {
        var builder = UnitMachines.NewBuilder();
        builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).PermitIf(UnitTrigger.Ask, UnitState.Other, static context => context.Allowed);
        var machine = Machine(builder, UnitState.Idle);

        Assert.False(machine.CanFire(UnitTrigger.Ask, out var unmetGuards));
        Assert.Equal(new[] { "static context => context.Allowed" }, unmetGuards);
    }

    [Fact]
    public void CanFire_with_arguments_evaluates_argument_guards_of_one_two_and_three_arguments()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        var tell = builder.SetTriggerParameters<int, int>(UnitTrigger.Tell);
        var choose = builder.SetTriggerParameters<int, int, int>(UnitTrigger.Choose);
        builder.Configure(UnitState.Idle)
            .PermitIf(ask, UnitState.Other, static (_, a) => a == 1)
            .PermitIf(tell, UnitState.Other, static (_, a, b) => a + b == 3)
            .PermitIf(choose, UnitState.Other, static (_, a, b, c) => a + b + c == 6);
        var machine = Machine(builder, UnitState.Idle);

        Assert.True(machine.CanFire(ask, 1));
        Assert.False(machine.CanFire(ask, 2));
        Assert.True(machine.CanFire(tell, 1, 2));
        Assert.False(machine.CanFire(tell, 2, 2));
        Assert.True(machine.CanFire(choose, 1, 2, 3));
        Assert.False(machine.CanFire(choose, 1, 2, 4));
        Assert.Equal(UnitState.Idle, machine.State);
    }

    // ----- PermittedTriggers -------------------------------------------------------------------------------------------

    [Fact]
    public void PermittedTriggers_lists_accepted_triggers_in_ordinal_order_including_inherited_and_ignored_ones()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent)
            .Ignore(UnitTrigger.Reset)
            .Permit(UnitTrigger.Go, UnitState.Other)
            .InternalTransition(UnitTrigger.Poke, static (_, _) => { });
        builder.Configure(UnitState.ChildA)
            .PermitIf(UnitTrigger.Next, UnitState.ChildB, static context => context.Allowed)
            .PermitIf(UnitTrigger.Back, UnitState.Idle, static context => !context.Allowed)
            .PermitReentry(UnitTrigger.Stay);
        var machine = Machine(builder, UnitState.GrandChild);

        Assert.Equal(
            new[] { UnitTrigger.Go, UnitTrigger.Back, UnitTrigger.Stay, UnitTrigger.Poke, UnitTrigger.Reset },
            machine.PermittedTriggers);
        machine.Context.Allowed = true;
        Assert.Equal(
            new[] { UnitTrigger.Go, UnitTrigger.Next, UnitTrigger.Stay, UnitTrigger.Poke, UnitTrigger.Reset },
            machine.PermittedTriggers);
    }

    [Fact]
    public void PermittedTriggers_includes_triggers_whose_guards_read_arguments()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).PermitIf(ask, UnitState.Other, static (_, n) => n > 0);
        var machine = Machine(builder, UnitState.Idle);

        Assert.Equal(new[] { UnitTrigger.Ask }, machine.PermittedTriggers);
    }

    [Fact]
    public void TryGetPermittedTriggers_fills_a_large_enough_buffer()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Reset, UnitState.Other)
            .Ignore(UnitTrigger.Poke)
            .Permit(UnitTrigger.Go, UnitState.Parent);
        var machine = Machine(builder, UnitState.Idle);
        var exact = new UnitTrigger[3];
        var roomy = new UnitTrigger[machine.Definition.Triggers.Count];

        Assert.True(machine.TryGetPermittedTriggers(exact, out int exactWritten));
        Assert.True(machine.TryGetPermittedTriggers(roomy, out int roomyWritten));

        Assert.Equal(3, exactWritten);
        Assert.Equal(new[] { UnitTrigger.Go, UnitTrigger.Poke, UnitTrigger.Reset }, exact);
        Assert.Equal(3, roomyWritten);
        Assert.Equal(exact, roomy[..3]);
    }

    [Fact]
    public void TryGetPermittedTriggers_returns_false_when_the_buffer_is_too_small()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Go, UnitState.Other)
            .Permit(UnitTrigger.Back, UnitState.Other);
        var machine = Machine(builder, UnitState.Idle);
        var small = new UnitTrigger[1];

        bool complete = machine.TryGetPermittedTriggers(small, out int written);

        Assert.False(complete);
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryGetPermittedTriggers_succeeds_with_an_empty_buffer_when_nothing_is_permitted()
    {
        var machine = Machine(UnitMachines.NewBuilder(), UnitState.Idle);

        Assert.True(machine.TryGetPermittedTriggers(Span<UnitTrigger>.Empty, out int written));
        Assert.Equal(0, written);
    }

    // ----- run to completion ----------------------------------------------------------------------------------------------

    [Fact]
    public void Fire_inside_an_entry_action_is_queued_and_runs_after_the_transition_is_published()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.ChildA);
        builder.Configure(UnitState.ChildA)
            .Permit(UnitTrigger.Next, UnitState.ChildB)
            .OnEntryFrom(UnitTrigger.Go, (context, _) =>
            {
                machine!.Fire(UnitTrigger.Next);
                context.Record("Fire returned in " + machine.State);
            });
        machine = Machine(builder, UnitState.Idle);
        var recorder = UnitMachines.Record(machine, t => machine.Context.Record("published " + t));

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.ChildB, machine.State);
        Assert.Equal(
            new[]
            {
                "exit Idle", "enter Parent", "enter ChildA", "Fire returned in ChildA", "published Idle --Go--> ChildA",
                "exit ChildA", "enter ChildB", "published ChildA --Next--> ChildB",
            },
            machine.Context.Log);
        Assert.Equal(2, recorder.Received.Count);
    }

    [Fact]
    public void Fire_inside_a_subscriber_is_queued_until_every_subscriber_has_seen_the_current_transition()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).Permit(UnitTrigger.Back, UnitState.Idle);
        machine = Machine(builder, UnitState.Idle);
        var first = UnitMachines.Record(machine, t =>
        {
            if (t.Trigger == UnitTrigger.Go)
            {
                machine.Fire(UnitTrigger.Back);
                machine.Context.Record("first: Fire returned in " + machine.State);
            }
        });
        var second = UnitMachines.Record(machine, t => machine.Context.Record("second saw " + t));

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Equal(
            new[] { "first: Fire returned in Other", "second saw Idle --Go--> Other", "second saw Other --Back--> Idle" },
            machine.Context.Log);
        Assert.Equal(second.Received, first.Received);
    }

    [Fact]
    public void Triggers_queued_during_one_firing_run_in_the_order_they_were_fired()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.ChildA);
        builder.Configure(UnitState.ChildA)
            .Permit(UnitTrigger.Next, UnitState.ChildB)
            .OnEntry(_ =>
            {
                machine!.Fire(UnitTrigger.Next);
                machine.Fire(UnitTrigger.Poke);
            });
        builder.Configure(UnitState.Parent).InternalTransition(UnitTrigger.Poke, static (context, t) => context.Record("poked in " + t.Source));
        machine = Machine(builder, UnitState.Idle);

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(
            new[] { "exit Idle", "enter Parent", "enter ChildA", "exit ChildA", "enter ChildB", "poked in ChildB" },
            machine.Context.Log);
    }

    [Fact]
    public void Fire_from_another_machine_back_into_a_machine_under_way_is_queued()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? a = null;
        StateMachine<UnitState, UnitTrigger, UnitContext>? b = null;
        var builderA = UnitMachines.NewBuilder();
        builderA.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builderA.Configure(UnitState.Other).OnEntry(context =>
        {
            b!.Fire(UnitTrigger.Poke);
            context.Record("B.Fire returned in " + b.State);
        });
        var builderB = UnitMachines.NewBuilder();
        builderB.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builderB.Configure(UnitState.Other)
            .InternalTransition(UnitTrigger.Poke, static (context, _) => context.Record("B poked"))
            .OnEntry(_ => a!.Fire(UnitTrigger.Go));
        a = builderA.Build(UnitState.Idle).CreateMachine(new UnitContext());
        b = builderB.Build(UnitState.Idle).CreateMachine(a.Context);

        b.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Other, a.State);
        Assert.Equal(UnitState.Other, b.State);
        Assert.Equal(new[] { "B.Fire returned in Other", "B poked" }, a.Context.Log);
    }

    // ----- failures ----------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_throwing_guard_propagates_and_leaves_everything_unchanged()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).PermitIf(UnitTrigger.Go, UnitState.Other, static _ => throw new UnitFailureException("guard"));
        var machine = Machine(builder, UnitState.Idle);
        var recorder = UnitMachines.Record(machine);

        var exception = Assert.Throws<UnitFailureException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal("guard", exception.Message);
        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void A_throwing_exit_action_propagates_and_leaves_the_state_unchanged_without_entering()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.GrandChild).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.ChildA).OnExit(static _ => throw new UnitFailureException("exit"));
        var machine = Machine(builder, UnitState.GrandChild);
        var recorder = UnitMachines.Record(machine);

        Assert.Throws<UnitFailureException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Equal(new[] { "exit GrandChild", "exit ChildA" }, machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void A_throwing_entry_action_leaves_the_machine_in_the_destination_and_skips_the_remaining_entries()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.GrandChild);
        builder.Configure(UnitState.ChildA)
            .OnEntry(static _ => throw new UnitFailureException("entry"))
            .OnEntry(static context => context.Record("after the throwing entry of ChildA"));
        var machine = Machine(builder, UnitState.Idle);
        var recorder = UnitMachines.Record(machine);

        Assert.Throws<UnitFailureException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Equal(new[] { "exit Idle", "enter Parent", "enter ChildA" }, machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void A_throwing_internal_action_propagates_and_leaves_the_state_unchanged()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other).InternalTransition(UnitTrigger.Poke, static (_, _) => throw new UnitFailureException("internal"));
        var machine = Machine(builder, UnitState.Other);
        var recorder = UnitMachines.Record(machine);

        Assert.Throws<UnitFailureException>(() => machine.Fire(UnitTrigger.Poke));

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void Triggers_queued_before_a_failure_are_discarded_and_the_machine_keeps_working()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.ChildA);
        builder.Configure(UnitState.ChildA)
            .Permit(UnitTrigger.Next, UnitState.ChildB)
            .Permit(UnitTrigger.Back, UnitState.Idle)
            .OnEntryFrom(UnitTrigger.Go, (_, _) => machine!.Fire(UnitTrigger.Next))
            .OnEntryFrom(UnitTrigger.Go, static (_, _) => throw new UnitFailureException("entry"));
        machine = Machine(builder, UnitState.Idle);
        var recorder = UnitMachines.Record(machine);

        Assert.Throws<UnitFailureException>(() => machine.Fire(UnitTrigger.Go));
        machine.Fire(UnitTrigger.Back);

        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Equal(
            new[] { "exit Idle", "enter Parent", "enter ChildA", "exit ChildA", "exit Parent", "enter Idle" },
            machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.ChildA, UnitState.Idle, UnitTrigger.Back) }, recorder.Received);
    }

    [Fact]
    public void A_refused_queued_trigger_propagates_from_the_outer_Fire_after_the_first_transition_completed()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other)
            .Permit(UnitTrigger.Back, UnitState.Idle)
            .OnEntry(_ =>
            {
                machine!.Fire(UnitTrigger.Poke);
                machine.Fire(UnitTrigger.Back);
            });
        machine = Machine(builder, UnitState.Idle);
        var recorder = UnitMachines.Record(machine);

        var exception = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal(UnitTrigger.Poke, exception.Trigger);
        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go) }, recorder.Received);
    }

    // ----- subscribers --------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_throwing_subscriber_is_detached_the_others_are_notified_and_Fire_throws_after_completing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).Permit(UnitTrigger.Back, UnitState.Idle);
        var machine = Machine(builder, UnitState.Idle);
        var before = UnitMachines.Record(machine);
        var failure = new UnitFailureException("subscriber");
        var faulty = UnitMachines.Record(machine, _ => throw failure);
        var after = UnitMachines.Record(machine);

        var exception = Assert.Throws<TransitionObserverException>(() => machine.Fire(UnitTrigger.Go));
        machine.Fire(UnitTrigger.Back);

        Assert.Same(failure, Assert.Single(exception.InnerExceptions));
        Assert.Equal(new[] { "exit Idle", "enter Other", "exit Other", "enter Idle" }, machine.Context.Log);
        Assert.Single(faulty.Received);
        Assert.Equal(2, before.Received.Count);
        Assert.Equal(before.Received, after.Received);
    }

    [Fact]
    public void TransitionObserverException_is_thrown_once_queued_triggers_have_run()
    {
        StateMachine<UnitState, UnitTrigger, UnitContext>? machine = null;
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).Permit(UnitTrigger.Back, UnitState.Idle).OnEntry(_ => machine!.Fire(UnitTrigger.Back));
        machine = Machine(builder, UnitState.Idle);
        var faulty = UnitMachines.Record(machine, _ => throw new UnitFailureException("first"));
        var healthy = UnitMachines.Record(machine);

        Assert.Throws<TransitionObserverException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Single(faulty.Received);
        Assert.Equal(
            new[]
            {
                UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go),
                UnitMachines.Transition(UnitState.Other, UnitState.Idle, UnitTrigger.Back),
            },
            healthy.Received);
    }

    [Fact]
    public void OnSubscriberError_receives_the_context_transition_and_exception_instead_of_Fire_throwing()
    {
        var reports = new List<(UnitContext Context, Transition<UnitState, UnitTrigger> Transition, Exception Exception)>();
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).Permit(UnitTrigger.Back, UnitState.Idle);
        builder.OnSubscriberError((context, transition, exception) => reports.Add((context, transition, exception)));
        var machine = Machine(builder, UnitState.Idle);
        var failure = new UnitFailureException("subscriber");
        var faulty = UnitMachines.Record(machine, _ => throw failure);
        var healthy = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Go);
        machine.Fire(UnitTrigger.Back);

        var report = Assert.Single(reports);
        Assert.Same(machine.Context, report.Context);
        Assert.Equal(UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go), report.Transition);
        Assert.Same(failure, report.Exception);
        Assert.Single(faulty.Received);
        Assert.Equal(2, healthy.Received.Count);
    }

    [Fact]
    public void A_throwing_OnSubscriberError_handler_loses_neither_exception_and_starves_no_subscriber()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        var handlerFailure = new UnitFailureException("handler");
        builder.OnSubscriberError((_, _, _) => throw handlerFailure);
        var machine = Machine(builder, UnitState.Idle);
        var subscriberFailure = new UnitFailureException("subscriber");
        UnitMachines.Record(machine, _ => throw subscriberFailure);
        var healthy = UnitMachines.Record(machine);

        var thrown = Assert.Throws<TransitionObserverException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Single(healthy.Received);
        var both = Assert.IsType<AggregateException>(Assert.Single(thrown.InnerExceptions));
        Assert.Equal(new Exception[] { subscriberFailure, handlerFailure }, both.InnerExceptions);
    }

    [Fact]
    public void Disposing_a_subscription_stops_its_events()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).Permit(UnitTrigger.Back, UnitState.Idle);
        var machine = Machine(builder, UnitState.Idle);
        var stopped = UnitMachines.Record(machine);
        var kept = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Go);
        stopped.Subscription!.Dispose();
        stopped.Subscription.Dispose();
        machine.Fire(UnitTrigger.Back);

        Assert.Single(stopped.Received);
        Assert.Equal(2, kept.Received.Count);
    }

    [Fact]
    public void Instances_of_one_definition_keep_their_own_state_context_and_subscribers()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed);
        var definition = builder.Build(UnitState.Idle);
        var first = definition.CreateMachine(new UnitContext { Allowed = true });
        var second = definition.CreateMachine(new UnitContext { Allowed = false });
        var firstEvents = UnitMachines.Record(first);
        var secondEvents = UnitMachines.Record(second);

        first.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Other, first.State);
        Assert.Equal(UnitState.Idle, second.State);
        Assert.Equal(new[] { "exit Idle", "enter Other" }, first.Context.Log);
        Assert.Empty(second.Context.Log);
        Assert.Single(firstEvents.Received);
        Assert.Empty(secondEvents.Received);
        Assert.False(second.CanFire(UnitTrigger.Go));
    }
}
