using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Agents;

/// <summary>
/// Random sequences of agent commands (valid and invalid, with random arguments) interleaved with virtual
/// time passing (which fires offer timeouts, after-call work ends and logout deadlines). Seeded; each case
/// is built from one integer seed, printed by FsCheck on failure.
/// </summary>
public sealed class AgentPropertyTests
{
    private const int Cases = 1_000;

    private static readonly AgentOptions s_options = new()
    {
        Capacity = new AgentCapacity(voice: 1, chat: 2, email: 1),
        OfferTimeout = Duration.FromSeconds(8),
        LogoutDeadline = Duration.FromSeconds(5),
        MaxConsecutiveMissedOffers = 2,
        AfterCallWork = new AfterCallWorkPolicy
        {
            DefaultDuration = Duration.FromSeconds(10),
            DurationByQueue = new Dictionary<string, Duration> { ["nowrap"] = Duration.Zero },
            Extension = Duration.FromSeconds(5),
            MaxExtensions = 2,
        },
    };

    private readonly ITestOutputHelper _output;

    public AgentPropertyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Random_sequences_never_leave_the_agent_busy_without_an_interaction() =>
        Run(nameof(Random_sequences_never_leave_the_agent_busy_without_an_interaction), 0xA6E7_0001, static (agent, _) =>
        {
            if (agent.State == AgentState.Busy && agent.Interactions.Count == 0)
            {
                throw new InvalidOperationException("Busy without an interaction.");
            }

            if (agent.Interactions.Count > 0 && agent.State is not (AgentState.Busy or AgentState.AfterCallWork))
            {
                throw new InvalidOperationException($"{agent.State} with {agent.Interactions.Count} interaction(s).");
            }
        });

    [Fact]
    public void Random_sequences_never_leave_the_agent_in_after_call_work_with_a_live_voice_interaction() =>
        Run(nameof(Random_sequences_never_leave_the_agent_in_after_call_work_with_a_live_voice_interaction), 0xA6E7_0002, static (agent, _) =>
        {
            if (agent.State == AgentState.AfterCallWork && agent.Interactions.Any(i => AgentCapacity.IsVoice(i.Media)))
            {
                throw new InvalidOperationException("After-call work with a live voice interaction.");
            }

            if ((agent.State == AgentState.AfterCallWork) != (agent.AfterCallWorkEndsAt is not null))
            {
                throw new InvalidOperationException("After-call work end instant out of step with the state.");
            }
        });

    [Fact]
    public void Random_sequences_never_leave_the_agent_reserved_while_logout_is_pending() =>
        Run(nameof(Random_sequences_never_leave_the_agent_reserved_while_logout_is_pending), 0xA6E7_0003, static (agent, _) =>
        {
            var intent = agent.PendingIntent;
            if (intent is { Kind: DeferredIntentKind.LogOut } && agent.State == AgentState.Reserved)
            {
                throw new InvalidOperationException("Reserved while a logout is pending.");
            }

            if (agent.State == AgentState.LogoutPending && (agent.Offer is null || intent is not { Kind: DeferredIntentKind.LogOut, Deadline: not null }))
            {
                throw new InvalidOperationException("Logout pending without a held reservation and a deadline.");
            }

            if (agent.State == AgentState.Reserved && (agent.Offer is null || agent.Interactions.Count > 0))
            {
                throw new InvalidOperationException("Reserved without an offer, or with interactions.");
            }

            if ((agent.State == AgentState.NotReady) != (agent.NotReadyReason is not null))
            {
                throw new InvalidOperationException("Not-ready reason out of step with the state.");
            }

            if (agent.State == AgentState.LoggedOut && (agent.Offer is not null || intent is not null || agent.Interactions.Count > 0))
            {
                throw new InvalidOperationException("Logged out with work pending.");
            }
        });

    [Fact]
    public void Random_sequences_keep_the_published_pending_intent_equal_to_the_agent_s() =>
        Run(nameof(Random_sequences_keep_the_published_pending_intent_equal_to_the_agent_s), 0xA6E7_0005, static (agent, events) =>
        {
            // What a subscriber sees: DeferredIntentRequested sets the pending intent (a change keeps its id),
            // DeferredIntentResolved ends it. Every intent that stops being pending is resolved with an event.
            DeferredIntent? published = null;
            foreach (var @event in events)
            {
                switch (@event)
                {
                    case DeferredIntentRequested requested:
                        if (published is not null && published.Id != requested.Intent.Id)
                        {
                            throw new InvalidOperationException($"Intent {requested.Intent.Id} published while {published.Id} was pending and never resolved.");
                        }

                        published = requested.Intent;
                        break;
                    case DeferredIntentResolved resolved:
                        if (published?.Id != resolved.Intent.Id || resolved.Intent.Status == DeferredIntentStatus.Pending)
                        {
                            throw new InvalidOperationException($"Intent {resolved.Intent.Id} resolved ({resolved.Intent.Status}) while {published?.Id} was pending.");
                        }

                        published = null;
                        break;
                    default:
                        break;
                }
            }

            if (published != agent.PendingIntent)
            {
                throw new InvalidOperationException($"Published pending intent {published} differs from the agent's {agent.PendingIntent}.");
            }
        });

    [Fact]
    public void Every_refused_command_changes_nothing() =>
        Run(nameof(Every_refused_command_changes_nothing), 0xA6E7_0004, static (_, _) => { }, checkRefusals: true);

