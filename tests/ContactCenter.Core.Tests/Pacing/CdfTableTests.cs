using System;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Pacing;

public sealed class CdfTableTests(ITestOutputHelper output)
{
    [Fact]
    public void Reading_many_at_once_gives_every_value_of_a_single_read_bit_for_bit()
    {
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(output, "CdfTableAtMany", 20261121UL, 200, arbitrary, seed =>
        {
            var rng = new Random(seed);
            var distribution = new EmpiricalDistribution(rng.Next(1, 300), 1);
            int samples = rng.Next(0, 400);
            bool degenerate = rng.Next(5) == 0;
            for (int i = 0; i < samples; i++)
            {
                distribution.Add(Duration.FromMilliseconds(degenerate ? 12_000 : rng.Next(0, 600_000)));
            }

            var table = distribution.Table();
            double[] seconds = new double[rng.Next(0, 70)];
            for (int i = 0; i < seconds.Length; i++)
            {
                seconds[i] = rng.Next(12) switch
                {
                    0 => -rng.NextDouble() * 50,
                    1 => 1e6 + rng.NextDouble(),
                    2 => double.NaN,
                    3 => 0d,
                    4 => -0d,
                    5 => double.PositiveInfinity,
                    _ => rng.NextDouble() * 700,
                };
            }

            double shift = rng.Next(3) switch { 0 => 0d, 1 => -rng.NextDouble() * 20, _ => rng.NextDouble() * 30 };
            double[] values = new double[seconds.Length];
            table.AtMany(seconds, shift, values);
            for (int i = 0; i < seconds.Length; i++)
            {
                double expected = table.At(seconds[i] + shift);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(values[i]),
                    $"At({seconds[i]} + {shift}) = {expected:R}, AtMany read {values[i]:R}");
            }
        });
    }

    [Fact]
    public void The_default_table_reads_zero_everywhere()
    {
        double[] values = [5d, 5d, 5d];
        default(CdfTable).AtMany([-1d, 0d, 1e9], 3d, values);
        Assert.Equal([0d, 0d, 0d], values);
    }
}
