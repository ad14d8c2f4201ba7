using System;
using System.Collections.Generic;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tests.StateMachines.Model;
using ContactCenter.Core.Time;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Core.Tests.Callbacks;

/// <summary>
/// Snapshot and restore: over random command sequences (with windows, voice messages, retries, reschedules and time
/// passing), snapshot → restore → snapshot is identical, the text form reads back identical, and a restored twin then
/// behaves exactly like the original (same states, same timers firing at the same instants).
/// </summary>
public sealed class CallbackSnapshotTests
{
    private const int Cases = 200;

    private static readonly CallbackOptions s_options = new() { MaxAttempts = 3, RetryDelay = Duration.FromMinutes(10) };

    private readonly ITestOutputHelper _output;

    public CallbackSnapshotTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Snapshot_restore_snapshot_is_identical_and_the_restored_twin_behaves_like_the_original()
    {
        var states = new HashSet<CallbackState>();
        var arbitrary = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        PropertyRunner.Check(_output, nameof(Snapshot_restore_snapshot_is_identical_and_the_restored_twin_behaves_like_the_original), 0x5AA9_0001, Cases, arbitrary, seed =>
        {
            var random = new Random(seed);
            var time = new VirtualTimeSource(CallbackFixture.Start);
            var original = Callback.Create(NewRequest(random, time.Now), s_options, time);
            Callback? twin = null;
            for (int step = 0; step < 40; step++)
            {
                var snapshot = original.ToSnapshot();
                string text = SnapshotJson.Write(snapshot);
                Assert.Equal(text, SnapshotJson.Write(SnapshotJson.ReadCallback(text)));
                Assert.Equal(text, SnapshotJson.Write(Callback.Restore(snapshot, s_options, time).ToSnapshot()));
                if (twin is null || random.Next(8) == 0)
                {
                    twin = Callback.Restore(snapshot, s_options, time);
                }

                Assert.Equal(text, SnapshotJson.Write(twin.ToSnapshot()));
                states.Add(original.State);
                int op = random.Next(16);
                var id = InteractionId.New();
                var at = time.Now + Duration.FromMinutes(random.Next(1, 90));
                var result = (CallbackAttemptResult)random.Next(Enum.GetValues<CallbackAttemptResult>().Length);
                if (op >= 13)
                {
                    time.AdvanceBy(Duration.FromMinutes(random.Next(1, 40)));
                    continue;
                }

                bool refused = Try(() => Apply(original, op, id, at, result));
                bool twinRefused = Try(() => Apply(twin, op, id, at, result));
                Assert.Equal(refused, twinRefused);
            }
        });

        _output.WriteLine("states visited: " + string.Join(", ", states));
        Assert.Equal(Enum.GetValues<CallbackState>().Length, states.Count);
    }

    [Fact]
    public void A_restored_callback_publishes_nothing_and_falls_due_at_its_stored_instant()
    {
        using var f = new CallbackFixture(s_options);
        var callback = f.ScheduledIn(Duration.FromMinutes(30));
        long sequence = callback.ToSnapshot().Sequence;
        var restored = Callback.Restore(callback.ToSnapshot(), s_options, f.Time);
        var events = new List<CallbackEvent>();
        using var subscription = restored.Events.Subscribe(new Recorder<CallbackEvent>(events));
        Assert.Empty(events);
        f.Advance(Duration.FromMinutes(29));
        Assert.Equal(CallbackState.Scheduled, restored.State);
        f.Advance(Duration.FromMinutes(1));
        Assert.Equal(CallbackState.Due, restored.State);
        var changed = Assert.IsType<CallbackStateChanged>(Assert.Single(events));
        Assert.Equal(sequence + 1, changed.Sequence);
    }

    [Fact]
    public void A_restored_callback_whose_window_ended_fails_when_its_timers_run()
    {
        using var f = new CallbackFixture(s_options);
        var window = new Interval(f.Now + Duration.FromMinutes(10), f.Now + Duration.FromMinutes(40));
        var snapshot = f.Create(new WebCallbackRequest(CallbackFixture.Home, window)).ToSnapshot();
        var later = new VirtualTimeSource(f.Now + Duration.FromHours(2));
        var restored = Callback.Restore(snapshot, s_options, later);
        Assert.Equal(CallbackState.Scheduled, restored.State);
        later.AdvanceBy(Duration.Zero);
        Assert.Equal((CallbackState.Failed, CallbackEndReason.WindowExpired), (restored.State, restored.EndReason));
    }

    [Fact]
    public void Inconsistent_snapshots_are_refused()
    {
        using var f = new CallbackFixture(s_options);
        var snapshot = f.Asap().ToSnapshot();
        Assert.Throws<ArgumentException>(() => Callback.Restore(snapshot with { State = CallbackState.Accepted }, s_options, f.Time));
        Assert.Throws<ArgumentException>(() => Callback.Restore(snapshot with { State = (CallbackState)42 }, s_options, f.Time));
        var accepted = f.Accepted().ToSnapshot();
        Assert.Throws<ArgumentException>(() => Callback.Restore(accepted with { State = CallbackState.InProgress }, s_options, f.Time));
        Assert.Throws<ArgumentNullException>(() => Callback.Restore(null!, s_options, f.Time));
    }

    private static CallbackRequest NewRequest(Random random, Instant now) => random.Next(5) switch
    {
        0 => new AsapCallbackRequest(CallbackFixture.Home) { Subject = "Invoice \"7\"\n", PreferredAgentId = "alice", Queue = "billing" },
        1 => new ScheduledCallbackRequest(CallbackFixture.Mobile, now + Duration.FromMinutes(random.Next(1, 60)))
        {
            Window = new Interval(now, now + Duration.FromMinutes(random.Next(90, 400))),
            CustomerZone = DateTimeZoneProviders.Tzdb["America/New_York"],
        },
        2 => new WebCallbackRequest(CallbackFixture.Home, new Interval(now + Duration.FromMinutes(5), now + Duration.FromMinutes(random.Next(30, 300)))),
        3 => new VoiceMessageCallbackRequest(CallbackFixture.Home, now - Duration.FromMinutes(3)) { MessageReference = "vm/1" },
        _ => new CampaignCallbackRequest(CallbackFixture.Home, "spring", now + Duration.FromMinutes(random.Next(1, 60))) { Ownership = CallbackOwnership.Personal("alice") },
    };

    private static void Apply(Callback callback, int op, InteractionId id, Instant at, CallbackAttemptResult result)
    {
        switch (op)
        {
            case 0: callback.MarkDue(); break;
            case 1: callback.Offer("alice", id); break;
            case 2: callback.Accept(); break;
            case 3: callback.Decline(); break;
            case 4: callback.Dial(); break;
            case 5: callback.RecordResult(result); break;
            case 6: callback.MarkDone(); break;
            case 7: callback.Reschedule(new CallbackReschedule(at) { Number = CallbackFixture.Mobile }); break;
            case 8: callback.Unschedule(); break;
            case 9: callback.OfferTimedOut(); break;
            case 10: callback.Dial(new ContactNumber(PhoneNumber.Parse("+33 6 00 00 00 01"), PhoneNumberType.Mobile)); break;
            case 11: callback.RecordResult(CallbackAttemptResult.Reached); break;
            default:
                if (callback.State is CallbackState.Scheduled or CallbackState.Due)
                {
                    callback.Cancel();
                }

                break;
        }
    }

    private static bool Try(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (CallbackCommandRefusedException)
        {
            return true;
        }
    }
}
