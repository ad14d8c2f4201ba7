using System;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// What the host found in its store when it started: the <see cref="RecoveryReport"/> of
/// <see cref="ContactCenterRecovery.RecoverAsync"/>, run by the hosted service that
/// <see cref="ContactCenterServiceCollectionExtensions.AddContactCenter(Microsoft.Extensions.DependencyInjection.IServiceCollection, string)"/>
/// registers (restored callbacks, campaigns, records in call, orphaned interactions). Resolve it to show a supervisor
/// what needs a person.
/// </summary>
public sealed class ContactCenterRecoveryState
{
    private readonly TaskCompletionSource<RecoveryReport> _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ContactCenterRecoveryState()
    {
    }

    /// <summary>The report, or <see langword="null"/> until the host has started (and when its recovery failed).</summary>
    public RecoveryReport? Report { get; private set; }

    /// <summary>The id this host recovered as (<c>ContactCenter:Recovery:HostId</c>), or <see langword="null"/> until the host has started.</summary>
    public string? HostId { get; private set; }

    /// <summary>
    /// Completes with the report once recovery has run; fails with the start's exception when the store could not be
    /// opened or recovered. For code that runs before the host has finished starting.
    /// </summary>
    public Task<RecoveryReport> Recovered => _recovered.Task;

    internal void Complete(string hostId, RecoveryReport report)
    {
        HostId = hostId;
        Report = report;
        _recovered.TrySetResult(report);
    }

    internal void Fail(Exception exception)
    {
        if (_recovered.TrySetException(exception))
        {
            _ = _recovered.Task.Exception; // observed: the host's start throws it already
        }
    }
}
