using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Persistence.Contracts;

namespace ContactCenter.Storage.Sqlite.Tests;

public sealed class SqliteCallbackStoreTests : CallbackStoreContract, IDisposable
{
    private readonly Holder _holder = new();

    protected override Task<IContactCenterStore> CreateStoreAsync() => _holder.Open();

    public void Dispose() => _holder.Dispose();
}

public sealed class SqliteCampaignStoreTests : CampaignStoreContract, IDisposable
{
    private readonly Holder _holder = new();

    protected override Task<IContactCenterStore> CreateStoreAsync() => _holder.Open();

    public void Dispose() => _holder.Dispose();
}

public sealed class SqliteSlotBookingStoreTests : SlotBookingStoreContract, IDisposable
{
    private readonly Holder _holder = new();

    protected override Task<IContactCenterStore> CreateStoreAsync() => _holder.Open();

    public void Dispose() => _holder.Dispose();
}

public sealed class SqliteInteractionStoreTests : InteractionStoreContract, IDisposable
{
    private readonly Holder _holder = new();

    protected override Task<IContactCenterStore> CreateStoreAsync() => _holder.Open();

    public void Dispose() => _holder.Dispose();
}

/// <summary>The stores a test opened, in temporary folders, closed and deleted with the test.</summary>
internal sealed class Holder : IDisposable
{
    private readonly List<(SqliteContactCenterStore Store, TempDatabase Folder)> _open = [];

    public Task<IContactCenterStore> Open()
    {
        var folder = new TempDatabase();
        var store = SqliteContactCenterStore.Open(folder.Path);
        _open.Add((store, folder));
        return Task.FromResult<IContactCenterStore>(store);
    }

    public void Dispose()
    {
        foreach (var (store, folder) in _open)
        {
            store.Dispose();
            folder.Dispose();
        }
    }
}
