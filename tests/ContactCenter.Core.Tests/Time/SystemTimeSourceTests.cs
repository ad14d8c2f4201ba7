using System.Reactive.Concurrency;
using ContactCenter.Core.Time;
using Xunit;

namespace ContactCenter.Core.Tests.Time;

public sealed class SystemTimeSourceTests
{
    [Fact]
    public void Instance_is_shared_and_runs_on_the_default_scheduler()
    {
        Assert.Same(SystemTimeSource.Instance, SystemTimeSource.Instance);
        Assert.Same(DefaultScheduler.Instance, SystemTimeSource.Instance.Scheduler);
    }
}
