using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using NodaTime;

namespace ContactCenter.Core.Persistence;

/// <summary>A callback as stored: its snapshot, its version (1 after the insert, +1 per save) and its claim, if any.</summary>
/// <param name="Snapshot">The callback.</param>
/// <param name="Version">The version to name in the next save.</param>
/// <param name="Claim">The host holding it (maybe with a lease that ran out), or <see langword="null"/>.</param>
public sealed record StoredCallback(CallbackSnapshot Snapshot, long Version, Claim? Claim);

/// <summary>A campaign's own data as stored, with its version.</summary>
/// <param name="Snapshot">The campaign.</param>
/// <param name="Version">The version to name in the next save.</param>
public sealed record StoredCampaign(CampaignSnapshot Snapshot, long Version);

/// <summary>A calling record as stored: its snapshot, its version and its claim, if any.</summary>
/// <param name="Snapshot">The record.</param>
/// <param name="Version">The version to name in the next save.</param>
/// <param name="Claim">The host holding it (maybe with a lease that ran out), or <see langword="null"/>.</param>
public sealed record StoredRecord(CallingRecordSnapshot Snapshot, long Version, Claim? Claim);

/// <summary>
/// An interaction as stored: its snapshot, its version, the host that owns it (with a lease it renews while alive) and
/// when it was last written.
/// </summary>
/// <param name="Snapshot">The interaction.</param>
/// <param name="Version">The version to name in the next save.</param>
/// <param name="Owner">The host running it and its lease.</param>
/// <param name="UpdatedAt">When it was last written (the host's clock).</param>
public sealed record StoredInteraction(InteractionSnapshot Snapshot, long Version, Claim Owner, Instant UpdatedAt);
