using System;
using System.Collections.Generic;
using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// A centre's callback policy: automatic retries, how long a callback waits for its preferred agent, how long an
/// agent has to answer an offer, and whether reschedules are forced personal or shared. Validated by
/// <see cref="Validate"/> (and when a callback or a dispatcher is created).
/// </summary>
public sealed record CallbackOptions
{
    /// <summary>The default options.</summary>
    public static CallbackOptions Default { get; } = new();

    /// <summary>
    /// How many attempts a callback gets before it fails with <see cref="CallbackEndReason.AttemptsExhausted"/> when
    /// an attempt fails and nobody reschedules it. Reschedules asked by an agent are not limited. Default 3.
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long after a failed attempt's Mark done the automatic retry is due. Default 15 minutes.</summary>
    public Duration RetryDelay { get; init; } = Duration.FromMinutes(15);

    /// <summary>
    /// How long a due callback with a preferred agent waits for that agent (measured from when it became due)
    /// before it goes to any eligible agent; zero does not wait. Default 60 seconds.
    /// </summary>
    public Duration PreferredAgentTimeout { get; init; } = Duration.FromSeconds(60);

    /// <summary>How long an agent has to answer a callback offered by the <see cref="CallbackDispatcher"/>. Default 20 seconds.</summary>
    public Duration OfferTimeout { get; init; } = Duration.FromSeconds(20);

    /// <summary>
    /// <see langword="null"/>: the agent chooses personal or shared when rescheduling. Otherwise every reschedule is
    /// of this kind, and a reschedule asking for the other kind is refused with
    /// <see cref="CallbackRefusalReason.OwnershipForced"/>.
    /// </summary>
    public CallbackOwnershipKind? ForcedOwnership { get; init; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every invalid option.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxAttempts < 1)
        {
            problems.Add(FormattableString.Invariant($"MaxAttempts must be at least 1 (was {MaxAttempts})."));
        }

        if (RetryDelay <= Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"RetryDelay must be positive (was {RetryDelay})."));
        }

        if (PreferredAgentTimeout < Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"PreferredAgentTimeout must not be negative (was {PreferredAgentTimeout})."));
        }

        if (OfferTimeout <= Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"OfferTimeout must be positive (was {OfferTimeout})."));
        }

        if (ForcedOwnership is { } forced && !EnumCheck.IsDefined(forced))
        {
            problems.Add(FormattableString.Invariant($"ForcedOwnership must be Personal, Shared or null (was {forced})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid callback options: " + string.Join(" ", problems));
        }
    }
}
