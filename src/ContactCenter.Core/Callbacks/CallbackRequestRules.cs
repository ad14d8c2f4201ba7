using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Callbacks;

/// <summary>The checks of a callback request and of a reschedule, with messages that name the field at fault.</summary>
internal static class CallbackRequestRules
{
    /// <summary>
    /// Validates <paramref name="request"/>: returns why it is invalid, or null with its due instant, window and original
    /// enqueue instant (voice messages) in <paramref name="result"/>.
    /// </summary>
    public static string? Validate(CallbackRequest request, Instant now, out (Instant DueAt, Interval? Window, Instant? Anchor) result)
    {
        result = default;
        string? error = CheckCommon(request) ?? request switch
        {
            AsapCallbackRequest => null,
            ScheduledCallbackRequest scheduled => CheckWindowContains(scheduled.Window, scheduled.DueAt),
            WebCallbackRequest web => CheckWebWindow(web.Window, now),
            VoiceMessageCallbackRequest voice when voice.EnqueuedAt > now => $"EnqueuedAt must not be in the future (was {voice.EnqueuedAt}; now is {now}).",
            VoiceMessageCallbackRequest => null,
            CampaignCallbackRequest campaign when string.IsNullOrWhiteSpace(campaign.CampaignId) => "CampaignId must not be blank.",
            CampaignCallbackRequest campaign => CheckWindowContains(campaign.Window, campaign.DueAt),
            _ => $"{request.GetType().Name} is not a known callback request.",
        };
        if (error is not null)
        {
            return "Invalid callback request: " + error;
        }

        result = request switch
        {
            ScheduledCallbackRequest scheduled => (scheduled.DueAt, scheduled.Window, null),
            WebCallbackRequest web => (web.Window.Start > now ? web.Window.Start : now, web.Window, null),
            VoiceMessageCallbackRequest voice => (now, null, voice.EnqueuedAt),
            CampaignCallbackRequest campaign => (campaign.DueAt, campaign.Window, null),
            _ => (now, null, null),
        };
        return null;
    }

    /// <summary>Resolves a reschedule against the callback's current schedule and the centre's forced ownership.</summary>
    public static CallbackCommandRefusal? Resolve(
        CallbackMachineContext context, CallbackCommand command, CallbackState state, CallbackReschedule reschedule, out CallbackSchedule? schedule)
    {
        schedule = null;
        var now = context.Time.Now;
        if (reschedule.At < now)
        {
            return refuse($"The new instant {reschedule.At} is in the past (now is {now}).");
        }

        if (reschedule.Window is { } window && !window.Contains(reschedule.At))
        {
            return refuse($"The window {window} does not contain the new instant {reschedule.At}.");
        }

        var number = reschedule.Number ?? context.Schedule.Number;
        if (number.Number == default || !EnumCheck.IsDefined(number.Type))
        {
            return refuse("The new number holds no phone number, or its type is undefined.");
        }

        var forced = context.Options.ForcedOwnership;
        var ownership = reschedule.Ownership;
        if (ownership is not null && forced is { } kind && ownership.Kind != kind)
        {
            return new(command, state, CallbackRefusalReason.OwnershipForced,
                $"The centre makes every rescheduled callback {kind}; {ownership.Kind} is not available.");
        }

        ownership ??= (forced, context.Schedule.Ownership) switch
        {
            (CallbackOwnershipKind.Shared, _) => CallbackOwnership.Shared,
            (CallbackOwnershipKind.Personal, { IsPersonal: true } current) => current,
            (CallbackOwnershipKind.Personal, _) when context.CurrentOffer is { } offer => CallbackOwnership.Personal(offer.AgentId),
            (CallbackOwnershipKind.Personal, _) => null,
            (_, var current) => current,
        };
        if (ownership is null)
        {
            return refuse("The centre makes every rescheduled callback personal, and no agent holds this one: name the agent with Ownership.");
        }

        schedule = new CallbackSchedule(reschedule.At, reschedule.Window, number, ownership);
        return null;

        CallbackCommandRefusal refuse(string text) => new(command, state, CallbackRefusalReason.InvalidArgument, text);
    }

    private static string? CheckCommon(CallbackRequest request)
    {
        if (request.Number is null || request.Number.Number == default)
        {
            return "Number must hold a phone number.";
        }

        if (!EnumCheck.IsDefined(request.Number.Type))
        {
            return $"Number.Type {request.Number.Type} is not a defined number type.";
        }

        if (request.Ownership is null)
        {
            return "Ownership must not be null (use CallbackOwnership.Shared).";
        }

        return request.PreferredAgentId is { } preferred && string.IsNullOrWhiteSpace(preferred)
            ? "PreferredAgentId must not be blank (use null for no preferred agent)."
            : null;
    }

    private static string? CheckWebWindow(Interval window, Instant now)
    {
        if (!window.HasStart || !window.HasEnd)
        {
            return "Window of a web callback must have a start and an end.";
        }

        if (window.Start >= window.End)
        {
            return $"Window must end after it starts (was {window}).";
        }

        return window.End <= now ? $"Window is already over (it ended at {window.End}; now is {now})." : null;
    }

    private static string? CheckWindowContains(Interval? window, Instant dueAt) =>
        window is { } w && !w.Contains(dueAt) ? $"Window {w} must contain DueAt {dueAt}." : null;
}
