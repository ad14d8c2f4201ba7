using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// Restores what a host left in its store when it stopped (or died): callbacks, campaigns with their records, and
/// in-flight interactions — each at its stored state, without re-running entry actions — and applies the recovery
/// policy (see <see cref="RecoverAsync"/>).
/// </summary>
public sealed class ContactCenterRecovery
{
    private readonly IContactCenterStore _store;
    private readonly ITimeSource _time;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The host's store.</param>
    /// <param name="timeSource">The clock and timers the restored aggregates run on.</param>
    /// <param name="options">Host id and policies; <see cref="RecoveryOptions"/> defaults when null.</param>
    public ContactCenterRecovery(IContactCenterStore store, ITimeSource timeSource, RecoveryOptions? options = null)
    {
        _store = Guard.NotNull(store);
        _time = Guard.NotNull(timeSource);
        Options = options ?? new RecoveryOptions();
        Options.Validate();
    }

    /// <summary>The options.</summary>
    public RecoveryOptions Options { get; }

    /// <summary>
    /// Restores everything and applies the policy:
    /// <list type="bullet">
    /// <item>Callbacks: every open callback is restored into <paramref name="callbacks"/>. A callback whose window ended while the
    /// host was down fails with <see cref="CallbackEndReason.WindowExpired"/> (written). A scheduled callback that fell due
    /// while the host was down is made due now, keeping its original due instant as its queue position, so overdue callbacks
    /// come out in their original queue order (written). An offered callback loses its offer (the agent's session died with
    /// the host): due again at the same position (written). An accepted, in-progress or wrap-up callback stays as stored and
    /// is listed for a person to finish (<see cref="RecoveryReport.CallbacksInSession"/>).</item>
    /// <item>Campaigns: restored with every record (a record under preview gets its preview timer back; a scheduled one is
    /// deliverable from its retry instant). Records that were dialling or connected are listed
    /// (<see cref="RecoveryReport.RecordsInCall"/>): the outcome of that call is unknown to the store.</item>
    /// <item>Interactions: an in-flight interaction owned by this host (its previous run) or whose owner's lease ran out is
    /// an orphan: it is taken over by this host in the store (a version check, so that two recovering hosts never both
    /// take it) and listed with what is known (<see cref="RecoveryReport.OrphanedInteractions"/>) — never resumed as live.
    /// Interactions of other live hosts are left alone.</item>
    /// </list>
    /// </summary>
    /// <param name="callbacks">The registry that receives the restored callbacks (it writes through the same store).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was restored and what needs a person.</returns>
    /// <exception cref="StoreException">The store failed.</exception>
    public async Task<RecoveryReport> RecoverAsync(DurableCallbacks callbacks, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(callbacks);
        var now = _time.Now;
        var report = new RecoveryReport { StartedAt = now };

        // ----- callbacks
        var stored = new List<StoredCallback>();
        for (int skip = 0; ; skip += Options.PageSize)
        {
            var page = await _store.Callbacks.ListOpenAsync(skip, Options.PageSize, cancellationToken).ConfigureAwait(false);
            stored.AddRange(page);
            if (page.Count < Options.PageSize)
            {
                break;
            }
        }

        var overdue = new List<Callback>();
        foreach (var item in stored.OrderBy(static s => s.Snapshot.QueuedSince).ThenBy(static s => s.Snapshot.Id.ToString(), StringComparer.Ordinal))
        {
            var callback = callbacks.Adopt(item);
            report.Callbacks.Add(callback);
            if (callback.TryExpireWindow())
            {
                report.ExpiredCallbacks.Add(callback);
                await SaveAsync(callbacks, callback, cancellationToken).ConfigureAwait(false);
            }
            else if (callback.State == CallbackState.Scheduled && callback.DueAt <= now)
            {
                overdue.Add(callback);
            }
            else if (callback.State == CallbackState.Offered)
            {
                await callbacks.ExecuteAsync(callback.Id, static c => c.WithdrawOffer(), cancellationToken).ConfigureAwait(false);
                report.WithdrawnOffers.Add(callbacks.Get(callback.Id));
            }
            else if (callback.State is CallbackState.Accepted or CallbackState.InProgress or CallbackState.WrapUp)
            {
                report.CallbacksInSession.Add(callback);
            }
        }

        foreach (var callback in overdue.OrderBy(static c => c.DueAt).ThenBy(static c => c.Id.ToString(), StringComparer.Ordinal))
        {
            if (callback.State == CallbackState.Scheduled)
            {
                await callbacks.ExecuteAsync(callback.Id, static c => c.MarkDue(), cancellationToken).ConfigureAwait(false);
            }

            report.OverdueCallbacks.Add(callbacks.Get(callback.Id));
        }

        // ----- campaigns
        foreach (var campaign in await _store.Campaigns.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var list = await _store.Campaigns.GetListAsync(campaign.Snapshot.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new StoreException(StoreFailure.Corrupt, $"Campaign {campaign.Snapshot.Id} is stored without its calling list.");
            var records = new List<StoredRecord>();
            for (int skip = 0; ; skip += Options.PageSize)
            {
                var page = await _store.Campaigns.ListRecordsAsync(campaign.Snapshot.Id, skip, Options.PageSize, cancellationToken).ConfigureAwait(false);
                records.AddRange(page);
                if (page.Count < Options.PageSize)
                {
                    break;
                }
            }

            var restored = Campaign.Restore(
                campaign.Snapshot, list, records.Select(static r => r.Snapshot), _time, Options.CampaignOptions?.Invoke(campaign.Snapshot.Id), Options.Compliance);
            report.Campaigns.Add(new RestoredCampaign(restored, campaign.Version, records.ToDictionary(static r => r.Snapshot.RecordId, static r => r.Version, StringComparer.Ordinal)));
            foreach (var record in restored.Records)
            {
                if (record.State is CallingRecordState.Dialing or CallingRecordState.Connected)
                {
                    report.RecordsInCall.Add(record);
                }
            }
        }

        // ----- interactions
        for (int skip = 0; ; skip += Options.PageSize)
        {
            var page = await _store.Interactions.ListInFlightAsync(skip, Options.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                bool mine = string.Equals(item.Owner.OwnerId, Options.HostId, StringComparison.Ordinal);
                if (!mine && item.Owner.IsLiveAt(now))
                {
                    report.LiveElsewhere++;
                    continue;
                }

                try
                {
                    var taken = await _store.Interactions.SaveAsync(item.Snapshot, item.Version, new Claim(Options.HostId, now + Options.Lease), now, cancellationToken).ConfigureAwait(false);
                    report.OrphanedInteractions.Add(new OrphanedInteraction(item.Snapshot, item.Owner.OwnerId, item.UpdatedAt, taken.Version));
                }
                catch (ConcurrencyConflictException)
                {
                    report.LiveElsewhere++; // another host took it over, or its owner wrote it meanwhile
                }
            }

            if (page.Count < Options.PageSize)
            {
                break;
            }
        }

        return report;
    }

    private static async Task SaveAsync(DurableCallbacks callbacks, Callback callback, CancellationToken cancellationToken) =>
        await callbacks.ExecuteAsync(callback.Id, static _ => { }, cancellationToken).ConfigureAwait(false);
}

/// <summary>Who the recovering host is and how restored aggregates run.</summary>
public sealed record RecoveryOptions
{
    /// <summary>This host's id: interactions it owned before it stopped are orphans. Default <c>"host"</c>; give each host of a shared database its own.</summary>
    public string HostId { get; init; } = "host";

