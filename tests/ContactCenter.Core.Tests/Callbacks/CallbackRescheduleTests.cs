using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackRescheduleTests
{
    [Fact]
    public void A_booked_slot_becomes_the_due_instant_and_the_callback_fires_at_its_start()
    {
        using var f = new CallbackFixture();
        var book = new SlotBook();
        var query = new SlotQuery(TimeZoneIds.Resolve("Europe/Paris"), WeeklyHours.Every(LocalTimeRange.Parse("09:00-18:00")), TimeZoneIds.Resolve("America/New_York"))
        {
            MinimumNotice = Duration.FromHours(2),
        };
        var slot = SlotCalculator.Calculate(query, book, f.Now).Slots[0];
        Assert.True(book.TryBook(query, slot.Start, "booking-1", f.Now).Succeeded);
        var callback = f.AfterAttempt(CallbackAttemptResult.NoAnswer);

        callback.Reschedule(CallbackReschedule.ToSlot(slot));
        callback.MarkDone();

        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Equal(slot.Start, callback.DueAt);
        Assert.Null(callback.Window);
        f.Advance(slot.Start - f.Now);
        Assert.Equal(CallbackState.Due, callback.State);
    }

    [Fact]
    public void Within_the_slot_the_slot_is_also_the_window()
    {
        using var f = new CallbackFixture();
        var query = new SlotQuery(TimeZoneIds.Resolve("Europe/Paris"), WeeklyHours.Every(LocalTimeRange.Parse("09:00-18:00")), TimeZoneIds.Resolve("Europe/Paris"));
        var slot = SlotCalculator.Calculate(query, new SlotBook(), f.Now).Slots[3];
        var callback = f.ScheduledIn(Duration.FromMinutes(10));

        callback.Reschedule(CallbackReschedule.ToSlot(slot, withinSlot: true));

        Assert.Equal(slot.Start, callback.DueAt);
        Assert.Equal(new Interval(slot.Start, slot.End), callback.Window);
        f.Advance(slot.End - f.Now);
        Assert.Equal(CallbackState.Failed, callback.State);
        Assert.Equal(CallbackEndReason.WindowExpired, callback.EndReason);
    }
}
