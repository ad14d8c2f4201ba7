using System;
using System.Collections.Generic;
using ContactCenter.Core.Internal;
using Xunit;

namespace ContactCenter.Core.Tests.Internal;

public sealed class ObserverListTests
{
    [Fact]
    public void Publish_reaches_every_subscriber_in_subscription_order()
    {
        var list = new ObserverList<int>();
        var seen = new List<string>();
        using var first = list.Add(new Recorder(v => seen.Add($"first {v}")));
        using var second = list.Add(new Recorder(v => seen.Add($"second {v}")));

        list.Publish(1);

        Assert.Equal(new[] { "first 1", "second 1" }, seen);
    }

    [Fact]
    public void A_throwing_subscriber_is_detached_and_told_while_the_others_still_get_every_value()
    {
        var list = new ObserverList<int>();
        var failure = new InvalidOperationException("boom");
        var faulty = new Recorder(_ => throw failure);
        var healthy = new Recorder(static _ => { });
        list.Add(faulty);
        list.Add(healthy);

        list.Publish(1);
        list.Publish(2);

        Assert.Equal(new[] { 1 }, faulty.Values);
        Assert.Same(failure, faulty.Error);
        Assert.Equal(new[] { 1, 2 }, healthy.Values);
    }

    [Fact]
    public void A_subscriber_whose_OnError_throws_too_is_still_detached_and_the_publisher_is_not_disturbed()
    {
        var list = new ObserverList<int>();
        var faulty = new Recorder(_ => throw new InvalidOperationException("next"), onError: _ => throw new InvalidOperationException("error"));
        list.Add(faulty);

        list.Publish(1);
        list.Publish(2);

        Assert.Equal(new[] { 1 }, faulty.Values);
    }

    [Fact]
    public void The_same_observer_added_twice_gets_each_value_twice_until_one_subscription_is_disposed()
    {
        var list = new ObserverList<int>();
        var recorder = new Recorder(static _ => { });
        var one = list.Add(recorder);
        list.Add(recorder);

        list.Publish(1);
        one.Dispose();
        one.Dispose();
        list.Publish(2);

        Assert.Equal(new[] { 1, 1, 2 }, recorder.Values);
    }

    [Fact]
    public void With_a_fault_callback_a_throwing_subscriber_is_detached_and_reported_there_instead_of_OnError()
    {
        var list = new ObserverList<int>();
        var failure = new InvalidOperationException("boom");
        var faulty = new Recorder(_ => throw failure);
        var healthy = new Recorder(static _ => { });
        list.Add(faulty);
        list.Add(healthy);
        var reported = new List<(int Value, Exception Exception)>();

        list.Publish(1, reported, static (sink, value, exception) => sink.Add((value, exception)));
        list.Publish(2, reported, static (sink, value, exception) => sink.Add((value, exception)));

        Assert.Equal(new[] { (1, (Exception)failure) }, reported);
        Assert.Null(faulty.Error);
        Assert.Equal(new[] { 1 }, faulty.Values);
        Assert.Equal(new[] { 1, 2 }, healthy.Values);
    }

    [Fact]
    public void Adding_a_null_observer_is_refused()
    {
        var list = new ObserverList<int>();

        Assert.Throws<ArgumentNullException>(() => list.Add(null!));
    }

    private sealed class Recorder(Action<int> onNext, Action<Exception>? onError = null) : IObserver<int>
    {
        public List<int> Values { get; } = [];

        public Exception? Error { get; private set; }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
            Error = error;
            onError?.Invoke(error);
        }

        public void OnNext(int value)
        {
            Values.Add(value);
            onNext(value);
        }
    }
}
