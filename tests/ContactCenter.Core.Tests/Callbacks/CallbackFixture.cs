using System;
using System.Collections.Generic;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Tests.Callbacks;

/// <summary>A virtual clock, callbacks created on it, and every event each callback published.</summary>
internal sealed class CallbackFixture : IDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static readonly ContactNumber Home = new(PhoneNumber.Parse("+33 1 23 45 67 89"), PhoneNumberType.Home);

    public static readonly ContactNumber Mobile = new(PhoneNumber.Parse("+33 6 12 34 56 78"), PhoneNumberType.Mobile, LocalTimeRange.Parse("18:00-21:00"));

    private readonly List<IDisposable> _subscriptions = [];

    public CallbackFixture(CallbackOptions? options = null)
    {
        Time = new VirtualTimeSource(Start);
        Options = options ?? new CallbackOptions();
    }

    public VirtualTimeSource Time { get; }

    public CallbackOptions Options { get; }

    public List<CallbackEvent> Events { get; } = [];

    public Instant Now => Time.Now;

    public static Duration Minutes(int minutes) => Duration.FromMinutes(minutes);

    public Callback Create(CallbackRequest request)
    {
        var callback = Callback.Create(request, Options, Time);
        _subscriptions.Add(callback.Events.Subscribe(new Recorder<CallbackEvent>(Events)));
        return callback;
    }

    public Callback Asap(string? preferred = null) => Create(new AsapCallbackRequest(Home) { PreferredAgentId = preferred, Subject = "Invoice" });

    public Callback ScheduledIn(Duration delay) => Create(new ScheduledCallbackRequest(Home, Now + delay));

    /// <summary>An ASAP callback offered to and accepted by <paramref name="agent"/>.</summary>
    public Callback Accepted(string agent = "alice")
    {
        var callback = Asap();
        callback.Offer(agent, InteractionId.New());
        callback.Accept();
        return callback;
    }

    /// <summary>An accepted callback, dialled, with <paramref name="result"/> recorded.</summary>
    public Callback AfterAttempt(CallbackAttemptResult result, Callback? callback = null)
    {
        callback ??= Accepted();
        callback.Dial();
        callback.RecordResult(result);
        return callback;
    }

    /// <summary>From due to a recorded attempt: offer, accept, dial, result.</summary>
    public static void RunSession(Callback callback, CallbackAttemptResult result, string agent = "alice")
    {
        callback.Offer(agent, InteractionId.New());
        callback.Accept();
        callback.Dial();
        callback.RecordResult(result);
    }

    public void Advance(Duration duration) => Time.AdvanceBy(duration);

    public List<T> OfType<T>()
        where T : CallbackEvent
    {
        var list = new List<T>();
        foreach (var @event in Events)
        {
            if (@event is T typed)
            {
                list.Add(typed);
            }
        }

        return list;
    }

    public List<(CallbackState From, CallbackState To)> StateChanges()
    {
        var list = new List<(CallbackState, CallbackState)>();
        foreach (var change in OfType<CallbackStateChanged>())
        {
            list.Add((change.Previous, change.Current));
        }

        return list;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}

/// <summary>Records what it receives.</summary>
internal sealed class Recorder<T>(List<T> values) : IObserver<T>
{
    public List<Exception> Errors { get; } = [];

    public void OnCompleted()
    {
    }

    public void OnError(Exception error) => Errors.Add(error);

    public void OnNext(T value) => values.Add(value);
}
