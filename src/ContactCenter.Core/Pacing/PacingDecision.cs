using System;
using System.Globalization;

namespace ContactCenter.Core.Pacing;

/// <summary>A pacing decision: how many calls to place (or records to deliver) now, and why.</summary>
public readonly struct PacingDecision : IEquatable<PacingDecision>
{
    /// <summary>Creates a decision.</summary>
    /// <param name="count">How many calls to place now (at least 0).</param>
    /// <param name="reason">Why.</param>
    public PacingDecision(int count, PacingReason reason)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A pacing decision cannot be negative.");
        }

        Count = count;
        Reason = reason;
    }

    /// <summary>How many calls to place (preview strategies: records to deliver) now.</summary>
    public int Count { get; }

    /// <summary>Why the strategy decided so.</summary>
    public PacingReason Reason { get; }

    /// <inheritdoc />
    public bool Equals(PacingDecision other) => Count == other.Count && Reason == other.Reason;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PacingDecision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Count * 31) + (int)Reason;

    /// <summary>For example "3 (LinesPerFreeAgent)".</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Count, Reason);

    /// <summary>Equality of count and reason.</summary>
    public static bool operator ==(PacingDecision left, PacingDecision right) => left.Equals(right);

    /// <summary>Inequality of count or reason.</summary>
    public static bool operator !=(PacingDecision left, PacingDecision right) => !left.Equals(right);
}
