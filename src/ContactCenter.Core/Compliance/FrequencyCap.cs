using System;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>How far a <see cref="FrequencyCap"/> counts calls.</summary>
public enum FrequencyScope
{
    /// <summary>Calls to the same person (number) about the same subject.</summary>
    SameSubject = 0,

    /// <summary>Calls to the same person (number) about anything.</summary>
    AnySubject,
}

/// <summary>At most <see cref="MaxCalls"/> calls to the same person within any rolling <see cref="Period"/>.</summary>
public sealed record FrequencyCap
{
    /// <summary>Creates a cap.</summary>
    /// <param name="maxCalls">The most calls allowed in any rolling period; at least 1.</param>
    /// <param name="period">The rolling period; positive.</param>
    /// <param name="scope">What counts as the same call series.</param>
    public FrequencyCap(int maxCalls, Duration period, FrequencyScope scope)
    {
        MaxCalls = maxCalls >= 1 ? maxCalls : throw new ArgumentOutOfRangeException(nameof(maxCalls), maxCalls, "A cap allows at least one call.");
        Period = period > Duration.Zero ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive.");
        Scope = scope;
    }

    /// <summary>The most calls allowed in any rolling period.</summary>
    public int MaxCalls { get; }

    /// <summary>The rolling period.</summary>
    public Duration Period { get; }

    /// <summary>What counts as the same call series.</summary>
    public FrequencyScope Scope { get; }
}
