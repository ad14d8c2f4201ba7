using System.Linq;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Diagnostics;

public class SlotQueryDiagnosticsTests
{
    private static readonly Instant s_monday = Instant.FromUtc(2026, 11, 23, 9, 0);

    [Fact]
    public void A_slot_calculation_runs_in_an_activity_tagged_with_its_outcome()
    {
        using var activities = new ActivityFixture();
        var query = SlotQuery.Create("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-20:00")), "Europe/Paris") with { HorizonDays = 1 };
        SlotSearchResult? result = null;

        var recorded = activities.Run(() => result = SlotCalculator.Calculate(query, new SlotBook(), s_monday));

        var activity = Assert.Single(recorded);
        Assert.Equal(ContactCenterActivities.SlotCalculation, activity.OperationName);
        Assert.Equal(result!.Slots.Count, activity.GetTagItem(ContactCenterTags.SlotCount));
        Assert.Equal("found", activity.GetTagItem(ContactCenterTags.SlotOutcome));
    }

    [Fact]
    public void A_calculation_without_slots_is_tagged_none_and_the_instance_method_is_traced_too()
    {
        using var activities = new ActivityFixture();
        var clock = new VirtualTimeSource(s_monday);
        var query = SlotQuery.Create("Europe/Paris", WeeklyHours.Weekdays(LocalTimeRange.Parse("08:00-09:00")), "Europe/Paris") with { HorizonDays = 1 };

        var recorded = activities.Run(() => new SlotCalculator(clock).Calculate(query, new SlotBook()));

        Assert.Equal("none", Assert.Single(recorded).GetTagItem(ContactCenterTags.SlotOutcome));
        Assert.Equal(0, recorded.Single().GetTagItem(ContactCenterTags.SlotCount));
    }
}
