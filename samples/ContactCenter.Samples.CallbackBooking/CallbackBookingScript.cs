using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using ContactCenter.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace ContactCenter.Samples.CallbackBooking;

/// <summary>
/// A customer in New York asks a centre in Paris to call back. The agent's desk shows the week's callback slots
/// in the customer's time, full slots greyed; the customer takes the last seat of a slot while a second customer,
/// on another desk, tries the same seat and is offered alternatives; a callback is scheduled for the slot and, in
/// virtual time, becomes due at the slot's start and is offered to an agent. Last, the compliance checker explains
/// why a sales call to the same number at 21:30 would be refused. The host keeps bookings and callbacks in SQLite
/// (<c>AddContactCenter().UseSqlite(...)</c>): a second run on the same data folder finds them.
/// </summary>
/// <remarks>
/// The week is chosen for its trap: Europe left summer time on Sunday 25 October 2026 and the US leaves it on
/// Sunday 1 November, so for one week Paris is 5 hours ahead of New York instead of 6. Everything is computed from
/// instants and the tz database, so the grid is right without any special case. The run is deterministic: "now" is
/// a virtual clock, nothing is random, and everything is formatted culture-invariantly.
/// </remarks>
public static class CallbackBookingScript
{
    /// <summary>The customer's number. Personal data: the desk never prints it in clear.</summary>
    public const string CustomerNumber = "+1 212 555 0142";

    /// <summary>The agent who takes callbacks.</summary>
    public const string AgentId = "alice";

    /// <summary>The booking id of the customer's seat; a folder whose store holds it was used by an earlier run.</summary>
    public const string CustomerBookingId = "cb-customer-1";

    /// <summary>
    /// Runs the whole script on the SQLite store in <paramref name="dataFolder"/>, printing it to <paramref name="output"/>.
    /// Bookings and the callback are written to the store before the desk shows them. When the folder holds an earlier
    /// run's bookings, prints what the store kept (the bookings, and the callback as recovery restored it) instead, and
    /// returns <see langword="null"/>.
    /// </summary>
    /// <param name="output">Where the grid and the log are written.</param>
    /// <param name="dataFolder">The folder of the database file (<c>contactcenter.db</c>), created when missing.</param>
    /// <param name="useAnsiColours">Whether to grey full slots with ANSI colours (for a real terminal) rather than plain text.</param>
    /// <returns>What the script did, for checking it; <see langword="null"/> after an earlier run's report.</returns>
    /// <exception cref="InvalidOperationException">Something did not go as scripted.</exception>
    public static async Task<CallbackBookingRun?> RunAsync(TextWriter output, string dataFolder, bool useAnsiColours = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);

