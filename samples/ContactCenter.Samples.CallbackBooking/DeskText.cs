using System;
using System.Globalization;
using System.IO;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Scheduling;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace ContactCenter.Samples.CallbackBooking;

/// <summary>
/// How the desk writes things: times in the customer's zone first, then the centre's; culture-invariant NodaTime
/// patterns only (never the machine's culture or zone); phone numbers only through <c>PhoneNumber</c>, whose text is
/// redacted.
/// </summary>
internal sealed class DeskText
{
    private static readonly LocalDatePattern s_day = LocalDatePattern.CreateWithInvariantCulture("ddd dd MMM");
    private static readonly LocalDatePattern s_longDay = LocalDatePattern.CreateWithInvariantCulture("dddd uuuu'-'MM'-'dd");
    private static readonly LocalTimePattern s_clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern s_seconds = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");
    private static readonly OffsetPattern s_offset = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    private readonly TextWriter _output;

    public DeskText(TextWriter output, DateTimeZone centreZone, DateTimeZone customerZone)
    {
        _output = output;
        CentreZone = centreZone;
        CustomerZone = customerZone;
    }

    public DateTimeZone CentreZone { get; }

    public DateTimeZone CustomerZone { get; }

    /// <summary>"America/New_York" is "New York" on the desk.</summary>
    public static string City(DateTimeZone zone) => zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ');

    public static string Day(LocalDate date) => s_day.Format(date);

    public static string Clock(LocalTime time) => s_clock.Format(time);

    /// <summary>What the search is about, and the week's unusual offset between the two zones.</summary>
    public void Header(SlotQuery query, SlotSearchResult grid, Instant now)
    {
        string centre = City(CentreZone);
        string customer = City(CustomerZone);
        var centreClock = CentreZone.GetZoneInterval(now);
        var customerClock = CustomerZone.GetZoneInterval(now);
        var ahead = centreClock.WallOffset - customerClock.WallOffset;
        var usually = centreClock.StandardOffset - customerClock.StandardOffset;

        _output.WriteLine($"Callback slots: a customer in {customer} books a callback with a centre in {centre}");
        Row("now", $"{s_longDay.Format(now.InZone(CustomerZone).Date)} {Clock(now, CustomerZone)} in {customer}, {Clock(now, CentreZone)} in {centre}");
        Row(centre, Regime(CentreZone, centreClock));
        Row(customer, Regime(CustomerZone, customerClock));

        // The two regions change their clocks on different Sundays: for a week the usual gap is one hour shorter.
        Row("this week", ahead == usually
            ? $"{centre} is {Hours(ahead)} ahead of {customer}"
            : $"{centre} is {Hours(ahead)} ahead of {customer}, not {Hours(usually)} as usual: the two change their clocks on different dates");
        Row("search", Invariant($"{query.HorizonDays} days from {s_longDay.Format(grid.CustomerToday)}, {query.SlotLength.TotalMinutes:0}-minute slots, at least {query.MinimumNotice.TotalHours:0.##} h notice, house rule: {string.Join(", ", query.LegalPolicies.Select(static p => p.Name))} calling hours"));
        Row("tz database", grid.TzdbVersion);
    }

    /// <summary>A titled part of the script, after a blank line.</summary>
    public void Section(string title)
    {
        _output.WriteLine();
        _output.WriteLine(title);
    }

    /// <summary>Formats as <c>Tue 27 Oct 11:00-11:30 New York (16:00-16:30 Paris), 1 of 2 free</c>.</summary>
    public string Slot(Slot slot)
    {
        string seats = slot.IsFull ? "full" : Invariant($"{slot.Remaining} of {slot.Total} free");
        return $"{Range(new Interval(slot.Start, slot.End))}, {seats}";
    }

    /// <summary>Formats as <c>Tue 27 Oct 11:00-11:30 New York (16:00-16:30 Paris)</c>.</summary>
    public string Range(Interval range) =>
        $"{Day(range.Start.InZone(CustomerZone).Date)} {Clock(range.Start, CustomerZone)}-{Clock(range.End, CustomerZone)} {City(CustomerZone)}" +
        $" ({Clock(range.Start, CentreZone)}-{Clock(range.End, CentreZone)} {City(CentreZone)})";

