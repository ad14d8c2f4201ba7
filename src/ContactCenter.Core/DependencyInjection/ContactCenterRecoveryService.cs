using System;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Opens (and so creates or migrates) the registered store when the host starts, restores what it holds with
/// <see cref="ContactCenterRecovery"/> into the registered <see cref="DurableCallbacks"/>, loads the slot counts of the
/// registered <see cref="DurableSlotBook"/> (slots starting from a day before now), publishes the report on <see cref="ContactCenterRecoveryState"/>
/// and logs a summary. A store that cannot be opened or recovered fails the start.
/// </summary>
internal sealed class ContactCenterRecoveryService : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly ContactCenterRecoveryState _state;
    private readonly ILogger _logger;

    public ContactCenterRecoveryService(IServiceProvider services, ContactCenterRecoveryState state)
    {
        _services = services;
        _state = state;
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(Log.PersistenceCategory);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;
        var recovery = options.Recovery;
        try
        {
            var opener = _services.GetService<ContactCenterStoreOpener>();
            if (opener is not null)
            {
                await opener.OpenAsync(cancellationToken).ConfigureAwait(false);
            }

            var store = _services.GetRequiredService<IContactCenterStore>();
            var time = _services.GetRequiredService<ITimeSource>();
            var campaigns = options.Campaigns;
            recovery = recovery with
            {
                CampaignOptions = recovery.CampaignOptions ?? (_ => campaigns),
                Compliance = recovery.Compliance ?? _services.GetRequiredService<DialingComplianceProvider>().Get(),
            };
            var report = await new ContactCenterRecovery(store, time, recovery)
                .RecoverAsync(_services.GetRequiredService<DurableCallbacks>(), cancellationToken).ConfigureAwait(false);
            // Slots still running or to come: from a day before now (no slot lasts longer), unbounded after.
            await _services.GetRequiredService<DurableSlotBook>()
                .LoadAsync(new Interval(report.StartedAt - Duration.FromDays(1), null), cancellationToken).ConfigureAwait(false);

            // Restored callbacks that wait for an agent go back to the dispatcher, in their queue order: it offers
            // them when they are due. Those an agent held are left for a person to finish.
            var dispatcher = _services.GetRequiredService<CallbackDispatcher>();
            foreach (var callback in report.Callbacks)
            {
                if (callback.State is CallbackState.Scheduled or CallbackState.Due && !dispatcher.Follows(callback.Id))
                {
                    dispatcher.Add(callback);
                }
            }

            foreach (var orphan in report.OrphanedInteractions)
            {
                Log.RecoveryOrphanedInteraction(_logger, orphan.LastKnown.Id, orphan.LastState, orphan.PreviousOwner, orphan.LastUpdatedAt);
            }

            Log.RecoveryCompleted(
                _logger, recovery.HostId, store.GetType().Name, report.Callbacks.Count, report.OverdueCallbacks.Count, report.ExpiredCallbacks.Count,
                report.WithdrawnOffers.Count, report.CallbacksInSession.Count, report.Campaigns.Count, report.RecordsInCall.Count,
                report.OrphanedInteractions.Count, report.LiveElsewhere);
            _state.Complete(recovery.HostId, report);
        }
        catch (StoreException exception)
        {
            Log.RecoveryFailed(_logger, exception, recovery.HostId, exception.Failure.ToString(), exception.Message);
            var failure = new StoreException(
                exception.Failure, $"The contact centre could not open or recover its store on start ({exception.Failure}): {exception.Message}", exception);
            _state.Fail(failure);
            throw failure;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.RecoveryFailed(_logger, exception, recovery.HostId, exception.GetType().Name, exception.Message);
            var failure = new InvalidOperationException(
                $"The contact centre could not open or recover its store on start ({exception.GetType().Name}): {exception.Message}", exception);
            _state.Fail(failure);
            throw failure;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
