using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>One line per event of the agent, the call and the callback, for the desk's log (no personal data: numbers are redacted).</summary>
internal static class DeskLog
{
    private static readonly DateTimeZone s_centre = TimeZoneIds.Resolve(CallbackDesk.CentreZoneId);
    private static readonly DateTimeZone s_customer = TimeZoneIds.Resolve(CallbackDesk.CustomerZoneId);

    public static string Describe(AgentEvent e) => "agent: " + e switch
    {
        AgentStateChanged c => $"{c.Previous} -> {c.Current}{(c.NotReadyReason is { } reason ? " (" + reason + ")" : string.Empty)} [{c.Cause}]",
        AgentOfferReserved r => $"reserved for call {r.Offer.InteractionId}, to answer by {DeskText.Seconds(r.Offer.ExpiresAt, s_centre)}",
        AgentOfferEnded o => $"offer {o.Outcome}",
        AgentInteractionStarted s => $"handles {s.Interaction.Media} call {s.Interaction.InteractionId}",
        AgentInteractionEnded x => $"call {x.Interaction.InteractionId} over for the agent",
        AfterCallWorkStarted w => $"after-call work until {DeskText.Seconds(w.EndsAt, s_centre)}",
        AfterCallWorkExtended w => $"after-call work extended ({DeskText.Number(w.Extensions)}) until {DeskText.Seconds(w.EndsAt, s_centre)}",
        DeferredIntentRequested i => $"{i.Intent.Kind} requested, when the current work ends",
        DeferredIntentResolved i => $"{i.Intent.Kind} {i.Intent.Status}",
        LogoutCountdownTicked t => $"logout in {DeskText.Number((int)t.Remaining.TotalSeconds)} s",
        _ => e.GetType().Name,
    };

    public static string Describe(InteractionEvent e) => "call: " + e switch
    {
        InteractionStateChanged c => $"{c.Previous} -> {c.Current} [{c.Cause}]",
        PartyChanged p => $"{p.Current.Id} {p.Current.Role} {(p.Previous is null ? "joins, " : p.Previous.State + " -> ")}{p.Current.State}",
        ConsultationChanged c => c.Current is { } open ? $"consultation for a {open.Kind} with {open.Target}" : "consultation closed",
        NoteAdded n => $"note added ({n.Note.Kind})",
        DispositionSet d => $"disposition {d.Current}",
        CallResultSet r => $"call result {r.Current}",
        DataChanged d => $"{d.Scope} data '{d.Key}' changed",
        DtmfSent d => $"DTMF sent ({DeskText.Number(d.Digits.Length)} characters{(d.IsMasked ? ", masked" : string.Empty)})",
        SecureModeChanged s => s.IsSecure ? "secure mode on" : "secure mode off",
        _ => e.GetType().Name,
    };

    public static string Describe(CallbackEvent e) => "callback: " + e switch
    {
        CallbackStateChanged c => $"{c.Previous} -> {c.Current}{(c.EndReason is { } reason ? " (" + reason + ")" : string.Empty)} [{c.Cause}]",
        CallbackRescheduled r => $"moved to {Due(r.Current.DueAt)}",
        CallbackReschedulePending p => $"reschedule to {Due(p.Schedule.DueAt)} pending until Mark done",
        _ => e.GetType().Name,
    };

    /// <summary>A due instant in the customer's time, then the centre's.</summary>
    public static string Due(Instant instant)
    {
        var customer = instant.InZone(s_customer);
        var centre = instant.InZone(s_centre);
        return $"{DeskText.Day(customer.Date)} {DeskText.Time(customer.TimeOfDay)} New York ({DeskText.Time(centre.TimeOfDay)} Paris)";
    }
}
