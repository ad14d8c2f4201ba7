using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Simulation;

/// <summary>
/// A simulated shift: its seed, start and length, the calling list's size, the network, the agents and how
/// often the dialer is asked. Immutable: derive variants with <c>with</c> or the <c>With...</c> helpers.
/// </summary>
/// <example>
/// <code>
/// var scenario = new SimulationScenario { Seed = 42, ShiftLength = Duration.FromHours(4) }
///     .WithTeam(25, Distribution.Constant(15))
///     .WithNetwork(n => n with { LiveAnswerProbability = 0.30 });
/// SimulationReport report = Simulator.Run(scenario, dialer);
/// </code>
/// </example>
public sealed record SimulationScenario
{
    /// <summary>A name for reports. Default "scenario".</summary>
    public string Name { get; init; } = "scenario";

    /// <summary>The seed of every random draw (see <see cref="CommonRandomNumbers"/>). Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>When the shift starts, in virtual time. Default 2026-01-05 09:00 UTC.</summary>
    public Instant Start { get; init; } = Instant.FromUtc(2026, 1, 5, 9, 0);

    /// <summary>How long the dialer may place calls. Default 4 hours.</summary>
    public Duration ShiftLength { get; init; } = Duration.FromHours(4);

    /// <summary>
    /// How many records the synthetic calling list holds; <see langword="null"/> (the default) for an unlimited list.
    /// Not used with a <see cref="Campaign"/>, whose list has its own size.
    /// </summary>
    public long? ListSize { get; init; }

    /// <summary>
    /// The real campaign the run drives instead of the synthetic list (records in real zones, retry rules,
    /// compliance); <see langword="null"/> (the default) for the synthetic list of <see cref="ListSize"/> records.
    /// </summary>
    public SimulatedCampaign? Campaign { get; init; }

    /// <summary>How the network and the contacts behave.</summary>
    public NetworkModel Network { get; init; } = new();

    /// <summary>The agents. Default none.</summary>
    public IReadOnlyList<SimulatedAgentProfile> Agents { get; init; } = [];

    /// <summary>How often the dialer is asked, besides every time an agent becomes free. Default 1 s.</summary>
    public Duration TickInterval { get; init; } = Duration.FromSeconds(1);

    /// <summary>The queue name given to the agents' reservations (selects their after-call-work cap). Default "campaign".</summary>
    public string Queue { get; init; } = "campaign";

    /// <summary>When the dialer stops placing calls.</summary>
    public Instant End => Start + ShiftLength;

    /// <summary>This scenario with a team of <paramref name="count"/> agents in for the whole shift (see <see cref="SimulatedAgentProfile.Team"/>).</summary>
    /// <param name="count">How many agents.</param>
    /// <param name="wrapUp">Their wrap-up distribution; 15 s when null.</param>
    /// <returns>The new scenario.</returns>
    public SimulationScenario WithTeam(int count, Distribution? wrapUp = null) => this with { Agents = SimulatedAgentProfile.Team(count, wrapUp) };

    /// <summary>This scenario driving a real campaign (see <see cref="Campaign"/>).</summary>
    /// <param name="campaign">The campaign's list, options and compliance.</param>
    /// <returns>The new scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    public SimulationScenario WithCampaign(SimulatedCampaign campaign) => this with { Campaign = Guard.NotNull(campaign) };

    /// <summary>This scenario with its network changed by <paramref name="change"/>.</summary>
    /// <param name="change">Returns the new network from the current one.</param>
    /// <returns>The new scenario.</returns>
    public SimulationScenario WithNetwork(Func<NetworkModel, NetworkModel> change)
    {
        Guard.NotNull(change);
        return this with { Network = change(Network) };
    }

    /// <summary>Checks every setting (the network's too).</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("Name must not be blank.");
        }

        if (ShiftLength <= Duration.Zero)
        {
            problems.Add($"ShiftLength must be positive (was {ShiftLength}).");
        }

        if (ListSize is < 0)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "ListSize must not be negative (was {0}).", ListSize));
        }

        if (Campaign is not null)
        {
            if (ListSize is not null)
            {
                problems.Add("ListSize must be null with a Campaign (the campaign's list has its own size).");
            }

            Campaign.AddProblems(problems);
        }

        if (TickInterval <= Duration.Zero)
        {
            problems.Add($"TickInterval must be positive (was {TickInterval}).");
        }

        if (string.IsNullOrWhiteSpace(Queue))
        {
            problems.Add("Queue must not be blank.");
        }

        if (Network is null)
        {
            problems.Add("Network must not be null.");
        }
        else
        {
            try
            {
                Network.Validate();
            }
            catch (ArgumentException invalid)
            {
                problems.Add(invalid.Message);
            }
        }

        if (Agents is null)
        {
            problems.Add("Agents must not be null.");
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var agent in Agents)
            {
                if (agent is null)
                {
                    problems.Add("Agents must not contain null.");
                    continue;
                }

                if (!ids.Add(agent.Id))
                {
                    problems.Add($"Agent id \"{agent.Id}\" is used twice.");
                }

                if (agent.WrapUp is null || agent.Pauses is null)
                {
                    problems.Add($"Agent \"{agent.Id}\": WrapUp and Pauses must not be null.");
                }
                else
                {
                    var reasons = (agent.Options ?? SimulatedAgentProfile.DefaultAgentOptions).NotReadyReasons;
                    foreach (var pause in agent.Pauses)
                    {
                        if (pause is null || pause.Start < Duration.Zero || pause.Length <= Duration.Zero || string.IsNullOrWhiteSpace(pause.Reason))
                        {
                            problems.Add($"Agent \"{agent.Id}\": a pause must start at or after zero, last a positive time and name a reason.");
                        }
                        else if (reasons is not null && !reasons.Contains(pause.Reason, StringComparer.Ordinal))
                        {
                            problems.Add($"Agent \"{agent.Id}\": pause reason \"{pause.Reason}\" is not one of its not-ready reasons.");
                        }
                    }
                }

                if (agent.LogInAt < Duration.Zero || agent.LogOutAt is { } logOut && logOut < agent.LogInAt)
                {
                    problems.Add($"Agent \"{agent.Id}\": LogInAt must not be negative and LogOutAt must not precede it.");
                }

                if (agent.Options is { } options)
                {
                    try
                    {
                        options.Validate();
                    }
                    catch (ArgumentException invalid)
                    {
                        problems.Add($"Agent \"{agent.Id}\": {invalid.Message}");
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid simulation scenario: " + string.Join(" ", problems));
        }
    }
}
