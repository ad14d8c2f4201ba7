using System.Globalization;

namespace ContactCenter.Core.Pacing;

/// <summary>An abandon rate: abandoned calls over live-answered calls, with both counts.</summary>
public readonly struct AbandonRate : System.IEquatable<AbandonRate>
{
    /// <summary>Creates a rate from its counts.</summary>
    /// <param name="abandoned">Live-answered calls that were abandoned (part of <paramref name="liveAnswered"/>).</param>
    /// <param name="liveAnswered">Calls answered by a live person.</param>
    public AbandonRate(long abandoned, long liveAnswered)
    {
        Abandoned = abandoned;
        LiveAnswered = liveAnswered;
    }

    /// <summary>Live-answered calls that were abandoned.</summary>
    public long Abandoned { get; }

    /// <summary>Calls answered by a live person (the denominator).</summary>
    public long LiveAnswered { get; }

    /// <summary>Abandoned ÷ live-answered, between 0 and 1; 0 when nothing was answered.</summary>
    public double Value => LiveAnswered == 0 ? 0d : (double)Abandoned / LiveAnswered;

    /// <inheritdoc />
    public bool Equals(AbandonRate other) => Abandoned == other.Abandoned && LiveAnswered == other.LiveAnswered;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AbandonRate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Abandoned.GetHashCode() * 397) ^ LiveAnswered.GetHashCode();

    /// <summary>For example "3/120 (2.50 %)", invariant culture.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}/{1} ({2:F2} %)", Abandoned, LiveAnswered, Value * 100d);

    /// <summary>Equality of both counts.</summary>
    public static bool operator ==(AbandonRate left, AbandonRate right) => left.Equals(right);

    /// <summary>Inequality of either count.</summary>
    public static bool operator !=(AbandonRate left, AbandonRate right) => !left.Equals(right);
}
