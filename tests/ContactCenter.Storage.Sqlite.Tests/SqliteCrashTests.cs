using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Storage.Sqlite.Tests;

/// <summary>
/// A child process (tests/ContactCenter.Storage.CrashWriter) writes callbacks and record attempts in a loop, printing each
/// write after the store acknowledged it; the test kills it with SIGKILL at seeded random moments (after a random number
/// of acknowledged writes, in the middle of the next one), 50 times. After every kill the database opens, every
/// acknowledged write is present, and nothing is duplicated: each record's attempts are numbered 1..n without a gap or a
/// repeat, and its version is n + 1 (one save per attempt).
/// </summary>
public sealed class SqliteCrashTests : IDisposable
{
    private const int Kills = 50;
    private const int Seed = 0x0C0A_5401;

    private readonly TempDatabase _temp = new();
    private readonly ITestOutputHelper _output;

    public SqliteCrashTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_acknowledged_write_survives_SIGKILL_and_none_is_duplicated()
    {
        string writer = typeof(SqliteCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashWriter").Value!;
        Assert.True(File.Exists(writer), $"The crash writer is not built at {writer}.");
        var random = new Random(Seed);
        var callbacks = new HashSet<string>(StringComparer.Ordinal);
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0;
        for (int run = 0; run < Kills; run++)
        {
            int killAfter = random.Next(1, 60);
            var lines = RunAndKill(writer, run, killAfter);
            foreach (var line in lines)
            {
                var parts = line.Split(' ');
                if (parts[0] == "C")
                {
                    Assert.True(callbacks.Add(parts[1]), $"Callback {parts[1]} acknowledged twice.");
                }
                else if (parts[0] == "R")
                {
                    int ordinal = int.Parse(parts[2], CultureInfo.InvariantCulture);
                    attempts[parts[1]] = Math.Max(ordinal, attempts.TryGetValue(parts[1], out int seen) ? seen : 0);
                }

                total++;
            }

            await VerifyAsync(callbacks, attempts, run);
        }

        _output.WriteLine($"{Kills} kills, {total} acknowledged writes ({callbacks.Count} callbacks, {attempts.Values.Sum()} attempts seen)");
        Assert.True(callbacks.Count >= Kills);
    }

    private List<string> RunAndKill(string writer, int run, int killAfter)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(_temp.Path);
        start.ArgumentList.Add(run.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        bool ready = false;
        int acknowledged = 0;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line == "READY")
            {
                ready = true;
                continue;
            }

            lines.Add(line);
            if (++acknowledged == killAfter)
            {
                process.Kill(); // SIGKILL on Unix: no finally block, no flush, no close
                break;
            }
        }

        process.WaitForExit();

        // Lines printed before the kill that were still in the pipe are acknowledged writes too.
        lines.AddRange(process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        string errors = process.StandardError.ReadToEnd();
        Assert.True(ready, $"Run {run}: the writer never got ready. {errors}");
        Assert.True(acknowledged == killAfter, $"Run {run}: the writer stopped by itself after {acknowledged} writes. {errors}");
        return lines;
    }

    private async Task VerifyAsync(HashSet<string> callbacks, Dictionary<string, int> attempts, int run)
    {
        using var store = SqliteContactCenterStore.Open(_temp.Path);
        var stored = new List<string>();
        for (int skip = 0; ; skip += 1000)
        {
            var page = await store.Callbacks.ListOpenAsync(skip, 1000);
            stored.AddRange(page.Select(static p => p.Snapshot.Id.ToString()));
            if (page.Count < 1000)
            {
                break;
            }
        }

        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        var missing = callbacks.Except(stored, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"After kill {run}: {missing.Count} acknowledged callback(s) missing, e.g. {missing.FirstOrDefault()}.");
        Assert.True(stored.Count <= callbacks.Count + run + 1, "More callbacks stored than written (at most one unacknowledged per run).");

        foreach (var record in await store.Campaigns.ListRecordsAsync("crash", 0, 100))
        {
            var ordinals = record.Snapshot.Attempts.Select(static a => a.Ordinal).ToList();
            Assert.Equal(Enumerable.Range(1, ordinals.Count), ordinals);
            Assert.Equal(ordinals.Count + 1, record.Version);
            int seen = attempts.TryGetValue(record.Snapshot.RecordId, out int s) ? s : 0;
            Assert.True(ordinals.Count >= seen, $"After kill {run}: record {record.Snapshot.RecordId} has {ordinals.Count} attempts, {seen} were acknowledged.");
            Assert.True(ordinals.Count <= seen + run + 1);
        }

        Assert.NotNull(await store.Callbacks.FindAsync(new CallbackId(Guid.ParseExact(callbacks.First(), "N"))));
    }
}
