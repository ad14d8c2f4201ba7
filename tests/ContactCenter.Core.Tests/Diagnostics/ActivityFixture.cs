using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using ContactCenter.Core.Diagnostics;

namespace ContactCenter.Core.Tests.Diagnostics;

/// <summary>
/// Listens to the SDK's activity source and keeps the activities that belong to this fixture's root activity only
/// (other tests may run at the same time): run the code under test inside <see cref="Run"/>.
/// </summary>
internal sealed class ActivityFixture : IDisposable
{
    private static readonly ActivitySource s_testSource = new("ContactCenter.Core.Tests");
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityFixture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name is ContactCenterDiagnostics.ActivitySourceName or "ContactCenter.Core.Tests",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Runs <paramref name="action"/> under a new root activity and returns the SDK activities it produced.</summary>
    public List<Activity> Run(Action action)
    {
        using (var root = s_testSource.StartActivity("test")!)
        {
            action();
            var traceId = root.TraceId;
            return _stopped.Where(a => a.TraceId == traceId && a.Source.Name == ContactCenterDiagnostics.ActivitySourceName).ToList();
        }
    }

    public void Dispose() => _listener.Dispose();
}
