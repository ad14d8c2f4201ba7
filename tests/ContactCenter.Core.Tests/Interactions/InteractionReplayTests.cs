using System;
using System.Linq;
using ContactCenter.Core.Interactions;
using Xunit;
using static ContactCenter.Core.Tests.Interactions.InteractionTestKit;

namespace ContactCenter.Core.Tests.Interactions;

public sealed class InteractionReplayTests
{
    [Fact]
    public void Replaying_a_full_voice_life_reproduces_the_final_snapshot()
    {
        var call = Inbound();
        var events = call.Record();
        call.SetAttachedData("service", "gold");
        call.Accept();
        call.Hold();
        call.Resume();
        call.ConsultForTransfer("2001", "billing");
        call.OnNetworkEvent(NetworkEvent.TargetAnswered);
        call.CompleteTransfer();
        call.SetCustomData("product", "fibre");
        call.SetDisposition("Sale");
        call.MarkDone();
        var replayed = InteractionReplay.Replay(call.InitialSnapshot, events);
        Assert.True(replayed.IsEquivalentTo(call.Snapshot));
    }

    [Fact]
    public void Replay_refuses_a_gap_in_the_sequence()
    {
        var call = Inbound();
        var events = call.Record();
        call.Accept();
        var replay = new InteractionReplay(call.InitialSnapshot);
        Assert.Throws<ArgumentException>(() => replay.Apply(events[1]));
    }

    [Fact]
    public void Replay_refuses_an_event_of_another_interaction()
    {
        var other = Inbound();
        var events = other.Record();
        other.Accept();
        var replay = new InteractionReplay(Inbound().InitialSnapshot);
        Assert.Throws<ArgumentException>(() => replay.Apply(events.First()));
    }
}