    /// <summary>The lease this host takes on orphans it surfaces. Default 5 minutes.</summary>
    public Duration Lease { get; init; } = Duration.FromMinutes(5);

    /// <summary>How many rows are read per page. Default 500.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>The options of each restored campaign, by campaign id; <see cref="CampaignOptions.Default"/> when null or when it returns null.</summary>
    public Func<string, CampaignOptions?>? CampaignOptions { get; init; }

    /// <summary>The compliance checks of restored campaigns; <see langword="null"/> for none.</summary>
    public DialingCompliance? Compliance { get; init; }

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">A blank host id, a lease that is not positive, or a page size below 1 (one sentence per problem).</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(HostId))
        {
            problems.Add(FormattableString.Invariant($"HostId must not be blank (was '{HostId}')."));
        }

        if (Lease <= Duration.Zero)
        {
            problems.Add($"Lease must be positive (was {Lease.ToString("-D:hh:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture)}).");
        }

        if (PageSize < 1)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "PageSize must be at least 1 (was {0}).", PageSize));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid recovery options: " + string.Join(" ", problems));
        }
    }
}

/// <summary>A campaign restored from the store, with the versions its next writes name.</summary>
/// <param name="Campaign">The campaign, with its records.</param>
/// <param name="Version">The campaign's stored version.</param>
/// <param name="RecordVersions">Each record's stored version, by record id.</param>
public sealed record RestoredCampaign(Campaign Campaign, long Version, IReadOnlyDictionary<string, long> RecordVersions);

