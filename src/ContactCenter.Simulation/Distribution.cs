using System;
using System.Collections.Generic;
using System.Globalization;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// A probability distribution of non-negative values (durations in seconds, in the simulation), sampled
/// by inverse transform from a uniform number supplied by the caller — in the simulation, a
/// <see cref="CommonRandomNumbers"/> draw — so the same uniform always gives the same value.
/// </summary>
/// <remarks>Immutable and thread-safe. Build one with the factories: <see cref="Constant"/>,
/// <see cref="Uniform"/>, <see cref="Exponential"/>, <see cref="LogNormal"/>, <see cref="Empirical"/>.</remarks>
public abstract class Distribution
{
    private protected Distribution()
    {
    }

    /// <summary>The distribution's mean.</summary>
    public abstract double Mean { get; }

    /// <summary>A value that is always <paramref name="value"/>.</summary>
    /// <param name="value">The value; not negative.</param>
    /// <returns>The distribution.</returns>
    public static ConstantDistribution Constant(double value) => new(value);

    /// <summary>Values spread evenly over [<paramref name="min"/>, <paramref name="max"/>).</summary>
    /// <param name="min">The lower bound; not negative.</param>
    /// <param name="max">The upper bound; not below <paramref name="min"/>.</param>
    /// <returns>The distribution.</returns>
    public static UniformDistribution Uniform(double min, double max) => new(min, max);

    /// <summary>Exponentially distributed values of the given mean.</summary>
    /// <param name="mean">The mean; positive.</param>
    /// <returns>The distribution.</returns>
    public static ExponentialDistribution Exponential(double mean) => new(mean);

    /// <summary>Log-normally distributed values with the given mean and coefficient of variation.</summary>
    /// <param name="mean">The mean; positive.</param>
    /// <param name="coefficientOfVariation">Standard deviation ÷ mean; positive.</param>
    /// <returns>The distribution.</returns>
    public static LogNormalDistribution LogNormal(double mean, double coefficientOfVariation) => new(mean, coefficientOfVariation);

    /// <summary>The empirical distribution of observed values: each value equally likely.</summary>
    /// <param name="values">The observed values; at least one, none negative.</param>
    /// <returns>The distribution.</returns>
    public static SampleDistribution Empirical(IEnumerable<double> values) => new(values);

    /// <summary>The value at cumulative probability <paramref name="uniform"/> (the inverse distribution function).</summary>
    /// <param name="uniform">A uniform number in [0, 1).</param>
    /// <returns>The sampled value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uniform"/> is outside [0, 1).</exception>
    public double Sample(double uniform)
    {
        if (!(uniform >= 0d && uniform < 1d))
        {
            throw new ArgumentOutOfRangeException(nameof(uniform), uniform, "A uniform draw must lie in [0, 1).");
        }

        return SampleCore(uniform);
    }

    /// <summary>
    /// <see cref="Sample"/> read as seconds, rounded to the millisecond (so that virtual-time instants do
    /// not depend on the last bits of floating-point arithmetic).
    /// </summary>
    /// <param name="uniform">A uniform number in [0, 1).</param>
    /// <returns>The sampled duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uniform"/> is outside [0, 1).</exception>
    public Duration SampleDuration(double uniform) =>
        Duration.FromMilliseconds((long)Math.Round(Sample(uniform) * 1000d, MidpointRounding.AwayFromZero));

    /// <summary>The inverse distribution function at a uniform already checked to lie in [0, 1).</summary>
    private protected abstract double SampleCore(double uniform);

    private protected static double NonNegative(double value, string name)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0d)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be a finite number, not negative.");
        }

        return value;
    }

    private protected static double Positive(double value, string name)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0d)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be a finite, positive number.");
        }

        return value;
    }

    private protected static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A distribution that always gives the same value.</summary>
public sealed class ConstantDistribution : Distribution
{
    internal ConstantDistribution(double value) => Value = NonNegative(value, nameof(value));

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public override double Mean => Value;

    /// <summary>For example "Constant(15)".</summary>
    public override string ToString() => $"Constant({Format(Value)})";

    private protected override double SampleCore(double uniform) => Value;
}

