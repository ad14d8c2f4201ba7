using System;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

public sealed class UnhandledTriggerExceptionTests
{
    [Fact]
    public void The_message_lists_the_permitted_triggers_when_no_guard_failed()
    {
        var exception = new UnhandledTriggerException(UnitState.Idle, UnitTrigger.Go, [UnitTrigger.Back, UnitTrigger.Poke], []);

        Assert.Equal("Trigger Go is not permitted in state Idle. Permitted triggers: Back, Poke.", exception.Message);
        Assert.Equal(UnitState.Idle, exception.State);
        Assert.Equal(UnitTrigger.Go, exception.Trigger);
        Assert.Equal(new Enum[] { UnitTrigger.Back, UnitTrigger.Poke }, exception.PermittedTriggers);
        Assert.Empty(exception.UnmetGuards);
        Assert.IsAssignableFrom<InvalidOperationException>(exception);
    }

    [Fact]
    public void The_message_quotes_the_unmet_guards_and_says_none_when_nothing_is_permitted()
    {
        var exception = new UnhandledTriggerException(UnitState.Idle, UnitTrigger.Go, [], ["an agent is free", "x > 0"]);

        Assert.Equal(
            "Trigger Go is not permitted in state Idle: guard(s) not met: 'an agent is free'; 'x > 0'. Permitted triggers: none.",
            exception.Message);
        Assert.Equal(new[] { "an agent is free", "x > 0" }, exception.UnmetGuards);
    }

    [Fact]
    public void Fire_of_a_refused_trigger_reports_state_trigger_permitted_triggers_and_unmet_guards()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.Parent)
            .PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.AlsoAllowed, "also allowed")
            .Ignore(UnitTrigger.Poke);
        builder.Configure(UnitState.ChildA)
            .PermitIf(UnitTrigger.Go, UnitState.ChildB, static context => context.Allowed)
            .Permit(UnitTrigger.Back, UnitState.Idle);
        var machine = builder.Build(UnitState.Idle).Rehydrate(new UnitContext(), UnitState.GrandChild);

        var exception = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Go));

        Assert.Equal(UnitState.GrandChild, exception.State);
        Assert.Equal(UnitTrigger.Go, exception.Trigger);
        Assert.Equal(new Enum[] { UnitTrigger.Back, UnitTrigger.Poke }, exception.PermittedTriggers);
        Assert.Equal(new[] { "static context => context.Allowed", "also allowed" }, exception.UnmetGuards);
        Assert.Equal(
            "Trigger Go is not permitted in state GrandChild: guard(s) not met: 'static context => context.Allowed'; 'also allowed'. Permitted triggers: Back, Poke.",
            exception.Message);
    }

    [Fact]
    public void Fire_of_an_unconfigured_trigger_reports_no_unmet_guards()
    {
        var builder = UnitMachines.NewBuilder();
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Go, UnitState.Other);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        var exception = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Poke));

        Assert.Empty(exception.UnmetGuards);
        Assert.Equal("Trigger Poke is not permitted in state Idle. Permitted triggers: Go.", exception.Message);
    }

    [Fact]
    public void A_refused_trigger_changes_nothing()
    {
        var builder = UnitMachines.LoggingHierarchy();
        builder.Configure(UnitState.ChildA).PermitIf(UnitTrigger.Go, UnitState.Other, static context => context.Allowed);
        var machine = builder.Build(UnitState.Idle).Rehydrate(new UnitContext(), UnitState.GrandChild);
        var recorder = UnitMachines.Record(machine);

        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Go));
        Assert.Throws<UnhandledTriggerException>(() => machine.Fire(UnitTrigger.Back));

        Assert.Equal(UnitState.GrandChild, machine.State);
        Assert.Empty(machine.Context.Log);
        Assert.Empty(recorder.Received);
        machine.Context.Allowed = true;
        machine.Fire(UnitTrigger.Go);
        Assert.Equal(UnitState.Other, machine.State);
    }

    [Fact]
    public void A_trigger_refused_by_its_argument_guard_reports_that_guard_and_counts_as_permitted_without_arguments()
    {
        var builder = UnitMachines.NewBuilder();
        var ask = builder.SetTriggerParameters<int>(UnitTrigger.Ask);
        builder.Configure(UnitState.Idle).PermitIf(ask, UnitState.Other, static (_, n) => n > 0, "a positive number");
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());

        var exception = Assert.Throws<UnhandledTriggerException>(() => machine.Fire(ask, 0));

        Assert.Equal(new[] { "a positive number" }, exception.UnmetGuards);
        Assert.Equal(new Enum[] { UnitTrigger.Ask }, exception.PermittedTriggers);
        Assert.Equal(UnitState.Idle, machine.State);
    }
}
