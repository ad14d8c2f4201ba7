using System.Diagnostics;
using System.Runtime.CompilerServices;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Scheduling;
using NodaTime;

namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The hook of <see cref="SlotCalculator"/>: every calculation runs in a <see cref="ContactCenterActivities.SlotCalculation"/>
/// activity when someone listens to the source, and is counted and timed when the calculator belongs to a service
/// provider's telemetry. Without listeners it costs a null check and a table look-up.
/// </summary>
internal static class SlotQueryDiagnostics
{
    private static readonly ConditionalWeakTable<SlotCalculator, ContactCenterTelemetry> s_telemetry = new();

    public static void Attach(SlotCalculator calculator, ContactCenterTelemetry telemetry)
    {
        s_telemetry.Remove(calculator);
        s_telemetry.Add(calculator, telemetry);
    }

    /// <summary>Searches the slots (<see cref="SlotEngine.Search"/>) under observation.</summary>
    public static SlotSearchResult Search(SlotCalculator? calculator, SlotQuery query, ISlotBookings bookings, Instant now)
    {
        Guard.NotNull(query);
        Guard.NotNull(bookings);
        ContactCenterTelemetry? telemetry = null;
        bool measured = calculator is not null && s_telemetry.TryGetValue(calculator, out telemetry)
            && (telemetry.SlotQueries.Enabled || telemetry.SlotQueryDuration.Enabled);
        using var activity = CoreActivitySource.Instance.StartActivity(ContactCenterActivities.SlotCalculation, ActivityKind.Internal);
        long started = measured ? Stopwatch.GetTimestamp() : 0;
        var result = SlotEngine.Search(query, bookings, now);
        if (measured)
        {
            double seconds = (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;
            telemetry!.SlotQueryCompleted(result.Slots.Count, seconds);
        }

        if (activity is not null)
        {
            activity.SetTag(ContactCenterTags.SlotCount, result.Slots.Count);
            activity.SetTag(ContactCenterTags.SlotOutcome, result.Slots.Count > 0 ? "found" : "none");
        }

        return result;
    }
}
