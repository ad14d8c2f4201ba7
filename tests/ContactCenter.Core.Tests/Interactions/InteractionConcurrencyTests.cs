using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using Xunit;

namespace ContactCenter.Core.Tests.Interactions;

/// <summary>
/// Commands from a "UI" thread and network events from a "telephony" thread on the same interactions,
/// started together by a <see cref="Barrier"/> (no sleeps, no clock).
/// </summary>
public sealed class InteractionConcurrencyTests
{
    private const int Interactions = 300;
    private const int StepsPerThread = 40;

    [Fact]
    public async Task Commands_and_network_events_from_two_threads_never_tear_state_and_events_stay_consistent()
    {
        for (int n = 0; n < Interactions; n++)
        {
            var setup = new Random(n);
            var options = InteractionTestKit.Options(new VirtualTimeSource(InteractionTestKit.Start));
            var interaction = InteractionDriver.Create(setup, options);
            var events = new List<InteractionEvent>();
            int publishing = 0;
            bool overlapped = false;
            var publishers = new HashSet<int>();
            using var subscription = interaction.Events.Subscribe(e =>
            {
                if (Interlocked.Increment(ref publishing) != 1)
                {
                    overlapped = true;
                }

                events.Add(e);
                publishers.Add(Environment.CurrentManagedThreadId);
                Interlocked.Decrement(ref publishing);
            });

            using var barrier = new Barrier(2);
            var ui = Task.Factory.StartNew(
                () =>
                {
                    var random = new Random(n * 2);
                    barrier.SignalAndWait();
                    for (int i = 0; i < StepsPerThread; i++)
                    {
                        var command = InteractionDriver.Pick(interaction, random);
                        try
                        {
                            InteractionDriver.Command(interaction, command, random);
                        }
                        catch (InteractionCommandRefusedException)
                        {
                            // The telephony thread moved the interaction meanwhile.
                        }

                        _ = interaction.Snapshot;
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            var network = Task.Factory.StartNew(
                () =>
                {
                    var random = new Random((n * 2) + 1);
                    barrier.SignalAndWait();
                    for (int i = 0; i < StepsPerThread; i++)
                    {
                        InteractionDriver.Network(interaction, random);
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            await Task.WhenAll(ui, network);

            Assert.False(overlapped, "two events were published at once");
            Assert.Empty(InteractionDriver.Inconsistencies(interaction));
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
            Assert.True(InteractionReplay.Replay(interaction.InitialSnapshot, events).IsEquivalentTo(interaction.Snapshot));
        }
    }
}
