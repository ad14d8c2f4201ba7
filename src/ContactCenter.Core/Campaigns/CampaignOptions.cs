using System;
using System.Collections.Generic;
using ContactCenter.Core.Compliance;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// A campaign's policy: retry rules per call result, the overall attempt limit, the configured dispositions and the
/// default one ("Bad record"), the preview timeout and auto-accept, and the purpose and subject that compliance checks
/// the calls with. Validated by <see cref="Validate"/> (and when a <see cref="Campaign"/> is created).
/// </summary>
public sealed record CampaignOptions
{
    /// <summary>The disposition a record gets when none is given, and when the campaign ends it (attempts used up...).</summary>
    public const string BadRecord = "Bad record";

    /// <summary>The default options.</summary>
    public static CampaignOptions Default { get; } = new();

    /// <summary>
    /// How each unanswered result is retried. A result without a rule ends the record (<see cref="RecordEndReason.NoRetryRule"/>).
    /// <see cref="CampaignCallResult.Fax"/> and <see cref="CampaignCallResult.InvalidNumber"/> need none: they make the
    /// number unusable and the record is retried at once on its other numbers. Default: busy 5 min ×5, no answer 1 h ×3,
    /// answering machine 4 h ×3, dropped 10 min ×3, error 5 min ×3.
    /// </summary>
    public IReadOnlyDictionary<CampaignCallResult, RetryRule> RetryRules { get; init; } = new Dictionary<CampaignCallResult, RetryRule>
    {
        [CampaignCallResult.Busy] = new(Duration.FromMinutes(5), 5),
        [CampaignCallResult.NoAnswer] = new(Duration.FromHours(1), 3),
        [CampaignCallResult.AnsweringMachine] = new(Duration.FromHours(4), 3),
        [CampaignCallResult.Dropped] = new(Duration.FromMinutes(10), 3),
        [CampaignCallResult.Error] = new(Duration.FromMinutes(5), 3),
    };

    /// <summary>How many attempts a record gets in all, whatever their results. Default 10.</summary>
    public int MaxAttemptsPerRecord { get; init; } = 10;

    /// <summary>The disposition given when none is (<see cref="BadRecord"/> by default); it must be one of <see cref="Dispositions"/>.</summary>
    public string DefaultDisposition { get; init; } = BadRecord;

    /// <summary>The dispositions agents may give (ordinal comparison). Default: "Bad record", "Sale", "Not interested", "Wrong person", "Call back later".</summary>
    public IReadOnlyCollection<string> Dispositions { get; init; } = [BadRecord, "Sale", "Not interested", "Wrong person", "Call back later"];

    /// <summary>How long an agent may preview an accepted record before its recommended number is dialled automatically; <see langword="null"/> (default) for no limit.</summary>
    public Duration? PreviewTimeout { get; init; }

    /// <summary>Whether a delivered preview request is accepted at once on the agent's behalf. Default <see langword="false"/>.</summary>
    public bool AutoAcceptPreview { get; init; }

    /// <summary>Why the campaign calls (selects the calling-window policies). Default <see cref="CallPurpose.Solicitation"/>.</summary>
    public CallPurpose Purpose { get; init; } = CallPurpose.Solicitation;

    /// <summary>What the calls are about, for frequency caps on the same subject; <see langword="null"/> for the campaign's id.</summary>
    public string? Subject { get; init; }

    /// <summary>Throws when the options are inconsistent.</summary>
    /// <exception cref="ArgumentException">The message names the option and the problem.</exception>
    public void Validate()
    {
        if (RetryRules is null)
        {
            throw new ArgumentException("RetryRules must not be null.", nameof(RetryRules));
        }

        foreach (var pair in RetryRules)
        {
            if (pair.Value is null)
            {
                throw new ArgumentException($"RetryRules[{pair.Key}] must not be null.", nameof(RetryRules));
            }

            if (pair.Key == CampaignCallResult.LiveAnswer)
            {
                throw new ArgumentException("RetryRules must not hold LiveAnswer: a connected call is completed or rescheduled by the agent.", nameof(RetryRules));
            }

            if (pair.Value.Invalid(pair.Key) is { } error)
            {
                throw new ArgumentException(error, nameof(RetryRules));
            }
        }

        if (MaxAttemptsPerRecord < 1)
        {
            throw new ArgumentException($"MaxAttemptsPerRecord must be at least 1 (was {MaxAttemptsPerRecord}).", nameof(MaxAttemptsPerRecord));
        }

        if (Dispositions is null || Dispositions.Count == 0)
        {
            throw new ArgumentException("Dispositions must hold at least one disposition.", nameof(Dispositions));
        }

        foreach (var disposition in Dispositions)
        {
            if (string.IsNullOrWhiteSpace(disposition))
            {
                throw new ArgumentException("Dispositions must not hold a blank disposition.", nameof(Dispositions));
            }
        }

        if (string.IsNullOrWhiteSpace(DefaultDisposition) || !IsDisposition(DefaultDisposition))
        {
            throw new ArgumentException($"DefaultDisposition \"{DefaultDisposition}\" must be one of Dispositions.", nameof(DefaultDisposition));
        }

        if (PreviewTimeout is { } timeout && timeout <= Duration.Zero)
        {
            throw new ArgumentException($"PreviewTimeout must be positive or null (was {timeout}).", nameof(PreviewTimeout));
        }
    }

    internal bool IsDisposition(string disposition)
    {
        foreach (var configured in Dispositions)
        {
            if (string.Equals(configured, disposition, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
