namespace ContactCenter.Core.Persistence;

/// <summary>Every port in memory (<see cref="IContactCenterStore"/>): the default for tests and for hosts that need no durability.</summary>
public sealed class InMemoryContactCenterStore : IContactCenterStore
{
    /// <inheritdoc />
    public ICallbackStore Callbacks { get; } = new InMemoryCallbackStore();

    /// <inheritdoc />
    public ICampaignStore Campaigns { get; } = new InMemoryCampaignStore();

    /// <inheritdoc />
    public ISlotBookingStore Bookings { get; } = new InMemorySlotBookingStore();

    /// <inheritdoc />
    public IInteractionStore Interactions { get; } = new InMemoryInteractionStore();
}
