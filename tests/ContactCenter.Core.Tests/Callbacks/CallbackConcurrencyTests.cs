using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

/// <summary>
/// Two routers race to offer one callback while an agent thread declines whatever is offered, started together by a
/// <see cref="Barrier"/>; no sleeps, no clock. Every published state change must start where the previous ended,
/// sequences must be gapless and in order, and every offer must end exactly once.
/// </summary>
public sealed class CallbackConcurrencyTests
{
    private const int Iterations = 10_000;

    [Fact]
    public async Task Racing_offers_and_declines_form_a_consistent_history()
    {
        using var f = new CallbackFixture();
        var callback = f.Asap();
        var events = new ConcurrentQueue<CallbackEvent>();
        int delivering = 0;
        int overlap = 0;
        using var subscription = callback.Events.Subscribe(new Recorder(e =>
        {
            if (Interlocked.Increment(ref delivering) > 1)
            {
                Interlocked.Increment(ref overlap);
            }

            events.Enqueue(e);
            Interlocked.Decrement(ref delivering);
        }));
        using var barrier = new Barrier(3);

        Task router(string agent) => Task.Run(() =>
        {
            barrier.SignalAndWait();
            for (int i = 0; i < Iterations; i++)
            {
                try
                {
                    callback.Offer(agent, InteractionId.New());
                }
                catch (CallbackCommandRefusedException)
                {
                    // The other router got there first.
                }
            }
        });

        var agentThread = Task.Run(() =>
        {
            barrier.SignalAndWait();
            for (int i = 0; i < Iterations; i++)
            {
                try
                {
                    callback.Decline();
                }
                catch (CallbackCommandRefusedException)
                {
                    // Nothing offered right now.
                }
            }
        });

        await Task.WhenAll(router("alice"), router("bob"), agentThread);

        var history = events.ToList();
        Assert.Equal(0, overlap);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(static i => (long)i), history.Select(static e => e.Sequence));
        var previous = CallbackState.Due;
        foreach (var change in history.OfType<CallbackStateChanged>())
        {
            Assert.Equal(previous, change.Previous);
            previous = change.Current;
        }

        Assert.Equal(callback.State, previous);
        var offers = history.OfType<CallbackOffered>().Select(static e => e.Offer).ToList();
        var ended = history.OfType<CallbackOfferEnded>().Select(static e => e.Offer).ToList();
        Assert.Equal(offers.Take(ended.Count), ended);
        Assert.Equal(callback.State == CallbackState.Offered ? 1 : 0, offers.Count - ended.Count);
        Assert.NotEmpty(offers);
    }

    private sealed class Recorder(Action<CallbackEvent> onNext) : IObserver<CallbackEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(CallbackEvent value) => onNext(value);
    }
}
