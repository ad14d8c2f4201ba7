using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Interactions;

/// <summary>
/// A centre's policy for interactions: the configured disposition codes and whether one is mandatory
/// before Mark done, auto-accept, and the time source. Immutable; share one instance between interactions.
/// </summary>
public sealed record InteractionOptions
{
    private readonly IReadOnlyList<string> _dispositions = [];
    private HashSet<string> _dispositionSet = new(StringComparer.Ordinal);

    /// <summary>The defaults: no disposition codes, disposition optional, no auto-accept, the system clock.</summary>
    public static InteractionOptions Default { get; } = new();

    /// <summary>
    /// The disposition codes agents may choose from (compared ordinally, case-sensitive). When empty,
    /// <see cref="InteractionCommand.SetDisposition"/> is refused for every code.
    /// </summary>
    public IReadOnlyList<string> Dispositions
    {
        get => _dispositions;
        init
        {
            var codes = (value ?? throw new ArgumentNullException(nameof(value))).ToArray();
            if (codes.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException("Disposition codes must not be empty.", nameof(value));
            }

            _dispositions = Array.AsReadOnly(codes);

            // A new set, never a mutation: 'with' copies share the previous one.
            _dispositionSet = new HashSet<string>(codes, StringComparer.Ordinal);
        }
    }

    /// <summary>Whether <see cref="InteractionCommand.MarkDone"/> is refused until a disposition is set.</summary>
    public bool DispositionRequired { get; init; }

    /// <summary>Whether offers are accepted without the agent's click, after <see cref="AutoAcceptDelay"/>.</summary>
    public bool AutoAccept { get; init; }

    /// <summary>
    /// How long after creation an offer is auto-accepted (through <see cref="TimeSource"/>; zero means as soon
    /// as the scheduler runs). Ignored unless <see cref="AutoAccept"/>.
    /// </summary>
    public Duration AutoAcceptDelay { get; init; } = Duration.Zero;

    /// <summary>The clock that stamps events and runs the auto-accept timer.</summary>
    public ITimeSource TimeSource { get; init; } = SystemTimeSource.Instance;

    /// <summary>Whether <paramref name="code"/> is one of the configured disposition codes.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when configured.</returns>
    public bool IsValidDisposition(string? code) => code is not null && _dispositionSet.Contains(code);
}

/// <summary>What an interaction is created with.</summary>
/// <param name="Media">The medium.</param>
/// <param name="Direction">Inbound, outbound or internal.</param>
/// <param name="CustomerAddress">The contact's phone number, email address or chat handle (personal data).</param>
public sealed record InteractionSpec(MediaType Media, InteractionDirection Direction, string CustomerAddress)
{
    /// <summary>The interaction's id; a new one when null.</summary>
    public InteractionId? Id { get; init; }

    /// <summary>The agent's address (agent id or extension).</summary>
    public string AgentAddress { get; init; } = "agent";

    /// <summary>
    /// Whether the interaction starts as an offer to accept or reject. When null: inbound and internal
    /// interactions are offered, outbound ones start owned by the agent (voice-like media: <see cref="InteractionState.Idle"/>
    /// before dialling; email: <see cref="InteractionState.Working"/>, composing; SMS: <see cref="InteractionState.Idle"/>).
    /// An offered outbound-campaign call is one the dialer already connected (progressive, predictive).
    /// </summary>
    public bool? IsOffer { get; init; }

    /// <summary>Attached data (account number, service type...): set by the host or routing, read-only to the agent.</summary>
    public IReadOnlyDictionary<string, string>? AttachedData { get; init; }

    /// <summary>Custom data: its keys are fixed here for the interaction's whole life; values are editable.</summary>
    public IReadOnlyDictionary<string, string>? CustomData { get; init; }
}
