using System;
using System.Collections.Generic;
using System.Globalization;
using ContactCenter.Core.Agents;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// One simulated agent of a scenario: when it logs in and out, its pauses, and how long its after-call
/// work lasts. It drives a real <see cref="Agent"/>; talk time is the call's own draw (see
/// <see cref="NetworkModel.TalkTime"/>).
/// </summary>
public sealed record SimulatedAgentProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="id">The agent's id; not blank.</param>
    public SimulatedAgentProfile(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An agent id must not be blank.", nameof(id));
        }

        Id = id;
    }

    /// <summary>The agent's id.</summary>
    public string Id { get; init; }

    /// <summary>When the agent logs in (and goes ready), from the start of the shift. Default zero.</summary>
    public Duration LogInAt { get; init; } = Duration.Zero;

    /// <summary>
    /// When the agent logs out, from the start of the shift. <see langword="null"/> (the default): once no call
    /// placed during the shift can still need an agent, at the end of the shift plus the network's no-answer
    /// timeout and abandon threshold. A busy agent logs out after its current call and wrap-up (the real agent's
    /// deferred intent).
    /// </summary>
    public Duration? LogOutAt { get; init; }

    /// <summary>The agent's not-ready periods. Default none.</summary>
    public IReadOnlyList<AgentPause> Pauses { get; init; } = [];

    /// <summary>
    /// Seconds of after-call work after each call, drawn with the call's own uniform
    /// (<see cref="CallFate.WrapUpUniform"/>). Default 15 s. The agent ends its wrap-up at the drawn instant
    /// (<see cref="Agent.EndAfterCallWork"/>); the after-call-work duration of <see cref="Options"/> acts as a cap.
    /// </summary>
    public Distribution WrapUp { get; init; } = Distribution.Constant(15);

    /// <summary>
    /// The real agent's options; <see langword="null"/> (the default) for <see cref="DefaultAgentOptions"/>.
    /// </summary>
    public AgentOptions? Options { get; init; }

    /// <summary>
    /// The agent options used when a profile names none: the SDK's defaults with after-call work capped at one
    /// hour (the simulated agent ends it earlier, at its drawn wrap-up), no extensions, and no missed-offer rule.
    /// </summary>
    public static AgentOptions DefaultAgentOptions { get; } = new()
    {
        AfterCallWork = new AfterCallWorkPolicy { DefaultDuration = Duration.FromHours(1), MaxExtensions = 0 },
        MaxConsecutiveMissedOffers = 0,
    };

    /// <summary>A team of <paramref name="count"/> agents "agent-001", "agent-002"..., in for the whole shift.</summary>
    /// <param name="count">How many agents; not negative.</param>
    /// <param name="wrapUp">Their wrap-up distribution; 15 s when null.</param>
    /// <returns>The profiles, in id order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<SimulatedAgentProfile> Team(int count, Distribution? wrapUp = null)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A team cannot have a negative number of agents.");
        }

        var team = new SimulatedAgentProfile[count];
        for (int i = 0; i < count; i++)
        {
            var profile = new SimulatedAgentProfile("agent-" + (i + 1).ToString("000", CultureInfo.InvariantCulture));
            team[i] = wrapUp is null ? profile : profile with { WrapUp = wrapUp };
        }

        return team;
    }
}
