using System;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>How the store registered with <see cref="ContactCenterBuilder.UseStore(Func{IServiceProvider, CancellationToken, Task{IContactCenterStore}})"/> is opened.</summary>
internal sealed record StoreRegistration(Func<IServiceProvider, CancellationToken, Task<IContactCenterStore>> Open);

/// <summary>
/// Opens the registered store once: asynchronously when the host starts (<see cref="OpenAsync"/>), or on the first
/// resolution of <see cref="IContactCenterStore"/> without a host (<see cref="Store"/>). The service provider owns (and
/// disposes) the store it hands out as <see cref="IContactCenterStore"/>.
/// </summary>
internal sealed class ContactCenterStoreOpener(IServiceProvider services, StoreRegistration registration)
{
    private readonly object _gate = new();
    private Task<IContactCenterStore>? _opening;

    /// <summary>The open store, opened now (blocking) when the host has not opened it yet.</summary>
    public IContactCenterStore Store => OpenAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Opens the store (once; a failed opening is tried again by the next call).</summary>
    public Task<IContactCenterStore> OpenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_opening is null || _opening.IsFaulted || _opening.IsCanceled)
            {
                _opening = OpenCoreAsync(cancellationToken);
            }

            return _opening;
        }
    }

    // Runs under the gate until the opener's first await: two callers never open two stores.
    private async Task<IContactCenterStore> OpenCoreAsync(CancellationToken cancellationToken)
    {
        return await registration.Open(services, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The store registered with UseStore opened as null.");
    }
}
