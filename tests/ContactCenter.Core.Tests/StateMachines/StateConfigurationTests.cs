using System;
using System.Collections.Generic;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

/// <summary>What each fluent configuration method accepts, refuses, and makes a machine do.</summary>
public sealed class StateConfigurationTests
{
    private const UnitState UndefinedState = (UnitState)99;
    private const UnitTrigger UndefinedTrigger = (UnitTrigger)42;

    // ----- refusals at configuration time ---------------------------------------------------------

    [Fact]
    public void Permit_to_the_configured_state_throws_and_points_to_the_alternatives()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.Idle);

        var exception = Assert.Throws<ArgumentException>(() => configuration.Permit(UnitTrigger.Go, UnitState.Idle));

        Assert.Equal("destination", exception.ParamName);
        Assert.StartsWith(
            "Permit in state Idle for trigger Go targets the state itself. To accept a trigger without changing state use Ignore or InternalTransition; to exit and re-enter use PermitReentry.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void PermitIf_to_the_configured_state_throws_for_plain_and_typed_guards()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        var tell = builder.SetTriggerParameters<int, int>(UnitTrigger.Tell);
        var choose = builder.SetTriggerParameters<int, int, int>(UnitTrigger.Choose);
        var configuration = builder.Configure(UnitState.Other);

        Assert.Throws<ArgumentException>(() => configuration.PermitIf(UnitTrigger.Go, UnitState.Other, static _ => true));
        Assert.Throws<ArgumentException>(() => configuration.PermitIf(ask, UnitState.Other, static (_, _) => true));
        Assert.Throws<ArgumentException>(() => configuration.PermitIf(tell, UnitState.Other, static (_, _, _) => true));
        Assert.Throws<ArgumentException>(() => configuration.PermitIf(choose, UnitState.Other, static (_, _, _, _) => true));
    }

    [Fact]
    public void Permit_to_a_substate_or_superstate_of_the_configured_state_is_accepted()
    {
        var builder = UnitMachines.LoggingHierarchy();

        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Down, UnitState.ChildA);
        builder.Configure(UnitState.ChildA).Permit(UnitTrigger.Up, UnitState.Parent);

        Assert.Equal(UnitState.Parent, builder.Build(UnitState.Parent).InitialState);
    }

    [Fact]
    public void Permit_with_an_undefined_destination_throws()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.Idle);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Permit(UnitTrigger.Go, UndefinedState));

        Assert.Equal("destination", exception.ParamName);
        Assert.Contains("99 is not a defined value of UnitState", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_method_taking_a_state_rejects_an_undefined_state()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.Idle);

        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.PermitIf(UnitTrigger.Go, UndefinedState, static _ => true));
        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.SubstateOf(UndefinedState));
        Assert.Throws<ArgumentOutOfRangeException>(() => configuration.InitialTransition(UndefinedState));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => configuration.PermitDynamic(UnitTrigger.Choose, static _ => UnitState.Other, [UnitState.Other, UndefinedState]));
    }

    [Fact]
    public void Every_method_taking_a_trigger_rejects_an_undefined_trigger()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.Idle);

        var refusals = new List<Exception>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Permit(UndefinedTrigger, UnitState.Other)),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.PermitIf(UndefinedTrigger, UnitState.Other, static _ => true)),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.PermitReentry(UndefinedTrigger)),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.PermitReentryIf(UndefinedTrigger, static _ => true)),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.PermitDynamic(UndefinedTrigger, static _ => UnitState.Other)),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Ignore(UndefinedTrigger)),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.IgnoreIf(UndefinedTrigger, static _ => true)),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.InternalTransition(UndefinedTrigger, static (_, _) => { })),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.InternalTransitionIf(UndefinedTrigger, static _ => true, static (_, _) => { })),
            Assert.Throws<ArgumentOutOfRangeException>(() => configuration.OnEntryFrom(UndefinedTrigger, static (_, _) => { })),
        };

        Assert.All(refusals, static e => Assert.Contains("42 is not a defined value of UnitTrigger", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void SubstateOf_a_second_superstate_throws_but_repeating_the_same_one_is_accepted()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.ChildA);
        configuration.SubstateOf(UnitState.Parent);

        configuration.SubstateOf(UnitState.Parent);
        var exception = Assert.Throws<InvalidOperationException>(() => configuration.SubstateOf(UnitState.Other));

        Assert.Equal("State ChildA is already a substate of Parent; a state has one superstate.", exception.Message);
    }

    [Fact]
    public void InitialTransition_a_second_time_throws()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.Parent);
        configuration.InitialTransition(UnitState.ChildA);

        var exception = Assert.Throws<InvalidOperationException>(() => configuration.InitialTransition(UnitState.ChildA));

        Assert.Equal("State Parent already has an initial transition (to ChildA).", exception.Message);
    }

    [Fact]
    public void Typed_configuration_with_a_trigger_not_declared_on_this_builder_throws()
    {
        var builder = UnitMachines.NewBuilder();
        var foreign = UnitMachines.NewBuilder().SetTriggerParameters<int>(UnitTrigger.Ask);
        var configuration = builder.Configure(UnitState.Idle);

        var exception = Assert.Throws<ArgumentException>(() => configuration.PermitIf(foreign, UnitState.Other, static (_, _) => true));

        Assert.Equal("trigger", exception.ParamName);
        Assert.StartsWith(
            "Trigger Ask(Int32) was not declared with these parameters on this builder; call SetTriggerParameters first.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_configuration_with_a_trigger_declared_here_with_other_types_throws()
    {
        var builder = UnitMachines.NewBuilder();
        builder.SetTriggerParameters<string>(UnitTrigger.Ask);
        var foreign = UnitMachines.NewBuilder().SetTriggerParameters<int>(UnitTrigger.Ask);
        var configuration = builder.Configure(UnitState.Idle);

        Assert.Throws<ArgumentException>(() => configuration.OnEntryFrom(foreign, static (_, _, _) => { }));
        Assert.Throws<ArgumentException>(() => configuration.InternalTransition(foreign, static (_, _, _) => { }));
        Assert.Throws<ArgumentException>(() => configuration.PermitDynamic(foreign, static (_, _) => UnitState.Other));
    }

    [Fact]
    public void Null_delegates_are_refused()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.Idle);

        Assert.Equal("guard", Assert.Throws<ArgumentNullException>(() => configuration.PermitIf(UnitTrigger.Go, UnitState.Other, null!)).ParamName);
        Assert.Equal("selector", Assert.Throws<ArgumentNullException>(() => configuration.PermitDynamic(UnitTrigger.Go, null!)).ParamName);
        Assert.Equal("action", Assert.Throws<ArgumentNullException>(() => configuration.InternalTransition(UnitTrigger.Go, null!)).ParamName);
        Assert.Equal("action", Assert.Throws<ArgumentNullException>(() => configuration.OnEntry((Action<UnitContext>)null!)).ParamName);
        Assert.Equal("action", Assert.Throws<ArgumentNullException>(() => configuration.OnExit((Action<UnitContext, Transition<UnitState, UnitTrigger>>)null!)).ParamName);
    }

    // ----- Permit and PermitIf --------------------------------------------------------------------------

    [Fact]
    public void Permit_moves_to_the_destination_running_exit_then_entry_then_publishing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine, _ => machine.Context.Record("published"));

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "exit Idle", "enter Other", "published" }, machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go) }, recorder.Received);
    }

    [Fact]
    public void PermitIf_moves_only_while_the_guard_holds()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed);
        var definition = builder.Build(UnitState.Idle);
        var refused = definition.CreateMachine(new UnitContext { Allowed = false });
        var accepted = definition.CreateMachine(new UnitContext { Allowed = true });

        Assert.Throws<UnhandledTriggerException>(() => refused.Fire(UnitTrigger.Go));
        accepted.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Idle, refused.State);
        Assert.Equal(UnitState.Other, accepted.State);
    }

    [Fact]
    public void PermitIf_with_a_one_argument_guard_decides_on_the_argument()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle)
            .PermitIf(ask, UnitState.Other, static (_, number) => number > 0)
            .PermitIf(ask, UnitState.Parent, static (_, number) => number < 0);
        var definition = builder.Build(UnitState.Idle);
        var positive = definition.CreateMachine(new UnitContext());
        var negative = definition.CreateMachine(new UnitContext());
        var zero = definition.CreateMachine(new UnitContext());

        positive.Fire(ask, 5);
        negative.Fire(ask, -5);
        var refusal = Assert.Throws<UnhandledTriggerException>(() => zero.Fire(ask, 0));

        Assert.Equal(UnitState.Other, positive.State);
        Assert.Equal(UnitState.Parent, negative.State);
        Assert.Equal(UnitState.Idle, zero.State);
        Assert.Equal(new[] { "static (_, number) => number > 0", "static (_, number) => number < 0" }, refusal.UnmetGuards);
    }

    [Fact]
    public void PermitIf_with_a_two_argument_guard_receives_both_arguments()
    {
        var builder = UnitMachines.NewBuilder();
        var tell = builder.SetTriggerParameters<string, int>(UnitTrigger.Tell);
        builder.Configure(UnitState.Idle)
            .PermitIf(tell, UnitState.Other, static (_, name, count) => name == "agent" && count == 2);
        var definition = builder.Build(UnitState.Idle);
        var machine = definition.CreateMachine(new UnitContext());

        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(tell, "agent", 3));
        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(tell, "other", 2));
        machine.Fire(tell, "agent", 2);

        Assert.Equal(UnitState.Other, machine.State);
    }

    [Fact]
    public void PermitIf_with_a_three_argument_guard_receives_all_arguments()
    {
        var builder = UnitMachines.NewBuilder();
        var choose = builder.SetTriggerParameters<string, int, bool>(UnitTrigger.Choose);
        builder.Configure(UnitState.Idle)
            .PermitIf(choose, UnitState.Other, static (_, name, count, flag) => name == "agent" && count == 2 && flag);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(choose, "agent", 2, false));
        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(choose, "agent", 1, true));
        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(choose, "other", 2, true));
        machine.Fire(choose, "agent", 2, true);

        Assert.Equal(UnitState.Other, machine.State);
    }

    [Fact]
    public void PermitIf_guard_reads_the_context_of_the_instance()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).PermitIf(ask, UnitState.Other, static (context, number) => context.Allowed && number == 1);
        var definition = builder.Build(UnitState.Idle);
        var allowed = definition.CreateMachine(new UnitContext { Allowed = true });
        var forbidden = definition.CreateMachine(new UnitContext { Allowed = false });

        allowed.Fire(ask, 1);
        Assert.Throws<UnhandledTriggerException>(() => forbidden.Fire(ask, 1));

        Assert.Equal(UnitState.Other, allowed.State);
        Assert.Equal(UnitState.Idle, forbidden.State);
    }

    [Fact]
    public void Plain_Permit_of_a_parameterised_trigger_fires_with_the_arguments()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Ask, UnitState.Other);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        machine.Fire(ask, 7);

        Assert.Equal(UnitState.Other, machine.State);
    }

    // ----- PermitReentry ----------------------------------------------------------------------------------

    [Fact]
    public void PermitReentry_exits_and_reenters_the_state_and_marks_the_transition_as_reentry()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other).PermitReentry(UnitTrigger.Reset);
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Reset);

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "exit Other", "enter Other" }, machine.Context.Log);
        var transition = Assert.Single(recorder.Received);
        Assert.Equal(UnitMachines.Transition(UnitState.Other, UnitState.Other, UnitTrigger.Reset, isReentry: true), transition);
        Assert.True(transition.IsReentry);
    }

    [Fact]
    public void PermitReentryIf_reenters_only_while_the_guard_holds()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other).PermitReentryIf(UnitTrigger.Reset, static context => context.Allowed, "reset allowed");
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());

        var refusal = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Reset));
        machine.Context.Allowed = true;
        machine.Fire(UnitTrigger.Reset);

        Assert.Equal(new[] { "reset allowed" }, refusal.UnmetGuards);
        Assert.Equal(new[] { "exit Other", "enter Other" }, machine.Context.Log);
    }

    [Fact]
    public void PermitReentry_of_a_superstate_fired_in_a_substate_exits_to_and_reenters_the_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).PermitReentry(UnitTrigger.Reset);
        var machine = builder.Build(UnitState.GrandChild).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Reset);

        Assert.Equal(UnitState.Parent, machine.State);
        Assert.Equal(new[] { "exit GrandChild", "exit ChildA", "exit Parent", "enter Parent" }, machine.Context.Log);
        Assert.Equal(
            new[] { UnitMachines.Transition(UnitState.GrandChild, UnitState.Parent, UnitTrigger.Reset, isReentry: true) },
            recorder.Received);
    }

    [Fact]
    public void PermitReentry_of_a_superstate_follows_its_initial_transition_after_reentering()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).PermitReentry(UnitTrigger.Reset).InitialTransition(UnitState.ChildB);
        var machine = builder.Build(UnitState.Idle).Rehydrate(new UnitContext(), UnitState.GrandChild);
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Reset);

        Assert.Equal(UnitState.ChildB, machine.State);
        Assert.Equal(new[] { "exit GrandChild", "exit ChildA", "exit Parent", "enter Parent", "enter ChildB" }, machine.Context.Log);
        Assert.Equal(
            new[] { UnitMachines.Transition(UnitState.GrandChild, UnitState.ChildB, UnitTrigger.Reset, isReentry: true) },
            recorder.Received);
    }

    // ----- PermitDynamic ------------------------------------------------------------------------------------

    [Fact]
    public void PermitDynamic_moves_to_the_state_the_selector_returns()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).PermitDynamic(UnitTrigger.Choose, static context => context.Choice);
        var definition = builder.Build(UnitState.Idle);
        var toOther = definition.CreateMachine(new UnitContext { Choice = UnitState.Other });
        var toChildB = definition.CreateMachine(new UnitContext { Choice = UnitState.ChildB });

        toOther.Fire(UnitTrigger.Choose);
        toChildB.Fire(UnitTrigger.Choose);

        Assert.Equal(UnitState.Other, toOther.State);
        Assert.Equal(new[] { "exit Idle", "enter Other" }, toOther.Context.Log);
        Assert.Equal(UnitState.ChildB, toChildB.State);
        Assert.Equal(new[] { "exit Idle", "enter Parent", "enter ChildB" }, toChildB.Context.Log);
    }

    [Fact]
    public void PermitDynamic_selecting_the_current_state_reenters_it()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other).PermitDynamic(UnitTrigger.Choose, static context => context.Choice);
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext { Choice = UnitState.Other });
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Choose);

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "exit Other", "enter Other" }, machine.Context.Log);
        Assert.Equal(
            new[] { UnitMachines.Transition(UnitState.Other, UnitState.Other, UnitTrigger.Choose, isReentry: true) },
            recorder.Received);
    }

    [Fact]
    public void PermitDynamic_selecting_an_undefined_value_throws_and_changes_nothing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).PermitDynamic(UnitTrigger.Choose, static context => context.Choice);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext { Choice = UndefinedState });
        var recorder = UnitMachines.Record(machine);

        var exception = Assert.Throws<InvalidOperationException>(() => machine.Fire(UnitTrigger.Choose));

        Assert.Equal(
            "The dynamic transition for trigger Choose in state Idle selected 99, which is not a defined state.",
            exception.Message);
        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void PermitDynamic_with_typed_selectors_receives_the_arguments()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<UnitState>(UnitTrigger.Ask);
        var tell = builder.SetTriggerParameters<bool, UnitState>(UnitTrigger.Tell);
        var choose = builder.SetTriggerParameters<int, int, UnitState>(UnitTrigger.Choose);
        builder.Configure(UnitState.Idle)
            .PermitDynamic(ask, static (_, target) => target)
            .PermitDynamic(tell, static (_, toOther, fallback) => toOther ? UnitState.Other : fallback)
            .PermitDynamic(choose, static (_, a, b, fallback) => a == b ? UnitState.Other : fallback);
        var definition = builder.Build(UnitState.Idle);
        var one = definition.CreateMachine(new UnitContext());
        var two = definition.CreateMachine(new UnitContext());
        var three = definition.CreateMachine(new UnitContext());

        one.Fire(ask, UnitState.ChildB);
        two.Fire(tell, false, UnitState.Parent);
        three.Fire(choose, 4, 4, UnitState.Parent);

        Assert.Equal(UnitState.ChildB, one.State);
        Assert.Equal(UnitState.Parent, two.State);
        Assert.Equal(UnitState.Other, three.State);
    }

    [Fact]
    public void PermitDynamic_whose_selector_throws_changes_nothing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).PermitDynamic(UnitTrigger.Choose, static _ => throw new UnitFailureException("selector"));
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        Assert.Throws<UnitFailureException>(() => machine.Fire(UnitTrigger.Choose));

        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
    }

    // ----- Ignore and IgnoreIf ---------------------------------------------------------------------------------

    [Fact]
    public void Ignore_accepts_the_trigger_and_runs_nothing_and_publishes_nothing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other).Ignore(UnitTrigger.Poke);
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Poke);

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
        Assert.True(machine.CanFire(UnitTrigger.Poke));
    }

    [Fact]
    public void Ignore_in_a_superstate_applies_to_its_substates()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Ignore(UnitTrigger.Poke);
        var machine = builder.Build(UnitState.GrandChild).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Poke);

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Empty(machine.Context.Log);
    }

    [Fact]
    public void Ignore_in_a_substate_shadows_a_transition_of_its_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.ChildA).Ignore(UnitTrigger.Go);
        var machine = builder.Build(UnitState.ChildA).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.ChildA, machine.State);
        Assert.Empty(machine.Context.Log);
    }

    [Fact]
    public void IgnoreIf_ignores_while_the_guard_holds_and_otherwise_falls_through_to_the_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.ChildA).IgnoreIf(UnitTrigger.Go, static context => context.Allowed);
        var definition = builder.Build(UnitState.ChildA);
        var ignoring = definition.CreateMachine(new UnitContext { Allowed = true });
        var leaving = definition.CreateMachine(new UnitContext { Allowed = false });

        ignoring.Fire(UnitTrigger.Go);
        leaving.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.ChildA, ignoring.State);
        Assert.Empty(ignoring.Context.Log);
        Assert.Equal(UnitState.Other, leaving.State);
    }

    [Fact]
    public void IgnoreIf_whose_guard_fails_refuses_the_trigger_and_reports_the_guard()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Other).IgnoreIf(UnitTrigger.Poke, static context => context.Allowed);
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());

        var refusal = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Poke));

        Assert.Equal(new[] { "static context => context.Allowed" }, refusal.UnmetGuards);
    }

    // ----- InternalTransition ------------------------------------------------------------------------------------

    [Fact]
    public void InternalTransition_runs_its_action_without_exit_entry_or_event()
    {
        var builder = UnitMachines.LoggingHierarchy();
        var seen = new List<Transition<UnitState, UnitTrigger>>();
        builder.Configure(UnitState.Other).InternalTransition(UnitTrigger.Poke, (context, transition) =>
        {
            seen.Add(transition);
            context.Record("poked");
        });
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Poke);

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "poked" }, machine.Context.Log);
        Assert.Empty(recorder.Received);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.Other, UnitState.Other, UnitTrigger.Poke) }, seen);
    }

    [Fact]
    public void InternalTransition_of_a_superstate_runs_in_the_substate_with_the_substate_as_source()
    {
        var builder = UnitMachines.LoggingHierarchy();
        var seen = new List<Transition<UnitState, UnitTrigger>>();
        builder.Configure(UnitState.Parent).InternalTransition(UnitTrigger.Poke, (_, transition) => seen.Add(transition));
        var machine = builder.Build(UnitState.GrandChild).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Poke);

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Equal(new[] { UnitMachines.Transition(UnitState.GrandChild, UnitState.GrandChild, UnitTrigger.Poke) }, seen);
    }

    [Fact]
    public void InternalTransitionIf_runs_only_while_the_guard_holds()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Other)
            .InternalTransitionIf(UnitTrigger.Poke, static context => context.Allowed, static (context, _) => context.Record("poked"), "poking allowed");
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());

        var refusal = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Poke));
        machine.Context.Allowed = true;
        machine.Fire(UnitTrigger.Poke);

        Assert.Equal(new[] { "poking allowed" }, refusal.UnmetGuards);
        Assert.Equal(new[] { "poked" }, machine.Context.Log);
    }

    [Fact]
    public void Typed_InternalTransitionIf_runs_its_action_with_the_argument_only_while_the_context_guard_holds()
    {
        var builder = UnitMachines.LoggingHierarchy();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.ChildA)
            .InternalTransitionIf(ask, static context => context.Allowed, static (context, a, transition) => context.Record($"ask {a} in {transition.Destination}"), "asking allowed");
        var machine = builder.Build(UnitState.Idle).Rehydrate(new UnitContext(), UnitState.ChildA);
        var recorder = UnitMachines.Record(machine);

        var refusal = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(ask, 1));
        machine.Context.Allowed = true;
        machine.Fire(ask, 2);

        Assert.Equal(new[] { "asking allowed" }, refusal.UnmetGuards);
        Assert.Equal(new[] { "ask 2 in ChildA" }, machine.Context.Log);
        Assert.Equal(UnitState.ChildA, machine.State);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public void Typed_InternalTransitionIf_with_an_argument_guard_evaluates_the_argument()
    {
        var builder = UnitMachines.LoggingHierarchy();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Other)
            .InternalTransitionIf(ask, static (_, a) => a > 0, static (context, a, _) => context.Record($"ask {a}"), "a positive number");
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());

        Assert.True(machine.CanFire(UnitTrigger.Ask));
        Assert.False(machine.CanFire(ask, 0));
        var refusal = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(ask, 0));
        machine.Fire(ask, 3);

        Assert.Equal(new[] { "a positive number" }, refusal.UnmetGuards);
        Assert.Equal(new[] { "ask 3" }, machine.Context.Log);
    }

    [Fact]
    public void Typed_InternalTransition_receives_one_two_or_three_arguments()
    {
        var builder = UnitMachines.LoggingHierarchy();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        var tell = builder.SetTriggerParameters<int, string>(UnitTrigger.Tell);
        var choose = builder.SetTriggerParameters<int, string, bool>(UnitTrigger.Choose);
        builder.Configure(UnitState.Other)
            .InternalTransition(ask, static (context, a, transition) => context.Record($"ask {a} {transition.Trigger}"))
            .InternalTransition(tell, static (context, a, b, _) => context.Record("tell " + a + " " + b))
            .InternalTransition(choose, static (context, a, b, c, _) => context.Record("choose " + a + " " + b + " " + c));
        var machine = builder.Build(UnitState.Other).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        machine.Fire(ask, 1);
        machine.Fire(tell, 2, "two");
        machine.Fire(choose, 3, "three", true);

        Assert.Equal(new[] { "ask 1 Ask", "tell 2 two", "choose 3 three True" }, machine.Context.Log);
        Assert.Equal(UnitState.Other, machine.State);
        Assert.Empty(recorder.Received);
    }

    // ----- SubstateOf ------------------------------------------------------------------------------------------------

    [Fact]
    public void SubstateOf_makes_the_substate_inherit_the_superstate_behaviours_at_any_depth()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.Other);
        var machine = builder.Build(UnitState.GrandChild).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Equal(new[] { "exit GrandChild", "exit ChildA", "exit Parent", "enter Other" }, machine.Context.Log);
    }

    [Fact]
    public void SubstateOf_gives_the_substate_behaviour_precedence_over_the_superstate_one()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.ChildA).Permit(UnitTrigger.Go, UnitState.ChildB);
        var machine = builder.Build(UnitState.GrandChild).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.ChildB, machine.State);
    }

    [Fact]
    public void A_failing_guard_in_the_substate_falls_through_to_the_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.ChildA).PermitIf(UnitTrigger.Go, UnitState.ChildB, static context => context.Allowed);
        var definition = builder.Build(UnitState.ChildA);
        var failing = definition.CreateMachine(new UnitContext { Allowed = false });
        var passing = definition.CreateMachine(new UnitContext { Allowed = true });

        failing.Fire(UnitTrigger.Go);
        passing.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Other, failing.State);
        Assert.Equal(UnitState.ChildB, passing.State);
    }

    // ----- InitialTransition --------------------------------------------------------------------------------------------

    [Fact]
    public void InitialTransition_is_followed_when_the_superstate_is_entered_down_to_the_leaf()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Parent);
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.ChildA);
        builder.Configure(UnitState.ChildA).InitialTransition(UnitState.GrandChild);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var recorder = UnitMachines.Record(machine);

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Equal(new[] { "exit Idle", "enter Parent", "enter ChildA", "enter GrandChild" }, machine.Context.Log);
        var transition = Assert.Single(recorder.Received);
        Assert.Equal(UnitMachines.Transition(UnitState.Idle, UnitState.GrandChild, UnitTrigger.Go), transition);
    }

    [Fact]
    public void InitialTransition_destination_is_the_final_leaf_in_the_transition_every_action_receives()
    {
        var builder = UnitMachines.NewBuilder();
        var seen = new List<string>();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Go, UnitState.Parent)
            .OnExit((_, t) => seen.Add("exit Idle " + t));
        builder.Configure(UnitState.Parent)
            .InitialTransition(UnitState.ChildB)
            .OnEntry((_, t) => seen.Add("enter Parent " + t));
        builder.Configure(UnitState.ChildB)
            .SubstateOf(UnitState.Parent)
            .OnEntry((_, t) => seen.Add("enter ChildB " + t));
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(
            new[] { "exit Idle Idle --Go--> ChildB", "enter Parent Idle --Go--> ChildB", "enter ChildB Idle --Go--> ChildB" },
            seen);
    }

    [Fact]
    public void Without_an_initial_transition_a_superstate_target_is_where_the_machine_rests()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Parent);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Parent, machine.State);
        Assert.Equal(new[] { "exit Idle", "enter Parent" }, machine.Context.Log);
    }

    // ----- OnEntry, OnEntryFrom, OnExit -----------------------------------------------------------------------------

    [Fact]
    public void OnEntry_and_OnExit_actions_of_one_state_run_in_registration_order_whatever_their_overload()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Go, UnitState.Other)
            .OnExit(static context => context.Record("exit 1"))
            .OnExit(static (context, _) => context.Record("exit 2"))
            .OnExit(static context => context.Record("exit 3"));
        builder.Configure(UnitState.Other)
            .OnEntry(static (context, _) => context.Record("entry 1"))
            .OnEntry(static context => context.Record("entry 2"))
            .OnEntryFrom(UnitTrigger.Go, static (context, _) => context.Record("entry 3 from Go"))
            .OnEntry(static (context, _) => context.Record("entry 4"));
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(new[] { "exit 1", "exit 2", "exit 3", "entry 1", "entry 2", "entry 3 from Go", "entry 4" }, machine.Context.Log);
    }

    [Fact]
    public void OnEntryFrom_runs_only_when_the_state_is_entered_through_its_trigger()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Go, UnitState.Other)
            .Permit(UnitTrigger.Next, UnitState.Other);
        builder.Configure(UnitState.Other)
            .OnEntryFrom(UnitTrigger.Go, static (context, transition) => context.Record("from " + transition.Trigger))
            .PermitReentry(UnitTrigger.Reset);
        var definition = builder.Build(UnitState.Idle);
        var viaGo = definition.CreateMachine(new UnitContext());
        var viaNext = definition.CreateMachine(new UnitContext());

        viaGo.Fire(UnitTrigger.Go);
        viaGo.Fire(UnitTrigger.Reset);
        viaNext.Fire(UnitTrigger.Next);

        Assert.Equal(new[] { "from Go" }, viaGo.Context.Log);
        Assert.Empty(viaNext.Context.Log);
    }

    [Fact]
    public void OnEntryFrom_of_a_superstate_runs_when_the_trigger_enters_it_through_a_substate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.GrandChild);
        builder.Configure(UnitState.Parent).OnEntryFrom(UnitTrigger.Go, static (context, _) => context.Record("Parent from Go"));
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(
            new[] { "exit Idle", "enter Parent", "Parent from Go", "enter ChildA", "enter GrandChild" },
            machine.Context.Log);
    }

    [Fact]
    public void Typed_OnEntryFrom_receives_one_two_or_three_arguments_and_the_transition()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        var tell = builder.SetTriggerParameters<int, string>(UnitTrigger.Tell);
        var choose = builder.SetTriggerParameters<int, string, bool>(UnitTrigger.Choose);
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Ask, UnitState.ChildA)
            .Permit(UnitTrigger.Tell, UnitState.ChildB)
            .Permit(UnitTrigger.Choose, UnitState.Other);
        builder.Configure(UnitState.ChildA).OnEntryFrom(ask, static (context, a, t) => context.Record("A " + a + " " + t));
        builder.Configure(UnitState.ChildB).OnEntryFrom(tell, static (context, a, b, t) => context.Record("B " + a + " " + b + " " + t));
        builder.Configure(UnitState.Other).OnEntryFrom(choose, static (context, a, b, c, t) => context.Record("O " + a + " " + b + " " + c + " " + t));
        var definition = builder.Build(UnitState.Idle);
        var one = definition.CreateMachine(new UnitContext());
        var two = definition.CreateMachine(new UnitContext());
        var three = definition.CreateMachine(new UnitContext());

        one.Fire(ask, 1);
        two.Fire(tell, 2, "two");
        three.Fire(choose, 3, "three", false);

        Assert.Equal(new[] { "A 1 Idle --Ask--> ChildA" }, one.Context.Log);
        Assert.Equal(new[] { "B 2 two Idle --Tell--> ChildB" }, two.Context.Log);
        Assert.Equal(new[] { "O 3 three False Idle --Choose--> Other" }, three.Context.Log);
    }

    [Fact]
    public void Typed_OnEntryFrom_does_not_run_when_the_state_is_entered_through_another_trigger()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Ask, UnitState.Other)
            .Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.Other).OnEntryFrom(ask, static (context, a, _) => context.Record("asked " + a));
        var definition = builder.Build(UnitState.Idle);
        var machine = definition.CreateMachine(new UnitContext());

        machine.Fire(UnitTrigger.Go);

        Assert.Equal(UnitState.Other, machine.State);
        Assert.Empty(machine.Context.Log);
    }

    [Fact]
    public void InternalTransitionIf_with_a_null_description_reports_a_non_null_unmet_guard()
    {
        // PermitIf, PermitReentryIf and IgnoreIf fall back to "guard" when the description is null.
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .InternalTransitionIf(UnitTrigger.Poke, static context => context.Allowed, static (_, _) => { }, guardDescription: null)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed, guardDescription: null);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        machine.CanFire(UnitTrigger.Go, out var permitUnmet);
        machine.CanFire(UnitTrigger.Poke, out var internalUnmet);

        Assert.Equal(new[] { "guard" }, permitUnmet);
        Assert.Equal(new[] { "guard" }, internalUnmet);
    }

    [Fact]
    public void PermitDynamic_names_its_own_parameter_when_a_possible_destination_is_undefined()
    {
        var configuration = UnitMachines.NewBuilder().Configure(UnitState.Idle);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => configuration.PermitDynamic(UnitTrigger.Choose, static _ => UnitState.Other, [(UnitState)99]));

        Assert.Equal("possibleDestinations", exception.ParamName);
    }
}
