using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

public sealed class TransitionTests
{
    [Fact]
    public void The_constructor_sets_every_member()
    {
        var transition = new Transition<UnitState, UnitTrigger>(UnitState.Idle, UnitState.Other, UnitTrigger.Go, isReentry: true);

        Assert.Equal(UnitState.Idle, transition.Source);
        Assert.Equal(UnitState.Other, transition.Destination);
        Assert.Equal(UnitTrigger.Go, transition.Trigger);
        Assert.True(transition.IsReentry);
    }

    [Fact]
    public void Transitions_with_equal_members_are_equal_with_equal_hash_codes()
    {
        var left = UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go);
        var right = UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go);

        Assert.True(left.Equals(right));
        Assert.True(left.Equals((object)right));
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void Transitions_differing_in_any_member_are_not_equal()
    {
        var transition = UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go);
        var others = new[]
        {
            UnitMachines.Transition(UnitState.Parent, UnitState.Other, UnitTrigger.Go),
            UnitMachines.Transition(UnitState.Idle, UnitState.Parent, UnitTrigger.Go),
            UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Back),
            UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go, isReentry: true),
        };

        Assert.All(others, other =>
        {
            Assert.False(transition.Equals(other));
            Assert.False(transition == other);
            Assert.True(transition != other);
        });
    }

    [Fact]
    public void A_transition_is_not_equal_to_null_or_to_another_type()
    {
        var transition = UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go);

        Assert.False(transition.Equals(null));
        Assert.False(transition.Equals("Idle --Go--> Other"));
        Assert.False(transition.Equals(new Transition<PhoneState, PhoneTrigger>(PhoneState.Idle, PhoneState.Ringing, PhoneTrigger.Dial, false)));
    }

    [Fact]
    public void ToString_shows_source_trigger_and_destination_and_marks_a_reentry()
    {
        Assert.Equal("Idle --Go--> Other", UnitMachines.Transition(UnitState.Idle, UnitState.Other, UnitTrigger.Go).ToString());
        Assert.Equal(
            "Other --Reset--> Other (reentry)",
            UnitMachines.Transition(UnitState.Other, UnitState.Other, UnitTrigger.Reset, isReentry: true).ToString());
    }

    [Fact]
    public void The_default_transition_holds_the_default_values()
    {
        var transition = default(Transition<UnitState, UnitTrigger>);

        Assert.Equal(UnitMachines.Transition(UnitState.Idle, UnitState.Idle, UnitTrigger.Go), transition);
        Assert.False(transition.IsReentry);
    }
}
