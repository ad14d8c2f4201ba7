using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// A call attempt placed to a number, as frequency caps count it: when, why and about what.
/// Attempts count whether or not they were answered (the French rule counts attempts).
/// </summary>
/// <param name="PlacedAt">When the call was placed.</param>
/// <param name="Purpose">Why it was placed; a cap counts only the purposes its policy governs.</param>
/// <param name="Subject">What it was about (a campaign, a case), or <see langword="null"/> when unknown; an unknown subject counts as the same subject.</param>
public readonly record struct CallRecord(Instant PlacedAt, CallPurpose Purpose, string? Subject);