/// <summary>
/// An in-flight interaction whose host died mid-call, with what is known, for a person to finish (e.g. restore it with
/// <see cref="Interactions.Interaction.Restore"/>, set a disposition, mark it done, and save it naming <see cref="Version"/>).
/// </summary>
/// <param name="LastKnown">The last snapshot written: state, parties, data, notes, disposition.</param>
/// <param name="PreviousOwner">The host that ran it.</param>
/// <param name="LastUpdatedAt">When it was last written.</param>
/// <param name="Version">Its stored version now (after this host took it over).</param>
public sealed record OrphanedInteraction(Interactions.InteractionSnapshot LastKnown, string PreviousOwner, Instant LastUpdatedAt, long Version)
{
    /// <summary>The state it was in.</summary>
    public Interactions.InteractionState LastState => LastKnown.State;
}

/// <summary>What <see cref="ContactCenterRecovery.RecoverAsync"/> restored, and what needs a person.</summary>
public sealed class RecoveryReport
{
    /// <summary>When recovery started (the instant the policy used).</summary>
    public Instant StartedAt { get; init; }

    /// <summary>Every open callback restored, in queue order at start.</summary>
    public IList<Callback> Callbacks { get; } = [];

    /// <summary>Scheduled callbacks that fell due while the host was down, made due now, in their original queue order.</summary>
    public IList<Callback> OverdueCallbacks { get; } = [];

    /// <summary>Callbacks whose window ended while the host was down: failed with <see cref="CallbackEndReason.WindowExpired"/>.</summary>
    public IList<Callback> ExpiredCallbacks { get; } = [];

    /// <summary>Callbacks that were offered to an agent: the offer is withdrawn, due again at the same queue position.</summary>
    public IList<Callback> WithdrawnOffers { get; } = [];

    /// <summary>Callbacks an agent held (accepted, in progress, wrap-up): left at their state for a person to finish.</summary>
    public IList<Callback> CallbacksInSession { get; } = [];

    /// <summary>The campaigns restored, with their versions.</summary>
    public IList<RestoredCampaign> Campaigns { get; } = [];

    /// <summary>Records that were dialling or connected: the call's outcome is unknown; a person records it.</summary>
    public IList<CallingRecord> RecordsInCall { get; } = [];

    /// <summary>Interactions whose host died mid-call, taken over by this host for a person to finish.</summary>
    public IList<OrphanedInteraction> OrphanedInteractions { get; } = [];

    /// <summary>How many in-flight interactions belong to other live hosts (left alone).</summary>
    public int LiveElsewhere { get; set; }
}
