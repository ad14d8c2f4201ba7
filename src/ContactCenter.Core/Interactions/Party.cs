namespace ContactCenter.Core.Interactions;

/// <summary>One participant of an interaction, with its own state. Immutable: a change produces a new value.</summary>
/// <param name="Id">The party's identifier, unique within the interaction.</param>
/// <param name="Role">The party's role.</param>
/// <param name="Address">Phone number, agent id, email address or chat handle. Personal data: redacted by <see cref="ToString"/>.</param>
/// <param name="State">The party's state.</param>
public sealed record Party(PartyId Id, PartyRole Role, string Address, PartyState State)
{
    /// <summary>Whether the party is still part of the interaction (any state but <see cref="PartyState.Disconnected"/>).</summary>
    public bool IsPresent => State != PartyState.Disconnected;

    /// <summary>Describes the party without its address, which is personal data.</summary>
    /// <returns>The id, role and state.</returns>
    public override string ToString() => $"{Id} {Role} {State} (address redacted)";

    internal Party With(PartyState state) => state == State ? this : this with { State = state };
}

/// <summary>A note kept in the contact history.</summary>
/// <param name="Text">The text.</param>
/// <param name="Kind">Written by the agent, or appended automatically.</param>
/// <param name="At">When it was added.</param>
public sealed record Note(string Text, NoteKind Kind, NodaTime.Instant At);

/// <summary>An open consultation.</summary>
/// <param name="Kind">Whether it prepares a transfer or a conference.</param>
/// <param name="Target">The consulted party.</param>
/// <param name="Reason">The reason given (appended as a note when a transfer completes), if any.</param>
public sealed record Consultation(ConsultationKind Kind, PartyId Target, string? Reason);

/// <summary>Why a command is refused now: the answer of <see cref="Interaction.WhyNot"/>.</summary>
/// <param name="Reason">The kind of reason.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record InteractionRefusal(InteractionRefusalReason Reason, string Message);
