using System;
using System.Collections.Generic;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Tests.Interactions;

/// <summary>Builds interactions in virtual time and records their events.</summary>
internal static class InteractionTestKit
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static InteractionOptions Options(VirtualTimeSource? time = null, bool dispositionRequired = false, bool autoAccept = false) => new()
    {
        Dispositions = ["Sale", "NoSale", "Callback"],
        DispositionRequired = dispositionRequired,
        AutoAccept = autoAccept,
        TimeSource = time ?? new VirtualTimeSource(Start),
    };

    public static Interaction Inbound(MediaType media = MediaType.Voice, InteractionOptions? options = null) =>
        Interaction.Create(
            new InteractionSpec(media, InteractionDirection.Inbound, "+33 1 23 45 67 89")
            {
                AttachedData = new Dictionary<string, string> { ["account"] = "A-42" },
                CustomData = new Dictionary<string, string> { ["product"] = string.Empty, ["priority"] = "normal" },
            },
            options ?? Options());

    public static Interaction Outbound(MediaType media = MediaType.Voice, InteractionOptions? options = null) =>
        Interaction.Create(
            new InteractionSpec(media, InteractionDirection.Outbound, "+33 9 87 65 43 21")
            {
                CustomData = new Dictionary<string, string> { ["product"] = string.Empty },
            },
            options ?? Options());

    /// <summary>An accepted inbound voice call, talking.</summary>
    public static Interaction Talking(InteractionOptions? options = null)
    {
        var interaction = Inbound(MediaType.Voice, options);
        interaction.Accept();
        return interaction;
    }

    /// <summary>A voice call consulting a target that answered.</summary>
    public static Interaction ConsultingConnected(bool forTransfer = true, InteractionOptions? options = null)
    {
        var interaction = Talking(options);
        if (forTransfer)
        {
            interaction.ConsultForTransfer("2001", "billing question");
        }
        else
        {
            interaction.ConsultForConference("2001");
        }

        interaction.OnNetworkEvent(NetworkEvent.TargetAnswered);
        return interaction;
    }

    public static Party Customer(this Interaction interaction) => interaction.Parties[0];

    public static Party Target(this Interaction interaction) =>
        interaction.Consultation is { } c ? Find(interaction, c.Target) : throw new InvalidOperationException("No consultation.");

    public static Party Find(Interaction interaction, PartyId id)
    {
        foreach (var party in interaction.Parties)
        {
            if (party.Id == id)
            {
                return party;
            }
        }

        throw new InvalidOperationException($"No {id}.");
    }

    public static List<InteractionEvent> Record(this Interaction interaction)
    {
        var events = new List<InteractionEvent>();
        interaction.Events.Subscribe(new Recorder(events));
        return events;
    }

    private sealed class Recorder(List<InteractionEvent> events) : IObserver<InteractionEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(InteractionEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
