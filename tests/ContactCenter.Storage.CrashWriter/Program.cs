using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using ContactCenter.Storage.Sqlite;
using NodaTime;

namespace ContactCenter.Storage.CrashWriter;

/// <summary>
/// Usage: <c>CrashWriter &lt;database&gt; &lt;run&gt;</c>. Opens the database (creating the "crash" campaign of 50 records on
/// first use), then loops forever: adds a callback and prints <c>C &lt;id&gt;</c>; appends an attempt to a record and prints
/// <c>R &lt;record&gt; &lt;ordinal&gt;</c> — each line only after the store acknowledged the write. Prints <c>READY</c> first.
/// </summary>
internal static class Program
{
    private const string Campaign = "crash";
    private static readonly Instant s_start = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly ContactNumber s_home = new(PhoneNumber.Parse("+33 1 23 45 67 89"), PhoneNumberType.Home);

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: CrashWriter <database> <run>");
            return 2;
        }

        int run = int.Parse(args[1], CultureInfo.InvariantCulture);
        using var store = SqliteContactCenterStore.Open(args[0]);
        var time = new VirtualTimeSource(s_start + Duration.FromMinutes(run));
        if (await store.Campaigns.FindAsync(Campaign) is null)
        {
            var records = Enumerable.Range(0, 50).Select(i => new CallingRecordData(
                "r" + i.ToString("00", CultureInfo.InvariantCulture), "Contact", [new RecordNumber(s_home)])).ToArray();
            var campaign = new Campaign(Campaign, "Crash test", new CallingList("crash", records), DeliveryMode.Progressive, time);
            await store.Campaigns.AddAsync(campaign.ToSnapshot(), campaign.List, campaign.SnapshotRecords());
        }

        var list = (await store.Campaigns.GetListAsync(Campaign))!;
        Console.Out.WriteLine("READY");
        for (long i = 0; ; i++)
        {
            var callback = Callback.Create(new ScheduledCallbackRequest(s_home, time.Now + Duration.FromHours(1)) { Subject = "run " + args[1] }, null, time);
            await store.Callbacks.AddAsync(callback.ToSnapshot());
            Console.Out.WriteLine("C " + callback.Id.ToString());

            var recordId = list.Records[(int)((i + run) % list.Records.Count)].Id;
            var stored = (await store.Campaigns.FindRecordAsync(Campaign, recordId))!;
            var attempts = stored.Snapshot.Attempts;
            var attempt = new RecordAttempt(attempts.Count + 1, InteractionId.New(), list.Records.Single(r => r.Id == recordId).Numbers[0], time.Now, null, CampaignCallResult.NoAnswer, time.Now);
            await store.Campaigns.SaveRecordAsync(stored.Snapshot with { Attempts = [.. attempts, attempt] }, stored.Version);
            Console.Out.WriteLine("R " + recordId + " " + attempt.Ordinal.ToString(CultureInfo.InvariantCulture));
        }
    }
}
