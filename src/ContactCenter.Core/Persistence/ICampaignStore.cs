using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Campaigns;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// Durable campaigns: each campaign's own data, its calling list (written once) and its records with their attempts and
/// results. Same rules as <see cref="ICallbackStore"/>: every method returns once durably written; versions per campaign and
/// per record (1 after the insert, +1 per save, a mismatch throws <see cref="ConcurrencyConflictException"/> and writes
/// nothing); claims never change versions.
/// </summary>
/// <remarks>
/// A record is <i>claimable</i> at an instant when it is <see cref="CallingRecordState.Ready"/>, or
/// <see cref="CallingRecordState.Scheduled"/> with <see cref="CallingRecordSnapshot.RetryAt"/> not after that instant, and
/// has no live claim. <see cref="ClaimDueRecordsAsync"/> takes them atomically in the campaign's delivery order: due retries
/// first (by retry instant, then ticket), then ready records by ticket.
/// </remarks>
public interface ICampaignStore
{
    /// <summary>Stores a new campaign, its calling list and its records (all at version 1) in one transaction.</summary>
    /// <param name="campaign">The campaign's own data.</param>
    /// <param name="list">Its calling list.</param>
    /// <param name="records">Its records' snapshots (usually <see cref="Campaign.SnapshotRecords"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored campaign (version 1).</returns>
    /// <exception cref="ConcurrencyConflictException">A campaign with this id is stored already; nothing was written.</exception>
    Task<StoredCampaign> AddAsync(CampaignSnapshot campaign, CallingList list, IReadOnlyList<CallingRecordSnapshot> records, CancellationToken cancellationToken = default);

    /// <summary>Reads a campaign's own data.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored campaign, or <see langword="null"/>.</returns>
    Task<StoredCampaign?> FindAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Every stored campaign, ordered by id.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The campaigns.</returns>
    Task<IReadOnlyList<StoredCampaign>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces a campaign's own data if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="campaign">The new data.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored campaign at <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or the campaign is not stored.</exception>
    Task<StoredCampaign> SaveAsync(CampaignSnapshot campaign, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Reads a campaign's calling list.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The list, or <see langword="null"/> when the campaign is not stored.</returns>
    Task<CallingList?> GetListAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Reads a record.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored record, or <see langword="null"/>.</returns>
    Task<StoredRecord?> FindRecordAsync(string campaignId, string recordId, CancellationToken cancellationToken = default);

    /// <summary>A page of a campaign's records, in list order (<see cref="CallingRecordSnapshot.Position"/>).</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="skip">How many to skip.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; shorter than <paramref name="take"/> at the end.</returns>
    Task<IReadOnlyList<StoredRecord>> ListRecordsAsync(string campaignId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Replaces a record if it is still at <paramref name="expectedVersion"/>; its claim is kept.</summary>
    /// <param name="snapshot">The record's new state (it names its campaign).</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored record at <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or the record is not stored.</exception>
    Task<StoredRecord> SaveRecordAsync(CallingRecordSnapshot snapshot, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Atomically claims up to <see cref="ClaimRequest.MaxCount"/> claimable records of a campaign (see the remarks).</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="request">Who claims, at which instant, for how long, how many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed records, in delivery order, each with the new claim.</returns>
    Task<IReadOnlyList<StoredRecord>> ClaimDueRecordsAsync(string campaignId, ClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>Ends <paramref name="ownerId"/>'s claim on a record.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="ownerId">The host releasing it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the claim was <paramref name="ownerId"/>'s and is ended.</returns>
    Task<bool> ReleaseRecordAsync(string campaignId, string recordId, string ownerId, CancellationToken cancellationToken = default);
}
