using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Campaigns;

/// <summary>
/// Snapshot and restore of campaigns and their records: over random sequences of deliveries, previews, dials, results,
/// completions, reschedules and time passing, snapshot → <see cref="Campaign.Restore"/> → snapshot is identical (campaign
/// and every record, attempts and results included), the text form reads back identical, and the restored records permit
/// the same commands.
/// </summary>
public sealed class CallingRecordSnapshotTests
{
    private const int Cases = 150;

    private static readonly CampaignOptions s_options = new() { PreviewTimeout = Duration.FromMinutes(3) };

    private static readonly CampaignCallResult[] s_results = Enum.GetValues<CampaignCallResult>();

    private readonly ITestOutputHelper _output;

    public CallingRecordSnapshotTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Snapshot_restore_snapshot_is_identical_over_random_campaign_runs()
    {
        var states = new HashSet<CallingRecordState>();
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(_output, nameof(Snapshot_restore_snapshot_is_identical_over_random_campaign_runs), 0x5AA9_0002, Cases, arbitrary, seed =>
        {
            var random = new Random(seed);
            var f = new CampaignFixture();
            var mode = random.Next(2) == 0 ? DeliveryMode.Preview : DeliveryMode.Progressive;
            var campaign = f.Running(CampaignFixture.Simple(4), mode, s_options, compliance: false, "alice", "bob");
            for (int step = 0; step < 30; step++)
            {
                Step(campaign, f, random);
                foreach (var record in campaign.Records)
                {
                    states.Add(record.State);
                }

                var snapshot = campaign.ToSnapshot();
                var records = campaign.SnapshotRecords();
                var restored = Campaign.Restore(snapshot, campaign.List, records.Reverse(), f.Time, s_options);
                Assert.Equal(SnapshotJson.Write(snapshot), SnapshotJson.Write(restored.ToSnapshot()));
                Assert.Equal(records.Select(SnapshotJson.Write), restored.SnapshotRecords().Select(SnapshotJson.Write));
                Assert.Equal(records.Select(SnapshotJson.Write), records.Select(r => SnapshotJson.Write(SnapshotJson.ReadRecord(SnapshotJson.Write(r)))));
                Assert.Equal(campaign.Records.Select(static r => string.Join(",", r.PermittedCommands)), restored.Records.Select(static r => string.Join(",", r.PermittedCommands)));
                Assert.Equal(campaign.PermittedCommands, restored.PermittedCommands);
            }
        });

        _output.WriteLine("record states visited: " + string.Join(", ", states));
        Assert.Equal(Enum.GetValues<CallingRecordState>().Length, states.Count);
    }

    [Fact]
    public void A_restored_preview_keeps_its_deadline_and_dials_when_it_passes()
    {
        var f = new CampaignFixture();
        var campaign = f.Running(CampaignFixture.Simple(2), DeliveryMode.Preview, s_options, compliance: false, "alice");
        var task = campaign.RequestPreview("alice")!;
        campaign.AcceptPreview(task.RecordId);
        f.Time.AdvanceBy(Duration.FromMinutes(1));
        var record = campaign.GetRecord(task.RecordId).ToSnapshot();
        Assert.Equal(f.Time.Now + Duration.FromMinutes(2), record.PreviewDeadline);

        var restored = Campaign.Restore(campaign.ToSnapshot(), campaign.List, [record], f.Time, s_options);
        Assert.Equal(CallingRecordState.Previewing, restored.GetRecord(task.RecordId).State);
        Assert.Equal(CallingRecordState.Ready, restored.Records.Single(r => r.Id != task.RecordId).State);
        f.Time.AdvanceBy(Duration.FromMinutes(2));
        Assert.Equal(CallingRecordState.Dialing, restored.GetRecord(task.RecordId).State);
    }

    [Fact]
    public void Records_of_another_campaign_or_list_are_refused()
    {
        var f = new CampaignFixture();
        var campaign = f.Running(CampaignFixture.Simple(2), DeliveryMode.Progressive, s_options);
        var record = campaign.Records[0].ToSnapshot();
        Assert.Throws<ArgumentException>(() => Campaign.Restore(campaign.ToSnapshot(), campaign.List, [record with { CampaignId = "other" }], f.Time));
        Assert.Throws<ArgumentException>(() => Campaign.Restore(campaign.ToSnapshot(), campaign.List, [record with { RecordId = "nobody" }], f.Time));
        Assert.Throws<ArgumentException>(() => Campaign.Restore(campaign.ToSnapshot(), campaign.List, [record, record], f.Time));
        Assert.Throws<ArgumentException>(() => Campaign.Restore(campaign.ToSnapshot(), campaign.List, [record with { State = CallingRecordState.Dialing }], f.Time));
    }

    private static void Step(Campaign campaign, CampaignFixture f, Random random)
    {
        var records = campaign.Records;
        var record = records[random.Next(records.Count)];
        string agent = random.Next(2) == 0 ? "alice" : "bob";
        try
        {
            switch (random.Next(11))
            {
                case 0:
                    if (campaign.Mode == DeliveryMode.Preview)
                    {
                        campaign.RequestPreview(agent);
                    }
                    else
                    {
                        campaign.TakeRecords(1 + random.Next(2));
                    }

                    break;
                case 1: campaign.AcceptPreview(record.Id); break;
                case 2: campaign.SkipPreview(record.Id); break;
                case 3: campaign.DialPreview(record.Id); break;
                case 4: campaign.RecordCallResult(record.Id, s_results[random.Next(s_results.Length)], agent); break;
                case 5: campaign.Connected(record.Id, agent); break;
                case 6: campaign.Complete(record.Id, random.Next(2) == 0 ? "Sale" : null); break;
                case 7: campaign.Reschedule(record.Id, f.Time.Now + Duration.FromMinutes(random.Next(1, 60))); break;
                default: f.Time.AdvanceBy(Duration.FromMinutes(random.Next(1, 30))); break;
            }
        }
        catch (Exception e) when (e is CallingRecordCommandRefusedException or CampaignCommandRefusedException)
        {
            // Refused commands change nothing; the snapshot comparison after the step covers them too.
        }
    }
}
