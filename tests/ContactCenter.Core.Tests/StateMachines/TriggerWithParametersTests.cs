using System;
using System.Threading.Tasks;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

public sealed class TriggerWithParametersTests
{
    [Fact]
    public void A_trigger_with_one_parameter_exposes_its_trigger_type_and_text()
    {
        var trigger = UnitMachines.NewBuilder().SetTriggerParameters<int>(UnitTrigger.Ask);

        Assert.Equal(UnitTrigger.Ask, trigger.Trigger);
        Assert.Equal(new[] { typeof(int) }, trigger.ParameterTypes);
        Assert.Equal("Ask(Int32)", trigger.ToString());
    }

    [Fact]
    public void A_trigger_with_two_parameters_exposes_its_trigger_types_and_text()
    {
        var trigger = UnitMachines.NewBuilder().SetTriggerParameters<string, Guid>(UnitTrigger.Tell);

        Assert.Equal(UnitTrigger.Tell, trigger.Trigger);
        Assert.Equal(new[] { typeof(string), typeof(Guid) }, trigger.ParameterTypes);
        Assert.Equal("Tell(String, Guid)", trigger.ToString());
    }

    [Fact]
    public void A_trigger_with_three_parameters_exposes_its_trigger_types_and_text()
    {
        var trigger = UnitMachines.NewBuilder().SetTriggerParameters<string, int, bool>(UnitTrigger.Choose);

        Assert.Equal(UnitTrigger.Choose, trigger.Trigger);
        Assert.Equal(new[] { typeof(string), typeof(int), typeof(bool) }, trigger.ParameterTypes);
        Assert.Equal("Choose(String, Int32, Boolean)", trigger.ToString());
    }

    [Fact]
    public void ParameterTypes_returns_a_copy_that_callers_cannot_change()
    {
        var trigger = UnitMachines.NewBuilder().SetTriggerParameters<int, int>(UnitTrigger.Tell);

        trigger.ParameterTypes[0] = typeof(object);

        Assert.Equal(new[] { typeof(int), typeof(int) }, trigger.ParameterTypes);
    }

    [Fact]
    public void A_trigger_declared_with_the_same_types_on_another_builder_fires_on_this_definition()
    {
        var builder = UnitMachines.NewBuilder();
        var local = builder.SetTriggerParameters<string, int>(UnitTrigger.Tell);
        builder.Configure(UnitState.Idle).PermitIf(local, UnitState.Other, static (_, name, count) => name.Length == count);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var twin = UnitMachines.NewBuilder().SetTriggerParameters<string, int>(UnitTrigger.Tell);

        Assert.False(machine.CanFire(twin, "abc", 2));
        machine.Fire(twin, "abc", 3);

        Assert.Equal(UnitState.Other, machine.State);
    }

    [Fact]
    public async Task A_trigger_declared_with_other_types_is_refused_by_Fire_CanFire_and_FireAsync()
    {
        var builder = UnitMachines.NewBuilder();
        builder.SetTriggerParameters<string, int>(UnitTrigger.Tell);
        builder.Configure(UnitState.Idle).Permit(UnitTrigger.Tell, UnitState.Other);
        var machine = builder.Build(UnitState.Idle).CreateMachine(new UnitContext());
        var swapped = UnitMachines.NewBuilder().SetTriggerParameters<int, string>(UnitTrigger.Tell);

        Assert.Throws<ArgumentException>(() => machine.Fire(swapped, 3, "abc"));
        Assert.Throws<ArgumentException>(() => machine.CanFire(swapped, 3, "abc"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await machine.FireAsync(swapped, 3, "abc"));

        Assert.Equal(UnitState.Idle, machine.State);
    }
}
