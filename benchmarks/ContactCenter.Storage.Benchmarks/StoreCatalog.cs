using System;
using System.Collections.Generic;
using System.IO;
using ContactCenter.Core.Persistence;
using ContactCenter.Storage.Sqlite;

namespace ContactCenter.Storage.Benchmarks;

/// <summary>
/// The stores a benchmark can run on, by name: the value of a benchmark's <c>Store</c> parameter. Add a store here (and to
/// the benchmark's parameter list) to measure it with the same operations. <see cref="Baseline"/> is what the ratio column
/// compares every store with.
/// </summary>
internal static class StoreCatalog
{
    public const string Baseline = InMemory;
    public const string InMemory = "InMemory";
    public const string Sqlite = "Sqlite";

    private static readonly Dictionary<string, Func<OpenStore>> s_factories = new(StringComparer.Ordinal)
    {
        [InMemory] = static () => new OpenStore(new InMemoryContactCenterStore(), null),
        [Sqlite] = static () =>
        {
            string folder = Path.Combine(Path.GetTempPath(), "cc-bench-" + Guid.NewGuid().ToString("N"));
            return new OpenStore(SqliteContactCenterStore.Open(Path.Combine(folder, "contactcenter.db")), () => Directory.Delete(folder, recursive: true));
        },
    };

    public static OpenStore Open(string name) =>
        s_factories.TryGetValue(name, out var open) ? open() : throw new ArgumentException($"Unknown store '{name}'.", nameof(name));
}

/// <summary>A store opened for one benchmark case, and how to clean up after it.</summary>
internal sealed class OpenStore(IContactCenterStore store, Action? cleanup) : IDisposable
{
    public IContactCenterStore Store { get; } = store;

    public void Dispose()
    {
        (Store as IDisposable)?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        cleanup?.Invoke();
    }
}
