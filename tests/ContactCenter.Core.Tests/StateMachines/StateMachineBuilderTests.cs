using System;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

public sealed class StateMachineBuilderTests
{
    private const UnitState Undefined = (UnitState)99;

    // ----- Configure and Build ---------------------------------------------------------------------

    [Fact]
    public void Configure_returns_the_same_configuration_for_the_same_state()
    {
        var builder = UnitMachines.NewBuilder();

        var first = builder.Configure(UnitState.Idle);
        var second = builder.Configure(UnitState.Idle);

        Assert.Same(first, second);
        Assert.Equal(UnitState.Idle, first.State);
    }

    [Fact]
    public void Configure_of_an_alias_returns_the_configuration_of_the_aliased_value()
    {
        var builder = new StateMachineBuilder<UnitAliased, UnitTrigger, UnitContext>();

        var first = builder.Configure(UnitAliased.First);
        var alias = builder.Configure(UnitAliased.AlsoFirst);

        Assert.Same(first, alias);
    }

    [Fact]
    public void Configure_with_an_undefined_state_throws_naming_the_value()
    {
        var builder = UnitMachines.NewBuilder();

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Configure(Undefined));

        Assert.Equal("state", exception.ParamName);
        Assert.Contains("99 is not a defined value of UnitState", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_an_undefined_initial_state_throws()
    {
        var builder = UnitMachines.NewBuilder();

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(Undefined));

        Assert.Equal("initialState", exception.ParamName);
    }

