using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

/// <summary>The example of docs/callbacks.md, line for line, with its comments as assertions.</summary>
public sealed class CallbackGuideExampleTests
{
    [Fact]
    public void The_guide_s_example_runs_as_documented()
    {
        var time = new VirtualTimeSource(Instant.FromUtc(2026, 3, 2, 8, 0));
        var options = new CallbackOptions { MaxAttempts = 3, RetryDelay = Duration.FromMinutes(30) };
        using var dispatcher = new CallbackDispatcher(time, options);

        var alice = new Agent("alice", new AgentOptions { Features = AgentFeatures.Callbacks }, time);
        alice.LogIn();
        alice.SetReady();
        dispatcher.RegisterAgent(alice);

        // A caller queued since 07:52 leaves a voice message: the callback keeps the caller's place in the queue.
        var home = new ContactNumber(PhoneNumber.Parse("+33 1 23 45 67 89"), PhoneNumberType.Home);
        var callback = dispatcher.Submit(new VoiceMessageCallbackRequest(home, Instant.FromUtc(2026, 3, 2, 7, 52))
        {
            Subject = "Delivery",
            PreferredAgentId = "alice",
        });
        Assert.Equal(CallbackState.Offered, callback.State);           // alice is reserved for it

        var interactionId = alice.Offer!.InteractionId;
        alice.AcceptOffer();
        Assert.Equal(CallbackState.Accepted, callback.State);

        callback.Dial();                                               // attempt 1
        callback.RecordResult(CallbackAttemptResult.NoAnswer);
        var mobile = new ContactNumber(PhoneNumber.Parse("+33 6 12 34 56 78"), PhoneNumberType.Mobile, LocalTimeRange.Parse("17:00-20:00"));
        callback.Reschedule(new CallbackReschedule(Instant.FromUtc(2026, 3, 2, 17, 0)) { Number = mobile });
        Assert.Equal(CallbackState.WrapUp, callback.State);            // pending until Mark done
        callback.MarkDone();
        Assert.Equal(CallbackState.Scheduled, callback.State);
        Assert.Equal(2, callback.AttemptNumber);
        alice.EndInteraction(interactionId);

        time.AdvanceTo(Instant.FromUtc(2026, 3, 2, 17, 0));
        Assert.Equal(CallbackState.Offered, callback.State);           // due again, offered to alice
        Assert.Equal(mobile, callback.Number);
    }
}
