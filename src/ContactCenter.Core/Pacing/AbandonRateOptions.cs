using System;
using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Pacing;

/// <summary>
/// How an <see cref="AbandonRateMeter"/> measures the legal abandon rate: the rolling window and its
/// buckets, the connect threshold and where it is measured from, and the size of the recent window
/// the predictive outer loop reads. Validated by <see cref="Validate"/> (and by the meter).
/// </summary>
public sealed record AbandonRateOptions
{
    /// <summary>The UK (Ofcom) reading: a 24-hour window in one-minute buckets, 2 s from the end of the greeting.</summary>
    public static AbandonRateOptions UnitedKingdom { get; } = new();

    /// <summary>The US (FTC/FCC) reading: a 30-day window in one-hour buckets, 2 s from the end of the greeting.</summary>
    public static AbandonRateOptions UnitedStates { get; } = new()
    {
        Window = Duration.FromDays(30),
        BucketWidth = Duration.FromHours(1),
    };

    /// <summary>The rolling window of the legal rate. Default 24 hours.</summary>
    public Duration Window { get; init; } = Duration.FromHours(24);

    /// <summary>The width of one bucket of the window; must divide <see cref="Window"/> exactly. Default one minute.</summary>
    public Duration BucketWidth { get; init; } = Duration.FromMinutes(1);

    /// <summary>A live answer not connected to an agent within this time is abandoned. Default 2 seconds.</summary>
    public Duration ConnectThreshold { get; init; } = Duration.FromSeconds(2);

    /// <summary>Where <see cref="ConnectThreshold"/> is measured from. Default <see cref="AbandonMeasurement.FromGreetingEnd"/>.</summary>
    public AbandonMeasurement Measurement { get; init; } = AbandonMeasurement.FromGreetingEnd;

    /// <summary>How many of the latest live answers the recent rate covers. Default 200.</summary>
    public int RecentLiveAnswers { get; init; } = 200;

    /// <summary>The most buckets a window may hold (memory bound). 100,000.</summary>
    public const int MaxBuckets = 100_000;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (BucketWidth <= Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"BucketWidth must be positive (was {BucketWidth})."));
        }

        if (Window <= Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"Window must be positive (was {Window})."));
        }

        if (BucketWidth > Duration.Zero && Window > Duration.Zero)
        {
            long buckets = Window.BclCompatibleTicks / BucketWidth.BclCompatibleTicks;
            if (Window.BclCompatibleTicks % BucketWidth.BclCompatibleTicks != 0 || buckets < 1)
            {
                problems.Add(FormattableString.Invariant($"BucketWidth ({BucketWidth}) must divide Window ({Window}) exactly."));
            }
            else if (buckets > MaxBuckets)
            {
                problems.Add(FormattableString.Invariant($"Window / BucketWidth must not exceed {MaxBuckets} buckets (was {buckets})."));
            }
        }

        if (ConnectThreshold < Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"ConnectThreshold must not be negative (was {ConnectThreshold})."));
        }

        if (Measurement is not AbandonMeasurement.FromGreetingEnd and not AbandonMeasurement.FromAnswer)
        {
            problems.Add(FormattableString.Invariant($"Measurement {(int)Measurement} is not an AbandonMeasurement."));
        }

        if (RecentLiveAnswers < 1)
        {
            problems.Add(FormattableString.Invariant($"RecentLiveAnswers must be at least 1 (was {RecentLiveAnswers})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid abandon-rate options: " + string.Join(" ", problems));
        }
    }
}
