using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Persistence.Contracts;

namespace ContactCenter.Core.Tests.Persistence;

public sealed class InMemoryCallbackStoreTests : CallbackStoreContract
{
    protected override Task<IContactCenterStore> CreateStoreAsync() => Task.FromResult<IContactCenterStore>(new InMemoryContactCenterStore());
}

public sealed class InMemoryCampaignStoreTests : CampaignStoreContract
{
    protected override Task<IContactCenterStore> CreateStoreAsync() => Task.FromResult<IContactCenterStore>(new InMemoryContactCenterStore());
}

public sealed class InMemorySlotBookingStoreTests : SlotBookingStoreContract
{
    protected override Task<IContactCenterStore> CreateStoreAsync() => Task.FromResult<IContactCenterStore>(new InMemoryContactCenterStore());
}

public sealed class InMemoryInteractionStoreTests : InteractionStoreContract
{
    protected override Task<IContactCenterStore> CreateStoreAsync() => Task.FromResult<IContactCenterStore>(new InMemoryContactCenterStore());
}