    private void Run(string name, ulong seed, Action<Agent, IReadOnlyList<AgentEvent>> invariant, bool checkRefusals = false)
    {
        int refusals = 0;
        int steps = 0;
        var states = new HashSet<AgentState>();
        var arbitrary = Arb.From(Gen.Sized(size => Gen.Choose(0, int.MaxValue - 1).Select(s => (Seed: s, Size: Math.Max(10, size)))));
        PropertyRunner.Check(_output, name, seed, Cases, arbitrary, testCase =>
        {
            var (refused, taken) = Execute(testCase.Seed, testCase.Size * 2, invariant, checkRefusals, states);
            refusals += refused;
            steps += taken;
        });

        _output.WriteLine($"{name}: {steps} steps, {refusals} refused; states visited: {string.Join(", ", states.OrderBy(s => s))}");
        Assert.Equal(Enum.GetValues<AgentState>().Length, states.Count);
        Assert.True(refusals > 0);
    }

    private static (int Refused, int Steps) Execute(int seed, int length, Action<Agent, IReadOnlyList<AgentEvent>> invariant, bool checkRefusals, HashSet<AgentState> states)
    {
        var random = new Random(seed);
        using var f = new AgentFixture(s_options);
        var agent = f.Agent;
        int refused = 0;
        for (int step = 0; step < length; step++)
        {
            int op = random.Next(18);
            if (op >= 16)
            {
                f.Advance(random.Next(1, 12));
            }
            else
            {
                var command = ToCommand(op);
                bool argumentless = op is not (3 or 4 or 5 or 6 or 10 or 11);
                var before = Snapshot.Of(agent, f.Events.Count);
                bool can = agent.Can(command);
                try
                {
                    Apply(agent, op, random);
                    if (!can)
                    {
                        throw new InvalidOperationException($"{command} succeeded in {before.State} although Can said no.");
                    }
                }
                catch (AgentCommandRefusedException exception)
                {
                    refused++;
                    if (argumentless && can)
                    {
                        throw new InvalidOperationException($"{command} refused in {before.State} although Can said yes: {exception.Message}");
                    }

                    var after = Snapshot.Of(agent, f.Events.Count);
                    if (checkRefusals && after != before)
                    {
                        throw new InvalidOperationException($"Refused {command} changed the agent:{Environment.NewLine}{before}{Environment.NewLine}{after}");
                    }
                }
            }

            states.Add(agent.State);
            invariant(agent, f.Events);
        }

        return (refused, length);
    }

    private static AgentCommand ToCommand(int op) => op switch
    {
        0 => AgentCommand.LogIn,
        1 => AgentCommand.LogOut,
        2 => AgentCommand.SetReady,
        3 or 4 => AgentCommand.SetNotReady,
        5 or 6 => AgentCommand.Reserve,
        7 => AgentCommand.AcceptOffer,
        8 => AgentCommand.RejectOffer,
        9 => AgentCommand.ReleaseReservation,
        10 => AgentCommand.StartInteraction,
        11 => AgentCommand.EndInteraction,
        12 => AgentCommand.ExtendAfterCallWork,
        13 => AgentCommand.EndAfterCallWork,
        14 => AgentCommand.CancelIntent,
        _ => AgentCommand.OverrideIntent,
    };

    private static void Apply(Agent agent, int op, Random random)
    {
        MediaType[] media = [MediaType.Voice, MediaType.Chat, MediaType.Email, MediaType.Callback, MediaType.Sms];
        string?[] queues = [null, "nowrap", "sales"];
        switch (op)
        {
            case 0: agent.LogIn(); break;
            case 1: agent.LogOut(); break;
            case 2: agent.SetReady(); break;
            case 3: agent.SetNotReady(random.Next(2) == 0 ? "Break" : "Lunch"); break;
            case 4: agent.SetNotReady("NotAReason"); break;
            case 5: agent.Reserve(InteractionId.New(), media[random.Next(media.Length)], queues[random.Next(queues.Length)]); break;
            case 6: agent.Reserve(InteractionId.New(), MediaType.Voice, queues[random.Next(queues.Length)], Duration.FromSeconds(random.Next(-1, 4))); break;
            case 7: agent.AcceptOffer(); break;
            case 8: agent.RejectOffer(); break;
            case 9: agent.ReleaseReservation(); break;
            case 10:
                var existing = agent.Interactions;
                var id = existing.Count > 0 && random.Next(4) == 0 ? existing[0].InteractionId : InteractionId.New();
                agent.StartInteraction(id, media[random.Next(media.Length)], queues[random.Next(queues.Length)]);
                break;
            case 11:
                var current = agent.Interactions;
                agent.EndInteraction(current.Count > 0 && random.Next(5) != 0 ? current[random.Next(current.Count)].InteractionId : InteractionId.New());
                break;
            case 12: agent.ExtendAfterCallWork(); break;
            case 13: agent.EndAfterCallWork(); break;
            case 14: agent.CancelIntent(); break;
            default: agent.OverrideIntent(); break;
        }
    }

    private sealed record Snapshot(
        AgentState State,
        string? Reason,
        string Interactions,
        AgentOffer? Offer,
        DeferredIntent? Intent,
        int Missed,
        Instant? AfterCallWorkEndsAt,
        int Extensions,
        string Permitted,
        int Events)
    {
        public static Snapshot Of(Agent agent, int events) => new(
            agent.State,
            agent.NotReadyReason,
            string.Join(";", agent.Interactions),
            agent.Offer,
            agent.PendingIntent,
            agent.ConsecutiveMissedOffers,
            agent.AfterCallWorkEndsAt,
            agent.AfterCallWorkExtensions,
            string.Join(",", agent.PermittedCommands),
            events);
    }
}
