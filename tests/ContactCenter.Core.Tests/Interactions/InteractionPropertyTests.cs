using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Tests.StateMachines.Model;
using ContactCenter.Core.Time;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Interactions;

/// <summary>
/// Properties over random interleavings of commands (valid and invalid), network events and host data, on
/// every medium; seeded (see <see cref="PropertyRunner"/>), 1,000 cases each.
/// </summary>
public sealed class InteractionPropertyTests
{
    private const int Cases = 1_000;
    private const int MaxSteps = 60;

    private readonly ITestOutputHelper _output;

    public InteractionPropertyTests(ITestOutputHelper output) => _output = output;

    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue - 1));

    [Fact]
    public void Random_interleavings_never_reach_an_inconsistent_state()
    {
        PropertyRunner.Check(_output, nameof(Random_interleavings_never_reach_an_inconsistent_state), 0x1A7E_2026UL, Cases, Seeds, seed =>
        {
            var random = new Random(seed);
            var interaction = InteractionDriver.Create(random, Options(random));
            var trace = new List<string> { interaction.ToString() };
            for (int i = 0; i < MaxSteps; i++)
            {
                var (command, refused) = InteractionDriver.Step(interaction, random);
                trace.Add($"{command?.ToString() ?? "network/host"}{(refused ? " (refused)" : string.Empty)} -> {interaction.State}");
                var broken = InteractionDriver.Inconsistencies(interaction).ToList();
                if (broken.Count > 0)
                {
                    throw new InvalidOperationException($"{string.Join("; ", broken)}{Environment.NewLine}{string.Join(Environment.NewLine, trace)}");
                }
            }
        });
    }

    [Fact]
    public void Every_refused_command_leaves_state_parties_data_and_event_stream_unchanged()
    {
        PropertyRunner.Check(_output, nameof(Every_refused_command_leaves_state_parties_data_and_event_stream_unchanged), 0x5EF0_5EDUL, Cases, Seeds, seed =>
        {
            var random = new Random(seed);
            var interaction = InteractionDriver.Create(random, Options(random));
            var events = interaction.Record();
            for (int i = 0; i < MaxSteps; i++)
            {
                var before = interaction.Snapshot;
                int count = events.Count;
                var permitted = interaction.PermittedCommands;
                var (command, refused) = InteractionDriver.Step(interaction, random);
                if (refused)
                {
                    Assert.Same(before, interaction.Snapshot);
                    Assert.Equal(count, events.Count);
                    Assert.Equal(before.State, interaction.Machine.State);
                    Assert.Equal(permitted, interaction.PermittedCommands);
                }
                else if (command is { } accepted)
                {
                    Assert.Contains(accepted, permitted);
                }
            }
        });
    }

    [Fact]
    public void Replaying_an_interactions_events_reproduces_its_final_state()
    {
        PropertyRunner.Check(_output, nameof(Replaying_an_interactions_events_reproduces_its_final_state), 0x4E91_A7UL, Cases, Seeds, seed =>
        {
            var random = new Random(seed);
            var interaction = InteractionDriver.Create(random, Options(random));
            var events = interaction.Record();
            var replay = new InteractionReplay(interaction.InitialSnapshot);
            int applied = 0;
            for (int i = 0; i < MaxSteps; i++)
            {
                InteractionDriver.Step(interaction, random);
                for (; applied < events.Count; applied++)
                {
                    replay.Apply(events[applied]);
                }

                Assert.True(replay.Current.IsEquivalentTo(interaction.Snapshot), $"after step {i}: {replay.Current} vs {interaction.Snapshot}");
            }

            Assert.True(InteractionReplay.Replay(interaction.InitialSnapshot, events).IsEquivalentTo(interaction.Snapshot));
        });
    }

    [Fact]
    public void Permitted_commands_and_why_not_agree()
    {
        PropertyRunner.Check(_output, nameof(Permitted_commands_and_why_not_agree), 0xC0DEUL, Cases, Seeds, seed =>
        {
            var random = new Random(seed);
            var interaction = InteractionDriver.Create(random, Options(random));
            for (int i = 0; i < 20; i++)
            {
                var permitted = interaction.PermittedCommands;
                foreach (var command in Enum.GetValues<InteractionCommand>())
                {
                    bool can = interaction.Can(command);
                    Assert.Equal(permitted.Contains(command), can);
                    Assert.Equal(can, interaction.WhyNot(command) is null);
                }

                InteractionDriver.Step(interaction, random);
            }
        });
    }

    private static InteractionOptions Options(Random random) => InteractionTestKit.Options(
        new VirtualTimeSource(InteractionTestKit.Start), dispositionRequired: random.Next(2) == 0);
}
