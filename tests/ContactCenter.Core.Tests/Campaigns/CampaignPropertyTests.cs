using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Tests.StateMachines.Model;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class CampaignPropertyTests(ITestOutputHelper output)
{
    private static readonly CampaignCallResult[] s_results = Enum.GetValues<CampaignCallResult>();
    private static int s_dialled;

    [Fact]
    public void Records_are_never_dialled_outside_their_window_never_twice_at_once_never_after_their_disposition()
    {
        var op = Gen.Zip(Gen.Zip(Gen.Choose(0, 9), Gen.Choose(0, 2)), Gen.Zip(Gen.Choose(0, s_results.Length - 1), Gen.Choose(1, 600)))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2));
        var arbitrary = Arb.From(Gen.ListOf(op).Select(l => l.Take(60).ToArray()));
        PropertyRunner.Check(output, "campaign safety", 20260302, 150, arbitrary, Run);
        output.WriteLine($"calls placed across all cases: {s_dialled}");
        Assert.True(s_dialled > 50, "the generated sequences place calls");
    }

    private static void Run((int Kind, int Record, int Result, int Minutes)[] ops)
    {
        var f = new CampaignFixture(Instant.FromUtc(2026, 3, 6, 6, 0));
        var honolulu = DateTimeZoneProviders.Tzdb["Pacific/Honolulu"];
        var list = CampaignFixture.List(
            CampaignFixture.Record("paris", CampaignFixture.Number("+33612345678"), CampaignFixture.Number("+33140000000", ContactCenter.Core.Contacts.PhoneNumberType.Work, "12:00-14:00")),
            CampaignFixture.Record("pacific", CampaignFixture.Number("+13125550142", zones: [CampaignFixture.Chicago, honolulu])),
            CampaignFixture.Record("newyork", CampaignFixture.Number("+12125550100", reachable: "18:00-20:00")));
        var options = new CampaignOptions { RetryRules = new Dictionary<CampaignCallResult, RetryRule>
        {
            [CampaignCallResult.Busy] = new(Duration.FromMinutes(7), 4),
            [CampaignCallResult.NoAnswer] = new(Duration.FromHours(3), 3),
            [CampaignCallResult.Dropped] = new(Duration.Zero, 3),
        } };
        var campaign = f.Running(list, DeliveryMode.Progressive, options, compliance: true);
        var checker = f.Compliance();
        string[] ids = ["paris", "pacific", "newyork"];

        foreach (var (kind, index, result, minutes) in ops)
        {
            var id = ids[index];
            Try(() =>
            {
                switch (kind)
                {
                    case 0 or 1 or 2:
                        campaign.TakeRecords(kind + 1);
                        break;
                    case 3 or 4:
                        campaign.RecordCallResult(id, s_results[result], "agent");
                        break;
                    case 5:
                        campaign.Complete(id, "Sale");
                        break;
                    case 6:
                        campaign.Reschedule(id, f.Time.Now + Duration.FromMinutes(minutes));
                        break;
                    case 7:
                        if (campaign.State == CampaignState.Running)
                        {
                            campaign.Pause();
                        }
                        else
                        {
                            campaign.Resume();
                        }

                        break;
                    default:
                        f.Time.AdvanceBy(Duration.FromMinutes(minutes * 3));
                        break;
                }
            });
        }

        var active = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in f.Events.OfType<CallingRecordEvent>())
        {
            Assert.DoesNotContain(e.RecordId, done);
            switch (e)
            {
                case CallingRecordDialled dialled:
                    Assert.True(active.Add(e.RecordId), $"{e.RecordId} dialled twice at once");
                    System.Threading.Interlocked.Increment(ref s_dialled);
                    var request = new DialRequest(dialled.Task.Number.Number, CallPurpose.Solicitation, "c1") { CandidateZones = dialled.Task.Number.Zones };
                    var decision = checker.Check(request, dialled.At);
                    Assert.True(decision.IsDialable, $"{e.RecordId} dialled at {dialled.At}: {decision.Explanation}");
                    break;
                case CallingRecordStateChanged { Previous: CallingRecordState.Dialing or CallingRecordState.Connected } changed
                    when changed.Current is not (CallingRecordState.Dialing or CallingRecordState.Connected):
                    Assert.True(active.Remove(e.RecordId));
                    break;
                case CallingRecordCompleted:
                    done.Add(e.RecordId);
                    break;
            }
        }

        foreach (var record in campaign.Records)
        {
            Assert.True(record.Attempts.Count(a => a.IsOpen) <= 1);
            Assert.Equal(record.IsDone, done.Contains(record.Id));
        }

        Assert.Equal(campaign.Records.All(r => r.IsDone) && campaign.Records.Count > 0, campaign.State == CampaignState.Completed);
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (CampaignCommandRefusedException)
        {
        }
        catch (CallingRecordCommandRefusedException)
        {
        }
    }
}