    /// <summary>Formats as <c>Tue 27 Oct 21:30 New York</c>.</summary>
    public string Time(Instant instant) => $"{Day(instant.InZone(CustomerZone).Date)} {Clock(instant, CustomerZone)} {City(CustomerZone)}";

    /// <summary>The outcome of a booking and, when refused, why and what the desk offers instead.</summary>
    public void Booking(string who, SlotBookingResult result)
    {
        _output.WriteLine(result.Succeeded ? $"  {who}: {result.Status}, booking {result.Booking!.Id}" : $"  {who}: {result.Status}");
        if (!result.Succeeded)
        {
            _output.WriteLine($"    {result.Explanation}");
            _output.WriteLine("    alternatives offered:");
            foreach (var alternative in result.Alternatives)
            {
                _output.WriteLine($"      {Slot(alternative)}");
            }
        }
    }

    /// <summary>A line as it is.</summary>
    public void Raw(string line) => _output.WriteLine(line);

    /// <summary>A compliance decision: what was asked, and the checker's one-sentence explanation.</summary>
    public void Decision(string what, DialDecision decision) => _output.WriteLine($"  {what}: {decision.Explanation}");

    /// <summary>One line of the event log: the time in both zones, the source, what happened.</summary>
    public void Line(Instant at, string source, string text) =>
        _output.WriteLine($"  {Day(at.InZone(CustomerZone).Date)} {Seconds(at, CustomerZone)} / {Seconds(at, CentreZone)}  {source,-10}{text}");

    public void Print(AgentEvent @event) => Line(@event.At, @event.AgentId, @event switch
    {
        AgentStateChanged e => $"state {e.Previous} -> {e.Current} ({e.Cause})",
        AgentInteractionStarted e => $"starts handling a {e.Interaction.Media} interaction",
        AgentOfferReserved e => $"reserved for a {e.Offer.Media} offer until {Seconds(e.Offer.ExpiresAt, CustomerZone)}",
        _ => @event.GetType().Name,
    });

    public void Print(CallbackEvent @event) => Line(@event.At, "callback", @event switch
    {
        CallbackStateChanged { EndReason: { } reason } e => $"state {e.Previous} -> {e.Current} ({e.Cause}, {reason})",
        CallbackStateChanged e => $"state {e.Previous} -> {e.Current} ({e.Cause})",
        CallbackOffered e => $"offered to {e.Offer.AgentId}",
        CallbackOfferEnded e => $"offer to {e.Offer.AgentId} ended: {e.Outcome}",
        _ => @event.GetType().Name,
    });

    public void Print(CallbackDispatchEvent @event) => Line(@event.At, "dispatch", @event switch
    {
        CallbackQueued e => $"callback queued (since {Clock(e.QueuedSince, CustomerZone)})",
        CallbackOfferedToAgent e => $"callback offered to {e.AgentId} (route {e.Route})",
        CallbackOfferReturned e => $"callback returned by {e.AgentId}: {e.Outcome}",
        CallbackAssigned e => $"callback assigned to {e.AgentId}",
        _ => @event.GetType().Name,
    });

    private void Row(string label, string value) => _output.WriteLine($"  {label,-12} {value}");

    private static string Regime(DateTimeZone zone, ZoneInterval clock)
    {
        string offset = "UTC" + s_offset.Format(clock.WallOffset);
        return clock.Savings != Offset.Zero && clock.HasEnd
            ? $"{offset}, summer time until {s_longDay.Format(clock.End.InZone(zone).Date)}"
            : clock.HasStart ? $"{offset}, standard time since {s_longDay.Format(clock.Start.InZone(zone).Date)}" : offset;
    }

    private static string Clock(Instant instant, DateTimeZone zone) => s_clock.Format(instant.InZone(zone).TimeOfDay);

    private static string Seconds(Instant instant, DateTimeZone zone) => s_seconds.Format(instant.InZone(zone).TimeOfDay);

    private static string Hours(Offset offset) => Invariant($"{offset.Seconds / 3600.0:0.##} h");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
