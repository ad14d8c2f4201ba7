using System;
using System.Collections.Generic;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tests.StateMachines.Model;
using ContactCenter.Core.Time;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Interactions;

/// <summary>
/// <see cref="Interaction.Restore"/>: over random inputs on every medium, snapshot → restore → snapshot is identical, the
/// text form reads back identical, and a restored twin then answers every input exactly like the original.
/// </summary>
public sealed class InteractionRestoreTests
{
    private const int Cases = 200;

    private readonly ITestOutputHelper _output;

    public InteractionRestoreTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Snapshot_restore_snapshot_is_identical_and_the_twin_answers_like_the_original()
    {
        var states = new HashSet<InteractionState>();
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(_output, nameof(Snapshot_restore_snapshot_is_identical_and_the_twin_answers_like_the_original), 0x5AA9_0003, Cases, arbitrary, seed =>
        {
            var random = new Random(seed);
            var options = new InteractionOptions { TimeSource = new VirtualTimeSource(Instant.FromUtc(2026, 3, 2, 9, 0)), Dispositions = ["Sale", "NoSale"] };
            var original = InteractionDriver.Create(random, options);
            Interaction? twin = null;
            for (int step = 0; step < 40; step++)
            {
                var snapshot = original.Snapshot;
                string text = SnapshotJson.Write(snapshot);
                Assert.Equal(text, SnapshotJson.Write(SnapshotJson.ReadInteraction(text)));
                Assert.True(SnapshotJson.ReadInteraction(text).IsEquivalentTo(snapshot));
                Assert.Equal(text, SnapshotJson.Write(Interaction.Restore(snapshot, options).Snapshot));
                if (twin is null || random.Next(6) == 0)
                {
                    twin = Interaction.Restore(snapshot, options);
                    Assert.Equal(original.PermittedCommands, twin.PermittedCommands);
                }

                Assert.Equal(text, SnapshotJson.Write(twin.Snapshot));
                states.Add(original.State);
                int stepSeed = random.Next();
                var (_, refused) = InteractionDriver.Step(original, new Random(stepSeed));
                var (_, twinRefused) = InteractionDriver.Step(twin, new Random(stepSeed));
                Assert.Equal(refused, twinRefused);
            }
        });

        _output.WriteLine("states visited: " + string.Join(", ", states));
        Assert.True(states.Count >= 10, $"only {states.Count} states visited");
    }

    [Fact]
    public void A_state_that_contradicts_the_parties_is_refused()
    {
        var interaction = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33100000000"));
        interaction.Accept();
        var snapshot = interaction.Snapshot;
        Assert.Equal(InteractionState.Talking, Interaction.Restore(snapshot).State);
        Assert.Throws<ArgumentException>(() => Interaction.Restore(snapshot with { State = InteractionState.Held }));
        Assert.Throws<ArgumentException>(() => Interaction.Restore(snapshot with { State = (InteractionState)99 }));
    }

    [Fact]
    public void A_restored_interaction_numbers_its_events_after_the_stored_sequence_and_replays_from_its_snapshot()
    {
        var interaction = Interaction.Create(new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33100000000"));
        interaction.Accept();
        interaction.Hold();
        var restored = Interaction.Restore(interaction.Snapshot);
        var events = new List<InteractionEvent>();
        using var subscription = restored.Events.Subscribe(events.Add);
        restored.Resume();
        Assert.Equal(InteractionState.Talking, restored.State);
        Assert.All(events, e => Assert.True(e.Sequence > interaction.Snapshot.Sequence));
        Assert.Same(interaction.Snapshot, restored.InitialSnapshot);
    }
}
