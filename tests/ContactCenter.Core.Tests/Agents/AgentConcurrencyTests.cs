using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

/// <summary>
/// A UI thread (agent commands) and a dialer/network thread (reservations, releases, interaction ends) drive
/// one agent at once, started together by a <see cref="Barrier"/>; no sleeps, no clock. The published
/// state changes must chain (each starts where the previous ended), every event arrives once and in order,
/// and the invariants hold at the end.
/// </summary>
public sealed class AgentConcurrencyTests
{
    private const int Iterations = 20_000;

    [Fact]
    public async Task Ui_commands_and_dialer_commands_on_one_agent_form_a_consistent_history()
    {
        var time = new VirtualTimeSource(Instant.FromUtc(2026, 3, 2, 9, 0));
        var agent = new Agent("agent-c", new AgentOptions { MaxConsecutiveMissedOffers = 0, AfterCallWork = new AfterCallWorkPolicy { DefaultDuration = Duration.Zero } }, time);
        var events = new ConcurrentQueue<AgentEvent>();
        int concurrentDeliveries = 0;
        int overlap = 0;
        using var subscription = agent.Events.Subscribe(new Observer(e =>
        {
            if (Interlocked.Increment(ref concurrentDeliveries) > 1)
            {
                Interlocked.Increment(ref overlap);
            }

            events.Enqueue(e);
            Interlocked.Decrement(ref concurrentDeliveries);
        }));
        agent.LogIn();
        using var barrier = new Barrier(2);
        int accepted = 0;

        // Both threads go on past Iterations until an offer was accepted: how much the two overlap depends on
        // the scheduler (other tests run in parallel), and an accept needs the dialer's reservation in between.
        var ui = Task.Run(() =>
        {
            barrier.SignalAndWait();
            var random = new Random(1);
            for (int i = 0; i < Iterations || Volatile.Read(ref accepted) == 0; i++)
            {
                Try(() =>
                {
                    switch (random.Next(6))
                    {
                        case 0: agent.SetReady(); break;
                        case 1: agent.AcceptOffer(); Interlocked.Increment(ref accepted); break;
                        case 2: agent.RejectOffer(); break;
                        case 3: agent.SetNotReady("Break"); break;
                        case 4: agent.CancelIntent(); break;
                        default: _ = agent.PermittedCommands; break;
                    }
                });
            }
        });
        var dialer = Task.Run(() =>
        {
            barrier.SignalAndWait();
            var random = new Random(2);
            for (int i = 0; i < Iterations || Volatile.Read(ref accepted) == 0; i++)
            {
                Try(() =>
                {
                    switch (random.Next(4))
                    {
                        case 0:
                        case 1: agent.Reserve(InteractionId.New(), random.Next(2) == 0 ? MediaType.Voice : MediaType.Chat); break;
                        case 2: agent.ReleaseReservation(); break;
                        default:
                            var interactions = agent.Interactions;
                            if (interactions.Count > 0)
                            {
                                agent.EndInteraction(interactions[0].InteractionId);
                            }

                            break;
                    }
                });
            }
        });

        await Task.WhenAll(ui, dialer).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, overlap);
        var changes = events.OfType<AgentStateChanged>().ToList();
        Assert.True(changes.Count > 100, $"only {changes.Count} state changes");
        for (int i = 1; i < changes.Count; i++)
        {
            Assert.Equal(changes[i - 1].Current, changes[i].Previous);
        }

        Assert.Equal(agent.State, changes[^1].Current);
        var started = events.OfType<AgentInteractionStarted>().Select(e => e.Interaction.InteractionId).ToList();
        var ended = events.OfType<AgentInteractionEnded>().Select(e => e.Interaction.InteractionId).ToHashSet();
        Assert.Equal(started.Count, started.Distinct().Count());
        Assert.Equal(started.Where(id => !ended.Contains(id)).OrderBy(id => id.Value), agent.Interactions.Select(i => i.InteractionId).OrderBy(id => id.Value));
        Assert.False(agent.State == AgentState.Busy && agent.Interactions.Count == 0);
        Assert.True(accepted > 0);
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (AgentCommandRefusedException)
        {
            // Refusals are expected: the other thread keeps changing the state.
        }
    }

    private sealed class Observer(Action<AgentEvent> onNext) : IObserver<AgentEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(AgentEvent value) => onNext(value);
    }
}
