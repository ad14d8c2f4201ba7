using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// Thrown when an interaction refuses a command. A refused command changes nothing: state, parties,
/// data, notes and events are exactly as before.
/// </summary>
public sealed class InteractionCommandRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="media">Its medium.</param>
    /// <param name="state">The state it was in.</param>
    /// <param name="command">The refused command.</param>
    /// <param name="permittedCommands">The commands it accepted at that moment.</param>
    /// <param name="refusal">Why the command was refused.</param>
    public InteractionCommandRefusedException(
        InteractionId interactionId,
        MediaType media,
        InteractionState state,
        InteractionCommand command,
        IReadOnlyList<InteractionCommand> permittedCommands,
        InteractionRefusal refusal)
        : base(FormatMessage(media, state, command, permittedCommands, refusal))
    {
        InteractionId = interactionId;
        Media = media;
        State = state;
        Command = command;
        PermittedCommands = permittedCommands ?? [];
        Refusal = refusal ?? throw new ArgumentNullException(nameof(refusal));
    }

    /// <summary>The interaction.</summary>
    public InteractionId InteractionId { get; }

    /// <summary>The interaction's medium.</summary>
    public MediaType Media { get; }

    /// <summary>The state the interaction was in.</summary>
    public InteractionState State { get; }

    /// <summary>The refused command.</summary>
    public InteractionCommand Command { get; }

    /// <summary>The commands the interaction accepted at that moment.</summary>
    public IReadOnlyList<InteractionCommand> PermittedCommands { get; }

    /// <summary>Why the command was refused.</summary>
    public InteractionRefusal Refusal { get; }

    private static string FormatMessage(
        MediaType media, InteractionState state, InteractionCommand command, IReadOnlyList<InteractionCommand>? permitted, InteractionRefusal? refusal)
    {
        string list = permitted is { Count: > 0 } ? string.Join(", ", permitted.Select(static c => c.ToString())) : "none";
        return $"{command} is refused on this {media} interaction in state {state} ({refusal?.Reason}): {refusal?.Message} Permitted now: {list}.";
    }
}