    [Fact]
    public void Build_of_an_unconfigured_builder_gives_a_definition_that_refuses_every_trigger()
    {
        var definition = UnitMachines.NewBuilder().Build(UnitState.Idle);

        var machine = definition.CreateMachine(new UnitContext());

        Assert.Equal(UnitState.Idle, machine.State);
        Assert.Empty(machine.PermittedTriggers);
        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Go));
    }

    [Fact]
    public void Build_can_be_repeated_after_more_configuration_without_changing_the_earlier_definition()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        var first = builder.Build(UnitState.Idle);

        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Back, UnitState.Parent).OnExit(context => context.Record("exit Idle"));
        builder.Configure(UnitState.Other).OnEntry(context => context.Record("enter Other"));
        builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        var second = builder.Build(UnitState.Idle);

        var before = first.CreateMachine(new UnitContext());
        var after = second.CreateMachine(new UnitContext());
        Assert.Equal(new[] { UnitTrigger.Go }, before.PermittedTriggers);
        Assert.Equal(new[] { UnitTrigger.Go, UnitTrigger.Back }, after.PermittedTriggers);
        Assert.Throws<UnhandledTriggerException>(() => before.Fire(UnitTrigger.Ask));
        Assert.Throws<ArgumentException>(() => after.Fire(UnitTrigger.Ask));
        before.Fire(UnitTrigger.Go);
        after.Fire(UnitTrigger.Go);
        Assert.Empty(before.Context.Log);
        Assert.Equal(new[] { "exit Idle", "enter Other" }, after.Context.Log);
    }

    // ----- SetTriggerParameters ----------------------------------------------------------------------

    [Fact]
    public void SetTriggerParameters_returns_the_trigger_with_its_parameter_types()
    {
        var builder = UnitMachines.NewBuilder();

        var one = builder.SetTriggerParameters<string>(UnitTrigger.Ask);
        var two = builder.SetTriggerParameters<string, int>(UnitTrigger.Tell);
        var three = builder.SetTriggerParameters<string, int, bool>(UnitTrigger.Choose);

        Assert.Equal(UnitTrigger.Ask, one.Trigger);
        Assert.Equal(new[] { typeof(string) }, one.ParameterTypes);
        Assert.Equal(UnitTrigger.Tell, two.Trigger);
        Assert.Equal(new[] { typeof(string), typeof(int) }, two.ParameterTypes);
        Assert.Equal(UnitTrigger.Choose, three.Trigger);
        Assert.Equal(new[] { typeof(string), typeof(int), typeof(bool) }, three.ParameterTypes);
    }

    [Fact]
    public void SetTriggerParameters_twice_for_one_trigger_throws_naming_the_trigger_and_the_first_declaration()
    {
        var builder = UnitMachines.NewBuilder();
        builder.SetTriggerParameters<string, int>(UnitTrigger.Ask);

        var sameTypes = Assert.Throws<InvalidOperationException>(() => builder.SetTriggerParameters<string, int>(UnitTrigger.Ask));
        var otherTypes = Assert.Throws<InvalidOperationException>(() => builder.SetTriggerParameters<bool>(UnitTrigger.Ask));

        Assert.Equal("The parameters of trigger Ask are already declared as Ask(String, Int32).", sameTypes.Message);
        Assert.Equal("The parameters of trigger Ask are already declared as Ask(String, Int32).", otherTypes.Message);
    }

    [Fact]
    public void SetTriggerParameters_with_an_undefined_trigger_throws()
    {
        var builder = UnitMachines.NewBuilder();

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetTriggerParameters<int>((UnitTrigger)42));

        Assert.Equal("trigger", exception.ParamName);
        Assert.Contains("42 is not a defined value of UnitTrigger", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnSubscriberError_with_a_null_handler_throws()
    {
        var builder = UnitMachines.NewBuilder();

        Assert.Throws<ArgumentNullException>(() => builder.OnSubscriberError(null!));
    }

    // ----- validation by Build ---------------------------------------------------------------------------

    [Fact]
    public void Build_reports_a_SubstateOf_cycle_naming_every_state_on_it()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.ChildA).SubstateOf(UnitState.ChildB);
        builder.Configure(UnitState.ChildB).SubstateOf(UnitState.ChildA);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(
            new[] { "SubstateOf forms a cycle through state ChildA.", "SubstateOf forms a cycle through state ChildB." },
            exception.Errors);
    }

    [Fact]
    public void Build_reports_a_state_that_is_its_own_superstate()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Parent).SubstateOf(UnitState.Parent);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(new[] { "SubstateOf forms a cycle through state Parent." }, exception.Errors);
    }

    [Fact]
    public void Build_reports_an_initial_transition_to_a_grandchild()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.GrandChild);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(
            new[] { "State Parent has an initial transition to GrandChild, which is not a direct substate of Parent." },
            exception.Errors);
    }

    [Fact]
    public void Build_reports_an_initial_transition_to_a_state_outside_the_hierarchy()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Parent).InitialTransition(UnitState.Other);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(
            new[] { "State Parent has an initial transition to Other, which is not a direct substate of Parent." },
            exception.Errors);
    }

    [Fact]
    public void Build_reports_two_behaviours_for_one_trigger_when_one_is_unguarded()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .Permit(UnitTrigger.Go, UnitState.Other)
            .PermitIf(UnitTrigger.Go, UnitState.Parent, static context => context.Allowed);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(
            new[]
            {
                "State Idle has 2 behaviours for trigger Go and 1 of them have no guard, so they cannot be told apart; give each a guard that distinguishes it.",
            },
            exception.Errors);
    }

    [Fact]
    public void Build_reports_an_ignored_trigger_that_also_has_a_transition()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Other)
            .Ignore(UnitTrigger.Poke)
            .Permit(UnitTrigger.Poke, UnitState.Idle)
            .InternalTransition(UnitTrigger.Poke, static (_, _) => { });

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith("State Other has 3 behaviours for trigger Poke and 3 of them have no guard", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_counts_a_dynamic_transition_as_unguarded()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .PermitIf(UnitTrigger.Choose, UnitState.Other, static context => context.Allowed)
            .PermitDynamic(UnitTrigger.Choose, static context => context.Choice);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith("State Idle has 2 behaviours for trigger Choose and 1 of them have no guard", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_reports_two_behaviours_with_the_same_guard_delegate_naming_its_description()
    {
        Func<UnitContext, bool> allowed = static context => context.Allowed;
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .PermitIf(UnitTrigger.Go, UnitState.Other, allowed)
            .PermitIf(UnitTrigger.Go, UnitState.Parent, allowed, "also allowed");

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(
            new[] { "State Idle has 2 behaviours for trigger Go with the same guard (allowed), so they cannot be told apart." },
            exception.Errors);
    }

    [Fact]
    public void Build_reports_two_typed_behaviours_with_the_same_argument_guard()
    {
        Func<UnitContext, int, bool> positive = static (_, number) => number > 0;
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle)
            .PermitIf(ask, UnitState.Other, positive)
            .PermitIf(ask, UnitState.Parent, positive);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(
            new[] { "State Idle has 2 behaviours for trigger Ask with the same guard (positive), so they cannot be told apart." },
            exception.Errors);
    }

    [Fact]
    public void Build_accepts_several_behaviours_for_one_trigger_when_each_has_its_own_guard()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed)
            .PermitIf(UnitTrigger.Go, UnitState.Parent, static context => !context.Allowed)
            .IgnoreIf(UnitTrigger.Go, static context => context.AlsoAllowed);

        var definition = builder.Build(UnitState.Idle);

        Assert.Equal(UnitState.Idle, definition.InitialState);
    }

    [Fact]
    public void Build_accepts_one_trigger_configured_in_a_substate_and_in_its_superstate()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent).Permit(UnitTrigger.Go, UnitState.Other);
        builder.Configure(UnitState.ChildA).Permit(UnitTrigger.Go, UnitState.ChildB);

        var definition = builder.Build(UnitState.ChildA);

        Assert.Equal(UnitState.ChildA, definition.InitialState);
    }

    [Fact]
    public void Build_lists_every_problem_in_the_exception_and_its_message()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Parent).SubstateOf(UnitState.Parent);
        builder.Configure(UnitState.Idle).InitialTransition(UnitState.Other);
        builder.Configure(UnitState.Other).Permit(UnitTrigger.Go, UnitState.Idle).Ignore(UnitTrigger.Go);

        var exception = Assert.Throws<StateMachineDefinitionException>(() => builder.Build(UnitState.Idle));

        Assert.Equal(3, exception.Errors.Count);
        string nl = Environment.NewLine;
        Assert.Equal(
            "The state machine of UnitState and UnitTrigger is invalid:" + nl
            + "- SubstateOf forms a cycle through state Parent." + nl
            + "- State Idle has an initial transition to Other, which is not a direct substate of Idle." + nl
            + "- State Other has 2 behaviours for trigger Go and 2 of them have no guard, so they cannot be told apart; give each a guard that distinguishes it.",
            exception.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(exception);
    }
}
