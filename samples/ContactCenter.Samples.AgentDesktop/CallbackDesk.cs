using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// The customer's callback and the slots it may move to. The centre is in Paris (weekdays 08:00-20:00, Saturday
/// morning), the customer in New York (reachable on weekdays 09:00-19:00), 30-minute slots with two seats (one from
/// 18:00, the centre's time), seven days ahead, two hours' notice. Other customers already booked some slots, so a few
/// are full; Saturday and Sunday have no slot, each for its own reason.
/// </summary>
public sealed class CallbackDesk
{
    /// <summary>The centre's zone.</summary>
    public const string CentreZoneId = "Europe/Paris";

    /// <summary>The customer's zone.</summary>
    public const string CustomerZoneId = "America/New_York";

    private readonly ITimeSource _time;
    private readonly SlotCalculator _slots;
    private readonly object _gate = new();
    private int _bookings;

    /// <summary>Creates the callback, booked in a slot of the first day after today, and the other customers' bookings.</summary>
    /// <param name="callbacks">Creates the callback with the centre's policy.</param>
    /// <param name="slots">Computes the grid.</param>
    /// <param name="book">Holds every customer's booking.</param>
    /// <param name="time">The engine's time source.</param>
    /// <param name="number">The customer's number.</param>
    public CallbackDesk(CallbackFactory callbacks, SlotCalculator slots, SlotBook book, ITimeSource time, PhoneNumber number)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        _slots = slots ?? throw new ArgumentNullException(nameof(slots));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Query = CreateQuery();
        Book = book ?? throw new ArgumentNullException(nameof(book));
        var grid = Grid();
        var days = grid.Slots.GroupBy(static s => s.CustomerLocal.Date).Select(static g => g.ToList()).ToList();
        if (days.Count < 2 || days[1].Count < 7)
        {
            throw new InvalidOperationException("The centre's hours leave too few slots for the desk's script.");
        }

        // Other customers: the 2nd and 3rd slots of the second day are full, the 5th has one seat left.
        var second = days[1];
        BookOthers(second[1], second[1].Remaining);
        BookOthers(second[2], second[2].Remaining);
        BookOthers(second[4], 1);

        var slot = second[6];
        BookingId = NextBookingId();
        var booked = Book.TryBook(Query, slot.Start, BookingId, time.Now);
        if (!booked.Succeeded)
        {
            throw new InvalidOperationException("The customer's first booking was refused: " + booked.Explanation);
        }

