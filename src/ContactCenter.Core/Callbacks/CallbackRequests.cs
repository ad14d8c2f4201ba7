using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// What a callback is created from (<see cref="Callback.Create"/>): one record per <see cref="CallbackKind"/>,
/// with the data they share here.
/// </summary>
/// <param name="Number">The number to call, with its type and reachable hours.</param>
public abstract record CallbackRequest(ContactNumber Number)
{
    /// <summary>The kind of callback the request creates.</summary>
    public abstract CallbackKind Kind { get; }

    /// <summary>The callback's id (e.g. from a store); a new one when <see langword="null"/>.</summary>
    public CallbackId? Id { get; init; }

    /// <summary>What the callback is about, as shown to the agent.</summary>
    public string? Subject { get; init; }

    /// <summary>The customer's time zone, when known (to show the due instant in the customer's local time).</summary>
    public DateTimeZone? CustomerZone { get; init; }

    /// <summary>The agent offered the callback first, for <see cref="CallbackOptions.PreferredAgentTimeout"/>; <see langword="null"/> for none.</summary>
    public string? PreferredAgentId { get; init; }

    /// <summary>The queue the callback belongs to, passed to the agent's reservation (it selects the after-call work duration).</summary>
    public string? Queue { get; init; }

    /// <summary>Shared (default) or personal to one agent.</summary>
    public CallbackOwnership Ownership { get; init; } = CallbackOwnership.Shared;
}

/// <summary>A callback to make as soon as possible: due at once.</summary>
/// <param name="Number">The number to call.</param>
public sealed record AsapCallbackRequest(ContactNumber Number) : CallbackRequest(Number)
{
    /// <inheritdoc />
    public override CallbackKind Kind => CallbackKind.Asap;
}

/// <summary>A callback agreed for an instant: due then (at once when that instant has passed).</summary>
/// <param name="Number">The number to call.</param>
/// <param name="DueAt">When it becomes due.</param>
public sealed record ScheduledCallbackRequest(ContactNumber Number, Instant DueAt) : CallbackRequest(Number)
{
    /// <inheritdoc />
    public override CallbackKind Kind => CallbackKind.Scheduled;

    /// <summary>The instants at which the contact may be called, [start, end), containing <see cref="DueAt"/>; <see langword="null"/> for no limit.</summary>
    public Interval? Window { get; init; }
}

/// <summary>
/// A callback the customer asked for on a web page, for a window of time: due at the window's start (at once when it
/// has started), failed with <see cref="CallbackEndReason.WindowExpired"/> when the window ends before an agent takes it.
/// </summary>
/// <param name="Number">The number to call.</param>
/// <param name="Window">The window, [start, end); it must have both ends and must not be over.</param>
public sealed record WebCallbackRequest(ContactNumber Number, Interval Window) : CallbackRequest(Number)
{
    /// <inheritdoc />
    public override CallbackKind Kind => CallbackKind.Web;
}

/// <summary>
/// A voice message left by a caller waiting in a queue: due at once, queued at the caller's original position
/// (<paramref name="EnqueuedAt"/>, not the instant the message was left).
/// </summary>
/// <param name="Number">The number to call.</param>
/// <param name="EnqueuedAt">When the caller entered the queue; not in the future.</param>
public sealed record VoiceMessageCallbackRequest(ContactNumber Number, Instant EnqueuedAt) : CallbackRequest(Number)
{
    /// <inheritdoc />
    public override CallbackKind Kind => CallbackKind.VoiceMessage;

    /// <summary>Where the host keeps the recorded message (a URI or a key), for the agent to play; <see langword="null"/> when not given.</summary>
    public string? MessageReference { get; init; }
}

/// <summary>
/// A callback of an outbound campaign record, due at an instant; personal to the agent who scheduled it, or shared
/// with the campaign (<see cref="CallbackRequest.Ownership"/>): then any agent of the campaign may take it.
/// </summary>
/// <param name="Number">The number to call.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="DueAt">When it becomes due.</param>
public sealed record CampaignCallbackRequest(ContactNumber Number, string CampaignId, Instant DueAt) : CallbackRequest(Number)
{
    /// <inheritdoc />
    public override CallbackKind Kind => CallbackKind.Campaign;

    /// <summary>The instants at which the contact may be called, [start, end), containing <see cref="DueAt"/>; <see langword="null"/> for no limit.</summary>
    public Interval? Window { get; init; }
}
