namespace ContactCenter.Core.Persistence;

/// <summary>One database holding every port: what a store package opens (the in-memory store, SQLite, PostgreSQL).</summary>
public interface IContactCenterStore
{
    /// <summary>Callbacks, with their attempts.</summary>
    ICallbackStore Callbacks { get; }

    /// <summary>Campaigns, calling lists and records, with their attempts and results.</summary>
    ICampaignStore Campaigns { get; }

    /// <summary>Bookings of slot capacity.</summary>
    ISlotBookingStore Bookings { get; }

    /// <summary>Snapshots of in-flight interactions.</summary>
    IInteractionStore Interactions { get; }
}
