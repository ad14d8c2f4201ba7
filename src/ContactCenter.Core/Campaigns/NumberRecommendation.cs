using System;
using System.Collections.Generic;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>How one number of a record stands at an instant: whether it may be dialled, and why (not).</summary>
/// <param name="Index">The number's position in <see cref="CallingRecordData.Numbers"/>.</param>
/// <param name="Number">The number.</param>
/// <param name="IsDialable">Whether it may be dialled now.</param>
/// <param name="Explanation">Why (not), for people.</param>
/// <param name="NextOpeningAt">When it is dialable: now; otherwise the earliest instant worth checking again, or <see langword="null"/> when none is known.</param>
public sealed record NumberAssessment(int Index, RecordNumber Number, bool IsDialable, string Explanation, Instant? NextOpeningAt)
{
    /// <summary>The compliance decision it rests on, or <see langword="null"/> when the campaign has no compliance checker or the number was not checked.</summary>
    public DialDecision? Compliance { get; init; }
}

/// <summary>The number to dial for a record at an instant, chosen by an <see cref="IRecommendedNumberRule"/>, and why.</summary>
/// <param name="Index">The position of the recommended number, or <see langword="null"/> when no number may be dialled now.</param>
/// <param name="Explanation">Why this number, or why none, for people.</param>
/// <param name="NextOpeningAt">When no number may be dialled: the earliest instant worth checking again, or <see langword="null"/> when none is known.</param>
/// <param name="Assessments">Every number, in list order.</param>
public sealed record NumberRecommendation(int? Index, string Explanation, Instant? NextOpeningAt, IReadOnlyList<NumberAssessment> Assessments)
{
    /// <summary>The recommended number, or <see langword="null"/>.</summary>
    public RecordNumber? Number => Index is { } i ? Assessments[i].Number : null;

    /// <inheritdoc />
    public override string ToString() => Explanation;
}

/// <summary>
/// Picks the recommended number of a record for this moment (marked for the agent, dialled by the dialer and by the
/// preview timeout). The campaign checks compliance of the number it is given again before dialling it.
/// </summary>
public interface IRecommendedNumberRule
{
    /// <summary>Recommends a number of <paramref name="record"/> at <see cref="RecommendationContext.Now"/>, or explains why none.</summary>
    /// <param name="record">The record (its numbers, attempts and unusable numbers).</param>
    /// <param name="context">The instant and the compliance checks.</param>
    /// <returns>The recommendation.</returns>
    NumberRecommendation Recommend(CallingRecord record, RecommendationContext context);
}

/// <summary>What a <see cref="IRecommendedNumberRule"/> works with: the instant, and the campaign's compliance checks.</summary>
public sealed class RecommendationContext
{
    private readonly DialingCompliance? _compliance;

    internal RecommendationContext(Instant now, CallPurpose purpose, string subject, DialingCompliance? compliance)
    {
        Now = now;
        Purpose = purpose;
        Subject = subject;
        _compliance = compliance;
    }

    /// <summary>The instant of the recommendation.</summary>
    public Instant Now { get; }

    /// <summary>The campaign's call purpose.</summary>
    public CallPurpose Purpose { get; }

    /// <summary>The campaign's subject, for frequency caps.</summary>
    public string Subject { get; }

    /// <summary>Whether the campaign checks compliance.</summary>
    public bool ChecksCompliance => _compliance is not null;

    /// <summary>The compliance request for a number: the campaign's purpose and subject, and the number's own zones when it has some.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The request.</returns>
    public DialRequest RequestFor(RecordNumber number)
    {
        Guard.NotNull(number);
        return new DialRequest(number.Number, Purpose, Subject) { CandidateZones = number.Zones };
    }

    /// <summary>Checks a number at <see cref="Now"/>; <see langword="null"/> when the campaign has no compliance checker.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The decision, or <see langword="null"/>.</returns>
    public DialDecision? Check(RecordNumber number) => _compliance?.Check(RequestFor(number), Now);

    /// <summary>The zones the callee may be in on a number: its own, else the compliance locator's; empty when unknown.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The zones.</returns>
    public IReadOnlyList<DateTimeZone> ZonesOf(RecordNumber number)
    {
        Guard.NotNull(number);
        if (number.Zones is { } zones)
        {
            return zones;
        }

        return _compliance?.Locate(RequestFor(number)).CandidateZones ?? Array.Empty<DateTimeZone>();
    }
}
