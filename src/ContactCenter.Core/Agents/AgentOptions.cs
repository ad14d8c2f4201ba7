using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace ContactCenter.Core.Agents;

/// <summary>
/// The configuration of an <see cref="Agent"/>: not-ready reason codes, capacity, after-call work,
/// offer timeout, missed-offer rule and negotiated-logout deadline. Validated by <see cref="Validate"/>
/// (and when an agent is created); the agent keeps a snapshot, so later changes to collections passed
/// here do not affect it.
/// </summary>
public sealed record AgentOptions
{
    /// <summary>The not-ready reason codes the centre configured (ordinal comparison). Default: Break, Lunch, Meeting, Training, LoggedIn, MissedOffers.</summary>
    public IReadOnlyCollection<string> NotReadyReasons { get; init; } =
        ["Break", "Lunch", "Meeting", "Training", "LoggedIn", "MissedOffers"];

    /// <summary>The not-ready reason an agent has right after logging in; one of <see cref="NotReadyReasons"/>. Default "LoggedIn".</summary>
    public string LogInReason { get; init; } = "LoggedIn";

    /// <summary>The not-ready reason set after <see cref="MaxConsecutiveMissedOffers"/> missed offers; one of <see cref="NotReadyReasons"/>. Default "MissedOffers".</summary>
    public string MissedOffersReason { get; init; } = "MissedOffers";

    /// <summary>
    /// After this many consecutive missed offers (rejected or timed out) the agent goes not ready with
    /// <see cref="MissedOffersReason"/>; 0 never does. Accepting an offer resets the count. Default 3.
    /// </summary>
    public int MaxConsecutiveMissedOffers { get; init; } = 3;

    /// <summary>How long an offer waits for the agent's answer when the reservation names no timeout. Default 15 seconds.</summary>
    public Duration OfferTimeout { get; init; } = Duration.FromSeconds(15);

    /// <summary>How long a negotiated logout waits for the dialer to release its reservation. Default 10 seconds.</summary>
    public Duration LogoutDeadline { get; init; } = Duration.FromSeconds(10);

    /// <summary>How many interactions of each medium the agent handles at once. Default <see cref="AgentCapacity.Default"/>.</summary>
    public AgentCapacity Capacity { get; init; } = AgentCapacity.Default;

    /// <summary>After-call work settings.</summary>
    public AfterCallWorkPolicy AfterCallWork { get; init; } = new();

    /// <summary>
    /// The optional features enabled in the agent's assignment. An agent receives callbacks only with
    /// <see cref="AgentFeatures.Callbacks"/>. Default <see cref="AgentFeatures.None"/>.
    /// </summary>
    public AgentFeatures Features { get; init; } = AgentFeatures.None;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (NotReadyReasons is null || NotReadyReasons.Count == 0)
        {
            problems.Add("NotReadyReasons must list at least one reason code.");
        }
        else
        {
            if (NotReadyReasons.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add("NotReadyReasons must not contain null or blank reason codes.");
            }

            if (!NotReadyReasons.Contains(LogInReason, StringComparer.Ordinal))
            {
                problems.Add(FormattableString.Invariant($"LogInReason \"{LogInReason}\" is not one of the NotReadyReasons."));
            }

            if (MaxConsecutiveMissedOffers > 0 && !NotReadyReasons.Contains(MissedOffersReason, StringComparer.Ordinal))
            {
                problems.Add(FormattableString.Invariant($"MissedOffersReason \"{MissedOffersReason}\" is not one of the NotReadyReasons."));
            }
        }

        if (MaxConsecutiveMissedOffers < 0)
        {
            problems.Add(FormattableString.Invariant($"MaxConsecutiveMissedOffers must not be negative (was {MaxConsecutiveMissedOffers}); use 0 to never set the agent not ready for missed offers."));
        }

        if (OfferTimeout <= Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"OfferTimeout must be positive (was {OfferTimeout})."));
        }

        if (LogoutDeadline <= Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"LogoutDeadline must be positive (was {LogoutDeadline})."));
        }

        if (Capacity is null)
        {
            problems.Add("Capacity must not be null.");
        }

        if (AfterCallWork is null)
        {
            problems.Add("AfterCallWork must not be null.");
        }
        else
        {
            AfterCallWork.Validate(problems);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid agent options: " + string.Join(" ", problems));
        }
    }
}
