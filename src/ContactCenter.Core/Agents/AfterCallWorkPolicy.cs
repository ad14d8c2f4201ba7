using System;
using System.Collections.Generic;
using NodaTime;

namespace ContactCenter.Core.Agents;

/// <summary>
/// After-call work (wrap-up) configuration: how long it lasts per queue, and how the agent may extend it.
/// After-call work starts when the agent's last voice interaction ends.
/// </summary>
public sealed record AfterCallWorkPolicy
{
    /// <summary>The duration for interactions whose queue has no entry in <see cref="DurationByQueue"/>;
    /// <see cref="Duration.Zero"/> means no after-call work. Default 30 seconds.</summary>
    public Duration DefaultDuration { get; init; } = Duration.FromSeconds(30);

    /// <summary>The duration per queue name (ordinal comparison); <see cref="Duration.Zero"/> means no after-call work for that queue.</summary>
    public IReadOnlyDictionary<string, Duration> DurationByQueue { get; init; } = new Dictionary<string, Duration>();

    /// <summary>How much one extension adds to the remaining after-call work. Default 30 seconds.</summary>
    public Duration Extension { get; init; } = Duration.FromSeconds(30);

    /// <summary>How many times after-call work may be extended; further extensions are refused. Default 2; 0 disables extensions.</summary>
    public int MaxExtensions { get; init; } = 2;

    /// <summary>The after-call work duration for an interaction of <paramref name="queue"/>.</summary>
    /// <param name="queue">The queue the interaction came from, or <see langword="null"/>.</param>
    /// <returns>The configured duration for the queue, else <see cref="DefaultDuration"/>.</returns>
    public Duration DurationFor(string? queue) =>
        queue is not null && DurationByQueue.TryGetValue(queue, out var duration) ? duration : DefaultDuration;

    /// <summary>Adds a description of every invalid setting to <paramref name="problems"/>.</summary>
    internal void Validate(List<string> problems)
    {
        if (DefaultDuration < Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"AfterCallWork.DefaultDuration must not be negative (was {DefaultDuration})."));
        }

        if (DurationByQueue is null)
        {
            problems.Add("AfterCallWork.DurationByQueue must not be null.");
        }
        else
        {
            foreach (var entry in DurationByQueue)
            {
                if (entry.Value < Duration.Zero)
                {
                    problems.Add(FormattableString.Invariant($"AfterCallWork.DurationByQueue[\"{entry.Key}\"] must not be negative (was {entry.Value})."));
                }
            }
        }

        if (MaxExtensions < 0)
        {
            problems.Add(FormattableString.Invariant($"AfterCallWork.MaxExtensions must not be negative (was {MaxExtensions})."));
        }

        if (MaxExtensions > 0 && Extension <= Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"AfterCallWork.Extension must be positive when extensions are allowed (was {Extension})."));
        }
    }
}
