using System;
using ContactCenter.Core.Diagnostics;
using Xunit;

namespace ContactCenter.Core.Tests.Diagnostics;

public class RefusalHookTests
{
    [Fact]
    public void An_aggregate_nobody_follows_gets_its_refusal_back_untouched()
    {
        var refusal = new InvalidOperationException("refused");

        Assert.Same(refusal, RefusalHook.Report(new object(), refusal));
    }

    [Fact]
    public void The_observer_of_a_followed_aggregate_is_told_and_its_failure_changes_nothing()
    {
        var aggregate = new object();
        var observer = new ThrowingObserver();
        RefusalHook.Attach(aggregate, observer);
        var refusal = new InvalidOperationException("refused");

        Assert.Same(refusal, RefusalHook.Report(aggregate, refusal));
        Assert.Same(refusal, observer.Seen);
    }

    private sealed class ThrowingObserver : IRefusalObserver
    {
        public Exception? Seen { get; private set; }

        public void Refused(Exception refusal)
        {
            Seen = refusal;
            throw new InvalidOperationException("observer failed");
        }
    }
}
