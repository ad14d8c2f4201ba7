using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using static ContactCenter.Samples.Testing.SampleOutput;

namespace ContactCenter.Samples.Quickstart.Tests;

/// <summary>
/// The quickstart's output is part of the documentation: it is compared with the committed
/// expected-output.txt. After an intended change, run the tests once with CONTACTCENTER_UPDATE_SAMPLES=1
/// to rewrite that file, and review its diff.
/// </summary>
public sealed partial class QuickstartShiftTests
{
    private const string ExpectedOutputFile = "expected-output.txt";
    private const string UpdateVariable = "CONTACTCENTER_UPDATE_SAMPLES";

    [Fact]
    public void Output_matches_the_committed_expected_output()
    {
        string actual = RunShift();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory("ContactCenter.Samples.Quickstart.Tests"), ExpectedOutputFile), actual);
            return;
        }

        string expected = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, ExpectedOutputFile)));
        if (expected != actual)
        {
            Assert.Fail($"The quickstart's output differs from {ExpectedOutputFile}: {FirstDifference(expected, actual)}\n" +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff of {ExpectedOutputFile}.");
        }
    }

    [Fact]
    public void Output_shows_no_phone_number_in_clear()
    {
        string output = RunShift();

        foreach (string number in new[] { QuickstartShift.FirstCallerNumber, QuickstartShift.SecondCallerNumber })
        {
            Assert.DoesNotContain(number, output, StringComparison.Ordinal);
            Assert.DoesNotContain(DigitsOf(number), DigitsOf(output), StringComparison.Ordinal);
        }

        Assert.False(PhoneNumberLike().IsMatch(output), $"Something like a phone number was printed: \"{PhoneNumberLike().Match(output).Value}\".");
    }

    [Fact]
    public void Two_runs_print_the_same()
    {
        Assert.Equal(RunShift(), RunShift());
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        string invariant = RunShift();

        // A culture with other separators everywhere (built by hand: no ICU data needed).
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NegativeSign = "~";
        odd.DateTimeFormat.TimeSeparator = ".";
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = odd;
            Assert.Equal(invariant, RunShift());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_shift_ends_with_the_agent_logged_out_and_a_summary()
    {
        string output = RunShift();

        Assert.Contains("AfterCallWork -> LoggedOut (AfterCallWorkTimedOut)", output, StringComparison.Ordinal);
        Assert.Contains("note added automatically (transfer reason)", output, StringComparison.Ordinal);
        Assert.Contains("\nSummary\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_keeps_the_calls_in_its_store_and_finds_none_orphaned_after_the_shift()
    {
        using var folder = new TempFolder();
        using (var first = new StringWriter(CultureInfo.InvariantCulture))
        {
            await QuickstartShift.RunAsync(first, folder.Path);
            Assert.Contains("08:00:00  host     store contactcenter.db in the data folder; recovery found 0 open callbacks, 0 campaigns, 0 orphaned calls", first.ToString(), StringComparison.Ordinal);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var store = ContactCenter.Storage.Sqlite.SqliteContactCenterStore.Open(Path.Combine(folder.Path, "contactcenter.db")))
        {
            Assert.Empty(await store.Interactions.ListInFlightAsync(0, 10));
            var call1 = await store.Interactions.FindAsync(new ContactCenter.Core.Interactions.InteractionId(new Guid(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
            Assert.Equal((ContactCenter.Core.Interactions.InteractionState.Done, "Resolved", QuickstartShift.HostId), (call1!.Snapshot.State, call1.Snapshot.Disposition, call1.Owner.OwnerId));
        }

        // A second run on the same folder prints the same: a clean shift leaves nothing for the next start.
        Assert.Equal(RunShift(), RunShift(folder.Path));
    }

    [Fact]
    public async Task A_call_left_in_flight_by_a_dead_run_is_reported_as_orphaned_on_start()
    {
        using var folder = new TempFolder();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var store = ContactCenter.Storage.Sqlite.SqliteContactCenterStore.Open(Path.Combine(folder.Path, "contactcenter.db")))
        {
            var call = ContactCenter.Core.Interactions.Interaction.Create(new ContactCenter.Core.Interactions.InteractionSpec(
                ContactCenter.Core.Interactions.MediaType.Voice, ContactCenter.Core.Interactions.InteractionDirection.Inbound, QuickstartShift.FirstCallerNumber));
            call.Accept();
            var at = NodaTime.Instant.FromUtc(2026, 11, 22, 17, 0);
            await store.Interactions.AddAsync(call.Snapshot, new ContactCenter.Core.Persistence.Claim(QuickstartShift.HostId, at + NodaTime.Duration.FromMinutes(5)), at);
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        await QuickstartShift.RunAsync(output, folder.Path);

        Assert.Contains("recovery found 0 open callbacks, 0 campaigns, 1 orphaned calls", output.ToString(), StringComparison.Ordinal);
        // Still orphaned at the restart: only a person finishes it; the shift's own calls are not.
        Assert.Contains("30 call snapshots were written; recovery found 0 open callbacks, 0 campaigns, 1 orphaned calls", output.ToString(), StringComparison.Ordinal);
    }

    private static string RunShift(string? folder = null)
    {
        using var temporary = folder is null ? new TempFolder() : null;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Task.Run(() => QuickstartShift.RunAsync(output, folder ?? temporary!.Path)).GetAwaiter().GetResult();
        return Normalize(output.ToString());
    }

    /// <summary>A new temporary data folder, deleted afterwards: every run starts from an empty store.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-quickstart-test-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Still held open: the system cleans its temporary folder.
            }
        }
    }

    /// <summary>Seven or more digits, possibly separated by spaces, dots or dashes, with an optional leading +.</summary>
    [GeneratedRegex(@"\+?\d(?:[ .\-]?\d){6,}")]
    private static partial Regex PhoneNumberLike();
}