        Callback = callbacks.Create(
            new ScheduledCallbackRequest(new ContactNumber(number, PhoneNumberType.Mobile), slot.Start)
            {
                Id = new CallbackId(new Guid(7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                Window = new Interval(slot.Start, slot.End),
                CustomerZone = Query.CustomerZone,
                Subject = "Router replacement: confirm the delivery date",
                Queue = "support",
            });
    }

    /// <summary>The slot search (the centre's hours, the customer's zone and windows, capacity, horizon).</summary>
    public SlotQuery Query { get; }

    /// <summary>The bookings of every customer.</summary>
    public SlotBook Book { get; }

    /// <summary>The customer's callback.</summary>
    public Callback Callback { get; }

    /// <summary>The id of the customer's current booking in <see cref="Book"/>.</summary>
    public string BookingId { get; private set; }

    /// <summary>The slot grid now: every slot (full ones included) and the reason for each day without one.</summary>
    /// <returns>The grid.</returns>
    public SlotSearchResult Grid() => _slots.Calculate(Query, Book);

    /// <summary>
    /// Moves the callback to the slot starting at <paramref name="slotStart"/>: books a seat (atomically), reschedules
    /// the callback to the slot with <see cref="CallbackReschedule.ToSlot"/> (the slot is also its window), then frees
    /// the seat of the previous booking. A refusal changes nothing.
    /// </summary>
    /// <param name="slotStart">The slot's start.</param>
    /// <exception cref="DeskCommandException">The slot is not offered or is full (the message names alternatives).</exception>
    /// <exception cref="CallbackCommandRefusedException">The callback cannot be rescheduled now.</exception>
    public void Reschedule(Instant slotStart)
    {
        lock (_gate)
        {
            if (Callback.WhyNot(CallbackCommand.Reschedule) is { } refusal)
            {
                throw new CallbackCommandRefusedException(Callback.Id, refusal, Callback.PermittedCommands);
            }

            var now = _time.Now;
            string bookingId = NextBookingId();
            var result = Book.TryBook(Query, slotStart, bookingId, now);
            if (!result.Succeeded)
            {
                string alternatives = string.Join(", ", result.Alternatives.Select(s => DeskText.CustomerSlot(s.CustomerLocal)));
                throw new DeskCommandException(409, "callback", "Reschedule",
                    result.Explanation + (alternatives.Length > 0 ? " Nearest free slots: " + alternatives + "." : string.Empty));
            }

            var slot = _slots.Calculate(Query, Book).Slots.First(s => s.Start == slotStart);
            try
            {
                Callback.Reschedule(CallbackReschedule.ToSlot(slot, withinSlot: true));
            }
            catch (CallbackCommandRefusedException)
            {
                Book.Cancel(bookingId);
                throw;
            }

            Book.Cancel(BookingId);
            BookingId = bookingId;
        }
    }

    /// <summary>The start of the customer's current booking, or <see langword="null"/> when the callback lost it (cancelled).</summary>
    /// <returns>The instant.</returns>
    public Instant? BookedSlotStart() => Book.TryGetBooking(BookingId, out var booking) ? booking.SlotStart : null;

    /// <summary>Cancels the callback and frees its seat.</summary>
    /// <exception cref="CallbackCommandRefusedException">The callback cannot be cancelled now.</exception>
    public void Cancel()
    {
        lock (_gate)
        {
            Callback.Cancel();
            Book.Cancel(BookingId);
        }
    }

    private static SlotQuery CreateQuery()
    {
        var centreHours = WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-20:00"))
            .With(IsoDayOfWeek.Saturday, LocalTimeRange.Parse("09:00-13:00"));
        return SlotQuery.Create(CentreZoneId, centreHours, CustomerZoneId) with
        {
            CustomerWindows = WeeklyHours.Weekdays(LocalTimeRange.Parse("09:00-19:00")),
            LegalPolicies = [CallingWindowPolicies.UsFederal],
            Capacity = SlotCapacity.PerWeekdayAndHour(static (_, hour) => hour >= 18 ? 1 : 2),
            SlotLength = Duration.FromMinutes(30),
            HorizonDays = 7,
            MinimumNotice = Duration.FromHours(2),
            ReportFullSlots = true,
        };
    }

    private void BookOthers(Slot slot, int seats)
    {
        for (int i = 0; i < seats; i++)
        {
            var result = Book.TryBook(Query, slot.Start, "other-" + (++_bookings).ToString(CultureInfo.InvariantCulture), _time.Now);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Another customer's booking was refused: " + result.Explanation);
            }
        }
    }

    private string NextBookingId() => "customer-" + (++_bookings).ToString(CultureInfo.InvariantCulture);

    /// <summary>The slot grid as the page shows it.</summary>
    internal SlotGridView View()
    {
        var grid = Grid();
        var booked = BookedSlotStart();
        var whyNot = Callback.WhyNot(CallbackCommand.Reschedule);
        var reasons = grid.DaysWithoutSlots.ToDictionary(static d => d.CustomerDate, static d => $"{d.Reason}: {d.Explanation}");
        var days = new List<SlotDayView>();
        for (int i = 0; i < Query.HorizonDays; i++)
        {
            var date = grid.CustomerToday.PlusDays(i);
            var slots = grid.Slots
                .Where(s => s.CustomerLocal.Date == date)
                .Select(s => new SlotView(
                    DeskText.Iso(s.Start),
                    DeskText.Time(s.CustomerLocal.TimeOfDay),
                    DeskText.Time(s.CentreLocal.TimeOfDay),
                    s.Remaining,
                    s.Total,
                    s.Start == booked))
                .ToList();
            days.Add(new SlotDayView(DeskText.IsoDate(date), DeskText.Day(date), slots, reasons.TryGetValue(date, out string? reason) ? reason : null));
        }

        return new SlotGridView(Query.CustomerZone.Id, Query.CentreZone.Id, grid.TzdbVersion, whyNot is null, whyNot?.Message, days);
    }
}
