using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Interactions;

namespace ContactCenter.Core.Tests.Interactions;

/// <summary>Random inputs (commands, network events, host data) for the property and concurrency tests.</summary>
internal static class InteractionDriver
{
    private static readonly InteractionCommand[] s_commands = Enum.GetValues<InteractionCommand>();
    // Weighted towards the events that move a call forward, so that long lives (conferences) are reached.
    private static readonly NetworkEvent[] s_network =
    [
        .. Enum.GetValues<NetworkEvent>().Where(e => e != NetworkEvent.PartyDropped),
        NetworkEvent.CustomerAnswered, NetworkEvent.CustomerAnswered, NetworkEvent.CustomerAnswered,
        NetworkEvent.TargetAnswered, NetworkEvent.TargetAnswered, NetworkEvent.TargetAnswered, NetworkEvent.TargetRinging,
    ];

    private static readonly HashSet<InteractionCommand> s_ending =
    [
        InteractionCommand.Reject, InteractionCommand.Disconnect, InteractionCommand.BlindTransfer, InteractionCommand.CompleteTransfer,
        InteractionCommand.Reply, InteractionCommand.Forward, InteractionCommand.MarkDone,
    ];
    private static readonly string[] s_digits = ["123", "4#*", "A,B", "9", "12x", string.Empty];
    private static readonly string[] s_codes = ["Sale", "NoSale", "Bogus"];
    private static readonly string[] s_keys = ["product", "priority", "unknown"];

    public static Interaction Create(Random random, InteractionOptions options)
    {
        var media = (MediaType)random.Next(6);
        var direction = (InteractionDirection)random.Next(3);
        bool? offer = media == MediaType.Chat ? true : random.Next(3) switch { 0 => true, 1 => false, _ => null };
        return Interaction.Create(
            new InteractionSpec(media, direction, "+33 1 00 00 00 00")
            {
                IsOffer = offer,
                AttachedData = new Dictionary<string, string> { ["account"] = "A-1" },
                CustomData = new Dictionary<string, string> { ["product"] = string.Empty, ["priority"] = "normal" },
            },
            options);
    }

