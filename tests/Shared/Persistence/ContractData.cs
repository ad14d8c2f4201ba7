using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Persistence.Contracts;

/// <summary>Snapshots for the store contract tests, built with the real aggregates on a virtual clock.</summary>
public static class ContractData
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 9, 0);

    public static readonly ContactNumber Home = new(PhoneNumber.Parse("+33 1 23 45 67 89"), PhoneNumberType.Home);

    /// <summary>A scheduled callback due <paramref name="dueInMinutes"/> after <see cref="Start"/> (due at once when not positive).</summary>
    public static CallbackSnapshot Callback(int dueInMinutes = 60, string? subject = null)
    {
        var time = new VirtualTimeSource(Start);
        var request = dueInMinutes <= 0
            ? (CallbackRequest)new AsapCallbackRequest(Home) { Subject = subject }
            : new ScheduledCallbackRequest(Home, Start + Duration.FromMinutes(dueInMinutes)) { Subject = subject };
        return Core.Callbacks.Callback.Create(request, null, time).ToSnapshot();
    }

    /// <summary>A callback scheduled in the past (due for a claim at <see cref="Start"/>), queued at <paramref name="minutesAgo"/> before it.</summary>
    public static CallbackSnapshot Overdue(int minutesAgo)
    {
        var snapshot = Callback(60);
        var due = Start - Duration.FromMinutes(minutesAgo);
        return snapshot with { Schedule = snapshot.Schedule with { DueAt = due }, QueuedSince = due };
    }

    /// <summary>A callback taken by an agent who dialled and recorded <paramref name="result"/> (an attempt with a result).</summary>
    public static CallbackSnapshot AfterAttempt(CallbackAttemptResult result = CallbackAttemptResult.NoAnswer)
    {
        var time = new VirtualTimeSource(Start);
        var callback = Core.Callbacks.Callback.Create(new AsapCallbackRequest(Home) { Subject = "Invoice" }, null, time);
        callback.Offer("alice", InteractionId.New());
        callback.Accept();
        callback.Dial();
        time.AdvanceBy(Duration.FromMinutes(2));
        callback.RecordResult(result);
        return callback.ToSnapshot();
    }

    /// <summary>A completed (terminal) callback.</summary>
    public static CallbackSnapshot Completed()
    {
        var time = new VirtualTimeSource(Start);
        var callback = Core.Callbacks.Callback.Create(new AsapCallbackRequest(Home), null, time);
        callback.Offer("alice", InteractionId.New());
        callback.Accept();
        callback.Dial();
        callback.RecordResult(CallbackAttemptResult.Reached);
        callback.MarkDone();
        return callback.ToSnapshot();
    }

    /// <summary>A campaign of <paramref name="records"/> records (ids r000, r001...), with its list and record snapshots.</summary>
    public static (CampaignSnapshot Campaign, CallingList List, IReadOnlyList<CallingRecordSnapshot> Records) Campaign(string id = "spring", int records = 5)
    {
        var data = Enumerable.Range(0, records).Select(i => new CallingRecordData(
            "r" + i.ToString("000", CultureInfo.InvariantCulture),
            "Contact " + i.ToString(CultureInfo.InvariantCulture),
            [new RecordNumber(new ContactNumber(PhoneNumber.Parse("+3361234" + i.ToString("0000", CultureInfo.InvariantCulture)), PhoneNumberType.Mobile), [DateTimeZoneProviders.Tzdb["Europe/Paris"]])])
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { ["account"] = "A-" + i.ToString(CultureInfo.InvariantCulture) },
        }).ToArray();
        var list = new CallingList("list-" + id, data);
        var campaign = new Core.Campaigns.Campaign(id, "Campaign " + id, list, DeliveryMode.Progressive, new VirtualTimeSource(Start));
        return (campaign.ToSnapshot(), list, campaign.SnapshotRecords());
    }

    /// <summary>A record scheduled for a retry at <paramref name="retryAt"/>, with one ended attempt.</summary>
    public static CallingRecordSnapshot Retry(CallingRecordSnapshot record, Instant retryAt, CallingList list)
    {
        var number = list.Records.Single(r => r.Id == record.RecordId).Numbers[0];
        var attempt = new RecordAttempt(1, InteractionId.New(), number, Start - Duration.FromHours(1), null, CampaignCallResult.Busy, Start - Duration.FromHours(1));
        return record with { State = CallingRecordState.Scheduled, RetryAt = retryAt, Attempts = [attempt] };
    }

    /// <summary>An interaction in a <paramref name="condition"/>: "offered", "talking" (accepted, with a note) or "done".</summary>
    public static InteractionSnapshot Interaction(string condition = "talking")
    {
        var interaction = Core.Interactions.Interaction.Create(
            new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, "+33123456789")
            {
                AgentAddress = "agent:alice",
                AttachedData = new Dictionary<string, string>(StringComparer.Ordinal) { ["account"] = "42" },
            },
            new InteractionOptions { Dispositions = ["Resolved"] });
        if (condition is "talking" or "done")
        {
            interaction.Accept();
            interaction.AddNote("Customer asks about invoice 7.");
        }

        if (condition == "done")
        {
            interaction.Disconnect();
            interaction.SetDisposition("Resolved");
            interaction.MarkDone();
        }

        return interaction.Snapshot;
    }

    /// <summary>A booking of the slot starting <paramref name="startInHours"/> after <see cref="Start"/>.</summary>
    public static SlotBooking Booking(string id, int startInHours)
    {
        var start = Start + Duration.FromHours(startInHours);
        var paris = start.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).ToOffsetDateTime();
        var json = "{\"v\":1,\"id\":\"" + id + "\",\"slotStart\":\"" + InstantPatternText(start) + "\",\"length\":\"0:00:30:00\",\"customerLocal\":\""
            + NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(paris) + "\",\"centreLocal\":\"" + NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(paris)
            + "\",\"bookedAt\":\"" + InstantPatternText(Start) + "\"}";
        return SnapshotJson.ReadBooking(json);
    }

    public static Claim ClaimOf(string owner, int minutes) => new(owner, Start + Duration.FromMinutes(minutes));

    public static string Text(CallbackSnapshot s) => SnapshotJson.Write(s);

    public static string Text(CallingRecordSnapshot s) => SnapshotJson.Write(s);

    public static string Text(InteractionSnapshot s) => SnapshotJson.Write(s);

    private static string InstantPatternText(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}
