using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Persistence.Contracts;
using Xunit;

namespace ContactCenter.Storage.PostgreSql.Tests;

// The shared contract suite (tests/Shared/Persistence) against a real server: every test gets a fresh schema of its
// own, and each class's schemas are dropped when the class is done.

public sealed class PostgreSqlCallbackStoreContractTests(PostgresSchemas schemas) : CallbackStoreContract, IClassFixture<PostgresSchemas>
{
    protected override async Task<IContactCenterStore> CreateStoreAsync() => await schemas.OpenNewAsync("cb");
}

public sealed class PostgreSqlCampaignStoreContractTests(PostgresSchemas schemas) : CampaignStoreContract, IClassFixture<PostgresSchemas>
{
    protected override async Task<IContactCenterStore> CreateStoreAsync() => await schemas.OpenNewAsync("cp");
}

public sealed class PostgreSqlSlotBookingStoreContractTests(PostgresSchemas schemas) : SlotBookingStoreContract, IClassFixture<PostgresSchemas>
{
    protected override async Task<IContactCenterStore> CreateStoreAsync() => await schemas.OpenNewAsync("sb");
}

public sealed class PostgreSqlInteractionStoreContractTests(PostgresSchemas schemas) : InteractionStoreContract, IClassFixture<PostgresSchemas>
{
    protected override async Task<IContactCenterStore> CreateStoreAsync() => await schemas.OpenNewAsync("ix");
}