    /// <summary>Runs one random input; returns the command when it was one, and whether it was refused.</summary>
    public static (InteractionCommand? Command, bool Refused) Step(Interaction interaction, Random random)
    {
        int kind = random.Next(10);
        if (kind < 3)
        {
            Network(interaction, random);
            return (null, false);
        }

        if (kind == 3)
        {
            try
            {
                interaction.SetAttachedData("service", random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (InvalidOperationException)
            {
                // Closed interactions refuse attached data.
            }

            return (null, false);
        }

        var command = Pick(interaction, random);
        try
        {
            Command(interaction, command, random);
            return (command, false);
        }
        catch (InteractionCommandRefusedException)
        {
            return (command, true);
        }
    }

    /// <summary>A command: mostly a permitted one (ending ones less often), sometimes any.</summary>
    public static InteractionCommand Pick(Interaction interaction, Random random)
    {
        var permitted = interaction.PermittedCommands;
        if (permitted.Count == 0 || random.Next(5) == 0)
        {
            return s_commands[random.Next(s_commands.Length)];
        }

        var command = permitted[random.Next(permitted.Count)];
        for (int retry = 0; retry < 3 && s_ending.Contains(command); retry++)
        {
            command = permitted[random.Next(permitted.Count)];
        }

        return command;
    }

    public static void Network(Interaction interaction, Random random)
    {
        if (random.Next(12) == 0)
        {
            interaction.OnPartyDropped(new PartyId(1 + random.Next(5)));
        }
        else
        {
            interaction.OnNetworkEvent(s_network[random.Next(s_network.Length)]);
        }
    }

    public static void Command(Interaction interaction, InteractionCommand command, Random random)
    {
        switch (command)
        {
            case InteractionCommand.Accept: interaction.Accept(); break;
            case InteractionCommand.Reject: interaction.Reject(); break;
            case InteractionCommand.Connect: interaction.Connect(random.Next(2) == 0 ? null : "+33 2 00 00 00 00"); break;
            case InteractionCommand.Disconnect: interaction.Disconnect(); break;
            case InteractionCommand.Hold: interaction.Hold(); break;
            case InteractionCommand.Resume: interaction.Resume(); break;
            case InteractionCommand.SendDtmf: interaction.SendDtmf(s_digits[random.Next(s_digits.Length)]); break;
            case InteractionCommand.ConsultForTransfer: interaction.ConsultForTransfer("2001", random.Next(2) == 0 ? null : "reason"); break;
            case InteractionCommand.ConsultForConference: interaction.ConsultForConference("2002"); break;
            case InteractionCommand.CompleteTransfer: interaction.CompleteTransfer(); break;
            case InteractionCommand.CompleteConference: interaction.CompleteConference(); break;
            case InteractionCommand.EndConference: interaction.EndConference(); break;
            case InteractionCommand.DropParty: interaction.DropParty(new PartyId(1 + random.Next(5))); break;
            case InteractionCommand.Alternate: interaction.Alternate(); break;
            case InteractionCommand.Reconnect: interaction.Reconnect(); break;
            case InteractionCommand.BlindTransfer: interaction.BlindTransfer("queue", "why"); break;
            case InteractionCommand.SetCallResult: interaction.SetCallResult((CallResult)random.Next(9)); break;
            case InteractionCommand.SetDisposition: interaction.SetDisposition(s_codes[random.Next(s_codes.Length)]); break;
            case InteractionCommand.AddNote: interaction.AddNote(random.Next(4) == 0 ? " " : "note"); break;
            case InteractionCommand.SetCustomData: interaction.SetCustomData(s_keys[random.Next(s_keys.Length)], "v" + random.Next(3)); break;
            case InteractionCommand.EnterSecureMode: interaction.EnterSecureMode(); break;
            case InteractionCommand.ExitSecureMode: interaction.ExitSecureMode(); break;
            case InteractionCommand.Reply: interaction.Reply(); break;
            case InteractionCommand.Forward: interaction.Forward("someone@example.com"); break;
            case InteractionCommand.MarkDone: interaction.MarkDone(); break;
            default: throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    /// <summary>Every consistency rule an interaction must satisfy between inputs; returns the broken ones.</summary>
    public static IEnumerable<string> Inconsistencies(Interaction interaction)
    {
        var snapshot = interaction.Snapshot;
        var context = interaction.Machine.Context;
        var state = snapshot.State;
        var derived = InteractionContext.Derive(context.Lifecycle, context.Traits, snapshot.Parties, snapshot.Consultation);
        if (interaction.Machine.State != state)
        {
            yield return $"machine state {interaction.Machine.State} != snapshot state {state}";
        }

        if (derived != state)
        {
            yield return $"state {state} != derived {derived}";
        }

        var customer = snapshot.Parties.Single(p => p.Role == PartyRole.Customer);
        bool closed = state is InteractionState.Ended or InteractionState.Done or InteractionState.Rejected or InteractionState.Abandoned;
        if (closed && snapshot.Parties.Any(p => p.IsPresent))
        {
            yield return $"a party is present in {state}";
        }

        if (closed && snapshot.IsSecure)
        {
            yield return $"secure mode in {state}";
        }

        if (snapshot.Parties.Any(p => p.State == PartyState.Held) && state is not (InteractionState.Held or InteractionState.Consulting))
        {
            yield return $"a held party in {state}";
        }

        if ((snapshot.Consultation is not null) != (state == InteractionState.Consulting))
        {
            yield return $"consultation {snapshot.Consultation} in {state}";
        }

        if (snapshot.Parties.Count(p => p.Role == PartyRole.ConsultTarget && p.IsPresent) > 1)
        {
            yield return "several present consultation targets";
        }

        if (snapshot.Consultation is { } consultation && snapshot.Parties.Single(p => p.Id == consultation.Target).Role != PartyRole.ConsultTarget)
        {
            yield return "the consultation's target is not a consult target";
        }

        if (state == InteractionState.Held && customer.State != PartyState.Held)
        {
            yield return "Held without a held customer";
        }

        if (state == InteractionState.Talking && (customer.State != PartyState.Connected || snapshot.Parties.Any(p => p.Role is PartyRole.ConsultTarget or PartyRole.ConferenceMember && p.IsPresent)))
        {
            yield return "Talking but the customer is not connected alone";
        }

        if (state == InteractionState.Conferenced && (customer.State != PartyState.Connected || !snapshot.Parties.Any(p => p.Role == PartyRole.ConferenceMember && p.IsPresent)))
        {
            yield return "Conferenced without customer and members";
        }

        // The contact's leg is the contact with the conference members (several parties once a conference grows):
        // both legs held means the contact and the target held, not more than one held party.
        if (state == InteractionState.Consulting && customer.State == PartyState.Held
            && snapshot.Parties.Any(p => p.Role == PartyRole.ConsultTarget && p.State == PartyState.Held))
        {
            yield return "both legs held during a consultation";
        }

        if (state is InteractionState.Consulting or InteractionState.Conferenced
            && snapshot.Parties.Any(p => p.Role == PartyRole.ConferenceMember && p.IsPresent && p.State != customer.State))
        {
            yield return $"a conference member not on the contact's leg in {state}";
        }

        if (state == InteractionState.Consulting && interaction.Media != MediaType.Chat
            && customer.State == PartyState.Connected && snapshot.Parties.Any(p => p.Role == PartyRole.ConsultTarget && p.State == PartyState.Connected))
        {
            yield return "voice consultation with both legs connected";
        }
    }
}