/// <summary>Values spread evenly over [<see cref="Min"/>, <see cref="Max"/>).</summary>
public sealed class UniformDistribution : Distribution
{
    internal UniformDistribution(double min, double max)
    {
        Min = NonNegative(min, nameof(min));
        Max = NonNegative(max, nameof(max));
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The upper bound must not be below the lower bound ({Format(min)}).");
        }
    }

    /// <summary>The lower bound.</summary>
    public double Min { get; }

    /// <summary>The upper bound.</summary>
    public double Max { get; }

    /// <inheritdoc />
    public override double Mean => (Min + Max) / 2d;

    /// <summary>For example "Uniform(5, 25)".</summary>
    public override string ToString() => $"Uniform({Format(Min)}, {Format(Max)})";

    private protected override double SampleCore(double uniform) => Min + ((Max - Min) * uniform);
}

/// <summary>Exponentially distributed values: x = −mean × ln(1 − u).</summary>
public sealed class ExponentialDistribution : Distribution
{
    private readonly double _mean;

    internal ExponentialDistribution(double mean) => _mean = Positive(mean, nameof(mean));

    /// <inheritdoc />
    public override double Mean => _mean;

    /// <summary>For example "Exponential(180)".</summary>
    public override string ToString() => $"Exponential({Format(_mean)})";

    private protected override double SampleCore(double uniform) => -_mean * Math.Log(1d - uniform);
}

/// <summary>
/// Log-normally distributed values given by their mean m and coefficient of variation c (standard
/// deviation ÷ mean). The parameters of the underlying normal are σ² = ln(1 + c²) and
/// μ = ln(m) − σ²/2, so that E[X] = exp(μ + σ²/2) = m and Var[X] = (exp(σ²) − 1)·m² = (c·m)².
/// A sample is exp(μ + σ·Φ⁻¹(u)), with Φ⁻¹ the standard normal quantile.
/// </summary>
public sealed class LogNormalDistribution : Distribution
{
    private const double SmallestUniform = 0.5 / 9007199254740992.0;
    private readonly double _mean;

    internal LogNormalDistribution(double mean, double coefficientOfVariation)
    {
        _mean = Positive(mean, nameof(mean));
        CoefficientOfVariation = Positive(coefficientOfVariation, nameof(coefficientOfVariation));
        double variance = Math.Log(1d + (coefficientOfVariation * coefficientOfVariation));
        Sigma = Math.Sqrt(variance);
        Mu = Math.Log(mean) - (variance / 2d);
    }

    /// <inheritdoc />
    public override double Mean => _mean;

    /// <summary>Standard deviation ÷ mean.</summary>
    public double CoefficientOfVariation { get; }

    /// <summary>The mean of the underlying normal: ln(mean) − σ²/2.</summary>
    public double Mu { get; }

    /// <summary>The standard deviation of the underlying normal: √ln(1 + CV²).</summary>
    public double Sigma { get; }

    /// <summary>For example "LogNormal(mean 180, CV 0.6)".</summary>
    public override string ToString() => $"LogNormal(mean {Format(_mean)}, CV {Format(CoefficientOfVariation)})";

    private protected override double SampleCore(double uniform) =>
        Math.Exp(Mu + (Sigma * NormalQuantile.Of(uniform <= 0d ? SmallestUniform : uniform)));
}

/// <summary>The empirical distribution of observed values: each value equally likely (sampled from the sorted values).</summary>
public sealed class SampleDistribution : Distribution
{
    private readonly double[] _sorted;
    private readonly double _mean;

    internal SampleDistribution(IEnumerable<double> values)
    {
        Guard.NotNull(values);
        var list = new List<double>();
        double sum = 0d;
        foreach (double value in values)
        {
            list.Add(NonNegative(value, nameof(values)));
            sum += value;
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("An empirical distribution needs at least one value.", nameof(values));
        }

        _sorted = [.. list];
        Array.Sort(_sorted);
        _mean = sum / _sorted.Length;
    }

    /// <summary>The observed values, sorted.</summary>
    public IReadOnlyList<double> Values => _sorted;

    /// <inheritdoc />
    public override double Mean => _mean;

    /// <summary>For example "Empirical(120 values)".</summary>
    public override string ToString() => $"Empirical({_sorted.Length.ToString(CultureInfo.InvariantCulture)} values)";

    private protected override double SampleCore(double uniform) =>
        _sorted[Math.Min(_sorted.Length - 1, (int)(uniform * _sorted.Length))];
}
