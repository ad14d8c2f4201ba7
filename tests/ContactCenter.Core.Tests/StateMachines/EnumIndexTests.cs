using System;
using System.Linq;
using ContactCenter.Core.StateMachines;
using Xunit;

namespace ContactCenter.Core.Tests.StateMachines;

public sealed class EnumIndexTests
{
    [Fact]
    public void Ordinals_follow_the_values_not_the_declaration_order()
    {
        Assert.Equal(new[] { UnitShuffled.One, UnitShuffled.Two, UnitShuffled.Three }, EnumIndex<UnitShuffled>.Instance.Values);
        Assert.Equal(0, EnumIndex<UnitShuffled>.Instance.IndexOf(UnitShuffled.One));
        Assert.Equal(2, EnumIndex<UnitShuffled>.Instance.IndexOf(UnitShuffled.Three));
    }

    [Fact]
    public void Ordinals_follow_the_unsigned_order_of_Enum_GetValues_so_negative_values_come_last()
    {
        Assert.Equal(new[] { UnitSigned.Zero, UnitSigned.Plus, UnitSigned.Minus }, EnumIndex<UnitSigned>.Instance.Values);
        Assert.Equal(new[] { UnitSByte.Zero, UnitSByte.Highest, UnitSByte.Lowest }, EnumIndex<UnitSByte>.Instance.Values);
        Assert.Equal(new[] { UnitInt64.Zero, UnitInt64.Highest, UnitInt64.Lowest }, EnumIndex<UnitInt64>.Instance.Values);
    }

    [Fact]
    public void Aliases_share_the_ordinal_of_the_value_they_name()
    {
        var index = EnumIndex<UnitAliased>.Instance;

        Assert.Equal(3, index.Count);
        Assert.Equal(new[] { UnitAliased.First, UnitAliased.Second, UnitAliased.Third }, index.Values);
        Assert.Equal(index.IndexOf(UnitAliased.First), index.IndexOf(UnitAliased.AlsoFirst));
    }

    [Fact]
    public void IndexOf_returns_the_position_in_Values_for_every_defined_value_of_every_shape()
    {
        AssertConsistent<UnitState>();
        AssertConsistent<UnitTrigger>();
        AssertConsistent<UnitShuffled>();
        AssertConsistent<UnitSigned>();
        AssertConsistent<UnitSparse>();
        AssertConsistent<UnitSByte>();
        AssertConsistent<UnitByte>();
        AssertConsistent<UnitInt64>();
        AssertConsistent<UnitUInt64>();
        AssertConsistent<UnitAliased>();
    }

    [Fact]
    public void IndexOf_returns_minus_one_for_undefined_values_around_and_between_the_defined_ones()
    {
        Assert.Equal(-1, EnumIndex<UnitState>.Instance.IndexOf((UnitState)(-1)));
        Assert.Equal(-1, EnumIndex<UnitState>.Instance.IndexOf((UnitState)6));
        Assert.Equal(-1, EnumIndex<UnitShuffled>.Instance.IndexOf((UnitShuffled)0));
        Assert.Equal(-1, EnumIndex<UnitShuffled>.Instance.IndexOf((UnitShuffled)4));
        Assert.Equal(-1, EnumIndex<UnitSigned>.Instance.IndexOf((UnitSigned)(-2)));
        Assert.Equal(-1, EnumIndex<UnitSigned>.Instance.IndexOf((UnitSigned)2));
        Assert.Equal(-1, EnumIndex<UnitSigned>.Instance.IndexOf((UnitSigned)int.MinValue));
        Assert.Equal(-1, EnumIndex<UnitSparse>.Instance.IndexOf((UnitSparse)2));
        Assert.Equal(-1, EnumIndex<UnitSparse>.Instance.IndexOf((UnitSparse)999_999));
        Assert.Equal(-1, EnumIndex<UnitSByte>.Instance.IndexOf((UnitSByte)(-1)));
        Assert.Equal(-1, EnumIndex<UnitByte>.Instance.IndexOf((UnitByte)1));
        Assert.Equal(-1, EnumIndex<UnitByte>.Instance.IndexOf((UnitByte)254));
        Assert.Equal(-1, EnumIndex<UnitInt64>.Instance.IndexOf((UnitInt64)1));
        Assert.Equal(-1, EnumIndex<UnitInt64>.Instance.IndexOf((UnitInt64)(long.MinValue + 1)));
        Assert.Equal(-1, EnumIndex<UnitUInt64>.Instance.IndexOf((UnitUInt64)1));
        Assert.Equal(-1, EnumIndex<UnitUInt64>.Instance.IndexOf((UnitUInt64)(ulong.MaxValue - 1)));
        Assert.Equal(-1, EnumIndex<UnitAliased>.Instance.IndexOf((UnitAliased)0));
    }

    [Fact]
    public void An_enum_without_values_has_an_empty_index()
    {
        var index = EnumIndex<UnitEmpty>.Instance;

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Values);
        Assert.Equal(-1, index.IndexOf(default));
    }

    [Fact]
    public void The_index_of_a_type_is_shared()
    {
        Assert.Same(EnumIndex<UnitState>.Instance, EnumIndex<UnitState>.Instance);
    }

    [Fact]
    public void A_machine_runs_on_negative_sparse_and_64_bit_enum_values()
    {
        var builder = new StateMachineBuilder<UnitInt64, UnitSparse, UnitContext>();
        builder.Configure(UnitInt64.Lowest).Permit(UnitSparse.Large, UnitInt64.Highest);
        builder.Configure(UnitInt64.Highest).Permit(UnitSparse.Small, UnitInt64.Zero).Ignore(UnitSparse.Large);
        var machine = builder.Build(UnitInt64.Lowest).CreateMachine(new UnitContext());

        machine.Fire(UnitSparse.Large);
        var permitted = machine.PermittedTriggers;
        machine.Fire(UnitSparse.Small);

        Assert.Equal(new[] { UnitSparse.Small, UnitSparse.Large }, permitted);
        Assert.Equal(UnitInt64.Zero, machine.State);
        Assert.Throws<ArgumentOutOfRangeException>(() => machine.Fire((UnitSparse)2));
    }

    private static void AssertConsistent<TEnum>()
        where TEnum : struct, Enum
    {
        var index = EnumIndex<TEnum>.Instance;
        var expected = Enum.GetValues<TEnum>().Distinct().ToArray();

        Assert.Equal(expected, index.Values);
        Assert.Equal(expected.Length, index.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(i, index.IndexOf(expected[i]));
        }
    }
}
