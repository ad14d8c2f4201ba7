using System.Linq;
using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Interactions;

public sealed class InteractionDefinitionsTests
{
    [Fact]
    public void Every_medium_has_a_definition_built_once_and_shared()
    {
        foreach (var media in System.Enum.GetValues<MediaType>())
        {
            Assert.Same(InteractionDefinitions.For(media), InteractionDefinitions.For(media));
            Assert.Same(InteractionDefinitions.For(media), InteractionDefinitions.All[media]);
            var a = InteractionTestKit.Inbound(media);
            var b = InteractionTestKit.Inbound(media);
            Assert.Same(a.Machine.Definition, b.Machine.Definition);
            Assert.Same(InteractionDefinitions.For(media), a.Machine.Definition);
        }
    }

    [Fact]
    public void Voice_like_media_have_their_own_definitions_of_the_voice_shape()
    {
        Assert.NotSame(InteractionDefinitions.Voice, InteractionDefinitions.Callback);
        Assert.NotSame(InteractionDefinitions.Voice, InteractionDefinitions.OutboundCampaign);
        Assert.Equal(InteractionDefinitions.Voice.ToMermaidGraph(), InteractionDefinitions.Callback.ToMermaidGraph());
        Assert.Equal(InteractionDefinitions.Voice.ToMermaidGraph(), InteractionDefinitions.OutboundCampaign.ToMermaidGraph());
    }

    [Fact]
    public void Chat_has_consultation_and_conference_but_no_hold_nor_dtmf()
    {
        Assert.True(InteractionDefinitions.Supports(MediaType.Chat, InteractionTrigger.ConsultForTransfer));
        Assert.True(InteractionDefinitions.Supports(MediaType.Chat, InteractionTrigger.CompleteConference));
        Assert.False(InteractionDefinitions.Supports(MediaType.Chat, InteractionTrigger.Hold));
        Assert.False(InteractionDefinitions.Supports(MediaType.Chat, InteractionTrigger.SendDtmf));
        Assert.False(InteractionDefinitions.Supports(MediaType.Chat, InteractionTrigger.Alternate));
    }

    [Fact]
    public void Email_has_no_connection_but_reply_forward_and_done()
    {
        foreach (var trigger in new[] { InteractionTrigger.Connect, InteractionTrigger.Disconnect, InteractionTrigger.Hold, InteractionTrigger.SendDtmf, InteractionTrigger.ConsultForTransfer })
        {
            Assert.False(InteractionDefinitions.Supports(MediaType.Email, trigger));
        }

        Assert.True(InteractionDefinitions.Supports(MediaType.Email, InteractionTrigger.Reply));
        Assert.True(InteractionDefinitions.Supports(MediaType.Email, InteractionTrigger.Forward));
        Assert.True(InteractionDefinitions.Supports(MediaType.Email, InteractionTrigger.MarkDone));
    }

    [Fact]
    public void Sms_is_chat_without_consultation()
    {
        Assert.False(InteractionDefinitions.Supports(MediaType.Sms, InteractionTrigger.ConsultForTransfer));
        Assert.False(InteractionDefinitions.Supports(MediaType.Sms, InteractionTrigger.ConsultForConference));
        Assert.True(InteractionDefinitions.Supports(MediaType.Sms, InteractionTrigger.BlindTransfer));
        Assert.True(InteractionDefinitions.Supports(MediaType.Sms, InteractionTrigger.Disconnect));
    }

    [Fact]
    public void Every_definition_exports_a_mermaid_diagram_with_its_guards()
    {
        foreach (var (media, definition) in InteractionDefinitions.All)
        {
            string mermaid = definition.ToMermaidGraph();
            Assert.StartsWith("stateDiagram-v2", mermaid);
            Assert.Contains("Done", mermaid);
            Assert.False(string.IsNullOrEmpty(definition.ToDotGraph()), media.ToString());
        }

        Assert.Contains("the consultation is for a transfer and the target is connected", InteractionDefinitions.Voice.ToMermaidGraph());
    }

    [Fact]
    public void Terminal_states_permit_nothing()
    {
        foreach (var definition in InteractionDefinitions.All.Values)
        {
            foreach (var state in new[] { InteractionState.Done, InteractionState.Rejected, InteractionState.Abandoned })
            {
                var interaction = InteractionTestKit.Inbound();
                var machine = definition.Rehydrate(interaction.Machine.Context, state);
                Assert.Empty(machine.PermittedTriggers);
            }
        }
    }

    [Fact]
    public void For_refuses_an_undefined_medium() =>
        Assert.Throws<System.ArgumentOutOfRangeException>(() => InteractionDefinitions.For((MediaType)99));

    [Fact]
    public void Triggers_are_the_commands_and_the_network_events()
    {
        var triggers = InteractionDefinitions.Voice.Triggers;
        foreach (var command in System.Enum.GetValues<InteractionCommand>())
        {
            Assert.Contains((InteractionTrigger)(int)command, triggers);
            Assert.Equal(command.ToString(), ((InteractionTrigger)(int)command).ToString());
        }

        foreach (var network in System.Enum.GetValues<NetworkEvent>())
        {
            Assert.Equal(network.ToString(), ((InteractionTrigger)(100 + (int)network)).ToString());
        }

        Assert.Equal(System.Enum.GetValues<InteractionCommand>().Length + System.Enum.GetValues<NetworkEvent>().Length + 1, triggers.Count);
        Assert.Contains(InteractionTrigger.SetAttachedData, triggers.ToList());
    }
}