        // One virtual clock: "now" is Monday 26 October 2026, 10:30 in New York. In production, leave the system
        // clock; here the clock moves only when the script says so. The host keeps its data in SQLite: it opens the
        // file and recovers what it holds when it starts.
        var start = Instant.FromUtc(2026, 10, 26, 14, 30);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddContactCenter()
            .UseVirtualTime(start)
            .UseSqlite(Path.Combine(dataFolder, SqliteDataFolder.DatabaseFileName));
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);

        var time = host.Services.GetRequiredService<VirtualTimeSource>();
        var store = host.Services.GetRequiredService<IContactCenterStore>();
        var book = host.Services.GetRequiredService<DurableSlotBook>();
        var callbacks = host.Services.GetRequiredService<DurableCallbacks>();
        var query = CreateQuery();
        var text = new DeskText(output, query.CentreZone, query.CustomerZone);

        if (await store.Bookings.FindAsync(CustomerBookingId).ConfigureAwait(false) is not null)
        {
            await PrintEarlierRunAsync(text, store, host.Services.GetRequiredService<ContactCenterRecoveryState>().Report!).ConfigureAwait(false);
            await host.StopAsync().ConfigureAwait(false);
            return null;
        }

        // The book already holds the callbacks other customers booked this week.
        var earlierBookings = await BookEarlierCallbacksAsync(query, book, store, time.Now).ConfigureAwait(false);

        // ----- The grid on the agent's desk -----------------------------------------------------------------
        var grid = host.Services.GetRequiredService<SlotCalculator>().Calculate(query, book);
        text.Header(query, grid, time.Now);
        SlotGrid.Print(output, query, grid, useAnsiColours);

        // ----- Two customers, one seat ----------------------------------------------------------------------
        // Both desks show the same grid; the customer picks a slot with one seat left, and a second customer, on
        // another desk, clicks the same slot at the same instant. The store reserves a seat atomically ("one more if
        // fewer than capacity"), so with real concurrent clicks, on one host or several, exactly one wins; the loser
        // changes nothing and gets the nearest free slots instead. "Booked" is shown once the seat is on disk.
        var contact = new ContactNumber(PhoneNumber.Parse(CustomerNumber), PhoneNumberType.Mobile, LocalTimeRange.Parse("09:00-19:00"));
        var lastSeat = grid.Slots.First(static slot => slot.Remaining == 1 && slot.Total > 1);
        text.Section($"Booking the last seat of {text.Slot(lastSeat)}");
        var booked = await book.TryBookAsync(query, lastSeat.Start, CustomerBookingId, time.Now).ConfigureAwait(false);
        var refused = await book.TryBookAsync(query, lastSeat.Start, "cb-customer-2", time.Now).ConfigureAwait(false);
        text.Booking("customer 1", booked);
        text.Booking("customer 2, on another desk, same slot, same instant", refused);
        if (!booked.Succeeded || refused.Status != SlotBookingStatus.Full || refused.Alternatives.Count == 0)
        {
            throw new InvalidOperationException($"The race for the last seat did not go as scripted: {booked.Status}, {refused.Status}.");
        }

        // ----- The callback ---------------------------------------------------------------------------------
        var (callback, callbackEvents, dispatchEvents) = await CallBackAsync(
            text, time, callbacks, host.Services.GetRequiredService<CallbackDispatcher>(), contact, query.CustomerZone, booked.Booking!).ConfigureAwait(false);

        // ----- Compliance -----------------------------------------------------------------------------------
        var lateSolicitation = CheckCompliance(text, contact.Number, callback.DueAt);

        text.Section("Kept in the store");
        text.Raw($"  {(await store.Bookings.ListAsync(new Interval(null, null)).ConfigureAwait(false)).Count} bookings and the callback for {callback.Subject} ({callback.State}) are in contactcenter.db in the data folder.");
        text.Raw("  Run the sample again on the same folder: it finds them there instead of booking again.");

        await host.StopAsync().ConfigureAwait(false);
        return new CallbackBookingRun(query, grid, earlierBookings, booked, refused, callback, callbackEvents, dispatchEvents, lateSolicitation);
    }

    /// <summary>What a run on a folder used before finds: the bookings kept, and the callback as recovery restored it.</summary>
    private static async Task PrintEarlierRunAsync(DeskText text, IContactCenterStore store, RecoveryReport report)
    {
        var bookings = await store.Bookings.ListAsync(new Interval(null, null)).ConfigureAwait(false);
        text.Raw("This data folder holds an earlier run: the store kept its bookings and its callback");
        var customer = bookings.Single(static b => b.Id == CustomerBookingId);
        text.Raw($"  {bookings.Count} bookings, among them {customer.Id} for {text.Range(new Interval(customer.SlotStart, customer.SlotStart + customer.Length))}");
        foreach (var callback in report.Callbacks)
        {
            string restored = report.CallbacksInSession.Contains(callback) ? "left for a person to finish (an agent held it when the host stopped)" : "restored";
            text.Raw($"  the callback for {callback.Subject}: {callback.State}, {restored}");
        }

        text.Raw("  To book again from an empty store, run with --data <another folder> (or delete this one).");
    }

    /// <summary>
    /// The search: the centre's hours in Paris, the customer's reachable hours in New York, the legal window, the
    /// capacity, seven days ahead, at least two hours' notice, full slots listed so that the desk can grey them.
    /// </summary>
    private static SlotQuery CreateQuery()
    {
        // The centre (Paris time): weekdays 08:00-20:00 and Saturday morning. On Thursday 29 October it closes at
        // 17:00 for a team meeting: a one-day override. Its public holidays come from the French calendar.
        var centreHours = WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-20:00"))
            .With(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("09:00-13:00"));
        var week = Enumerable.Range(0, 8).Select(static day => new LocalDate(2026, 10, 26).PlusDays(day));

        // The customer (New York time): weekdays 09:00-19:00, and early on Saturday, 07:00-12:00.
        var reachable = WeeklyHours.Weekdays(LocalTimeRange.Parse("09:00-19:00"))
            .With(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("07:00-12:00"));

        return SlotQuery.Create("Europe/Paris", centreHours, "America/New_York") with
        {
            Holidays = [.. week.Where(FrenchPublicHolidays.Instance.IsHoliday)],
            Overrides = new Dictionary<LocalDate, IReadOnlyList<LocalTimeRange>>
            {
                [new LocalDate(2026, 10, 29)] = [LocalTimeRange.Parse("08:00-17:00")],
            },
            CustomerWindows = reachable,

            // A house rule: callbacks keep to the US federal calling hours (08:00-21:00, the customer's time), although
            // a callback the customer asked for is not a telephone solicitation.
            LegalPolicies = [CallingWindowPolicies.UsFederal],

            // Seats per slot, read on the centre's clock: two agents take callbacks, one after 18:00 and on Fridays.
            Capacity = SlotCapacity.PerWeekdayAndHour(static (day, hour) => day == IsoDayOfWeek.Friday || hour >= 18 ? 1 : 2),
            SlotLength = Duration.FromMinutes(30),
            HorizonDays = 7,
            MinimumNotice = Duration.FromHours(2),
            ReportFullSlots = true,
        };
    }

    /// <summary>The callbacks other customers booked earlier (customer-local start, number of bookings).</summary>
    private static async Task<List<SlotBooking>> BookEarlierCallbacksAsync(SlotQuery query, DurableSlotBook book, IContactCenterStore store, Instant now)
    {
        (LocalDateTime Start, int Count)[] earlier =
        [
            (new LocalDateTime(2026, 10, 26, 13, 0), 1),
            (new LocalDateTime(2026, 10, 27, 9, 0), 2),
            (new LocalDateTime(2026, 10, 27, 9, 30), 2),
            (new LocalDateTime(2026, 10, 27, 11, 0), 1),
            (new LocalDateTime(2026, 10, 28, 14, 0), 1),
            (new LocalDateTime(2026, 10, 29, 10, 0), 2),
            (new LocalDateTime(2026, 10, 30, 9, 0), 1),
            (new LocalDateTime(2026, 10, 30, 11, 30), 1),
        ];

        int number = 0;
        foreach (var (start, count) in earlier)
        {
            for (int i = 0; i < count; i++)
            {
                string id = FormattableString.Invariant($"cb-earlier-{++number:00}");
                var result = await book.TryBookAsync(query, start.InZoneStrictly(query.CustomerZone).ToInstant(), id, now).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"An earlier booking was refused: {result.Explanation}");
                }
            }
        }

        return [.. await store.Bookings.ListAsync(new Interval(null, null)).ConfigureAwait(false)];
    }

    /// <summary>
    /// Schedules the callback for the booked slot — written to the store before the desk shows it — and lets virtual
    /// time run to it: the callback becomes due at the slot's start and the dispatcher offers it to the agent, who
    /// accepts; the host then writes the accepted callback.
    /// </summary>
    private static async Task<(Callback Callback, List<CallbackEvent> CallbackEvents, List<CallbackDispatchEvent> DispatchEvents)> CallBackAsync(
        DeskText text, VirtualTimeSource time, DurableCallbacks callbacks, CallbackDispatcher dispatcher, ContactNumber contact, DateTimeZone customerZone, SlotBooking booking)
    {
        text.Section("The callback, in virtual time (New York / Paris)");

        // Alice's assignment includes callbacks: without AgentFeatures.Callbacks the dispatcher never offers her one.
        var alice = new Agent(AgentId, new AgentOptions { Features = AgentFeatures.Callbacks }, time);
        var callbackEvents = new List<CallbackEvent>();
        var dispatchEvents = new List<CallbackDispatchEvent>();
        using var agentLog = alice.Events.Subscribe(text.Print);
        using var dispatchLog = dispatcher.Events.Subscribe(e =>
        {
            dispatchEvents.Add(e);
            text.Print(e);
        });

        alice.LogIn();
        alice.SetReady();
        dispatcher.RegisterAgent(alice);

        // Due at the slot's start, and only during the slot: nobody free by 11:30 means the callback fails
        // (WindowExpired) rather than ringing the customer outside the time they chose. CreateAsync returns once the
        // callback is on disk.
        var slot = new Interval(booking.SlotStart, booking.SlotStart + booking.Length);
        var callback = await callbacks.CreateAsync(
            new ScheduledCallbackRequest(contact, booking.SlotStart)
            {
                Id = new CallbackId(new Guid(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), // the host's own id; fixed here
                Window = slot,
                CustomerZone = customerZone, // shown to the agent in the customer's time
                Subject = booking.Id,
            }).ConfigureAwait(false);
        using var callbackLog = callback.Events.Subscribe(e =>
        {
            callbackEvents.Add(e);
            text.Print(e);
        });
        text.Line(time.Now, "callback", $"scheduled for {text.Range(slot)}, number {contact.Number}; written to the store");
        dispatcher.Add(callback); // from now on the dispatcher follows it: queues it when due, offers it

        // Nothing happens until the slot starts. Then the due timer fires, and the dispatcher offers it to alice.
        text.Line(booking.SlotStart, "script", "virtual time runs to the slot's start: the callback's due timer fires");
        time.AdvanceTo(booking.SlotStart);

        text.Line(booking.SlotStart + Duration.FromSeconds(4), "script", $"{AgentId} clicks Accept on the callback offer");
        time.AdvanceBy(Duration.FromSeconds(4));
        alice.AcceptOffer(); // the dispatcher accepts the callback for her

        if (callback.State != CallbackState.Accepted)
        {
            throw new InvalidOperationException($"The callback was not offered to {AgentId} as scripted: {callback}.");
        }

        // The dispatcher moved the callback in memory; the host writes where it stands (a command that changes nothing
        // writes the callback as it is), so that a restart finds it accepted rather than scheduled.
        await callbacks.ExecuteAsync(callback.Id, static _ => { }).ConfigureAwait(false);
        text.Line(time.Now, "callback", $"written to the store: {callback.State}, version {callbacks.VersionOf(callback.Id)}");
        dispatcher.UnregisterAgent(AgentId);

        return (callback, callbackEvents, dispatchEvents);
    }

    /// <summary>
    /// What the compliance checker says about the customer's number: a sales call at 21:30, their time, is refused,
    /// and the explanation says why and when the next window opens; the callback they asked for is allowed.
    /// </summary>
    private static DialDecision CheckCompliance(DeskText text, PhoneNumber number, Instant callbackAt)
    {
        var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, new InMemoryDoNotCallList(), new InMemoryCallHistory());
        var evening = new LocalDateTime(2026, 10, 27, 21, 30).InZoneStrictly(text.CustomerZone).ToInstant();

        text.Section("Dialing compliance for the same number");
        var sales = compliance.Check(new DialRequest(number, CallPurpose.Solicitation), evening);
        var requested = compliance.Check(new DialRequest(number, CallPurpose.RequestedCallback), callbackAt);
        text.Decision($"a sales call at {text.Time(evening)}", sales);
        text.Decision($"the callback at {text.Time(callbackAt)}", requested);
        if (sales.IsDialable || !requested.IsDialable)
        {
            throw new InvalidOperationException($"Unexpected compliance decisions: {sales.Explanation}; {requested.Explanation}");
        }

        return sales;
    }
}
