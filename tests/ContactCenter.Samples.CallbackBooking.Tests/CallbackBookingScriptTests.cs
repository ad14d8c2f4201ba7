using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using NodaTime;
using Xunit;
using static ContactCenter.Samples.Testing.SampleOutput;

namespace ContactCenter.Samples.CallbackBooking.Tests;

/// <summary>
/// The sample's output is part of the documentation: it is compared with the committed expected-output.txt. After
/// an intended change, run the tests once with CONTACTCENTER_UPDATE_SAMPLES=1 to rewrite that file, and review its
/// diff. The other tests check the facts the output shows against what the script did.
/// </summary>
public sealed partial class CallbackBookingScriptTests
{
    private const string ExpectedOutputFile = "expected-output.txt";
    private const string UpdateVariable = "CONTACTCENTER_UPDATE_SAMPLES";
    private const string Grey = "\u001b[90m";
    private const string Reset = "\u001b[0m";

    [Fact]
    public void Output_matches_the_committed_expected_output()
    {
        string actual = Run().Output;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory("ContactCenter.Samples.CallbackBooking.Tests"), ExpectedOutputFile), actual);
            return;
        }

        string expected = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, ExpectedOutputFile)));
        if (expected != actual)
        {
            Assert.Fail($"The sample's output differs from {ExpectedOutputFile}: {FirstDifference(expected, actual)}\n" +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff of {ExpectedOutputFile}.");
        }
    }

    [Fact]
    public void Output_shows_no_phone_number_in_clear()
    {
        string output = Run().Output;

        Assert.DoesNotContain(CallbackBookingScript.CustomerNumber, output, StringComparison.Ordinal);
        Assert.DoesNotContain(DigitsOf(CallbackBookingScript.CustomerNumber), DigitsOf(output), StringComparison.Ordinal);
        Assert.DoesNotContain("2125550142", output, StringComparison.Ordinal);
        Assert.False(PhoneNumberLike().IsMatch(output), $"Something like a phone number was printed: \"{PhoneNumberLike().Match(output).Value}\".");
        Assert.Matches(PhoneNumberLike(), "call +1 (212) 555-0142 or 212 555 0142"); // the pattern finds numbers in either form
        Assert.Contains("+1212\u2022\u2022\u2022\u2022\u202242", output, StringComparison.Ordinal); // the redacted form is what the desk shows
    }

    [Fact]
    public void Two_runs_print_the_same()
    {
        Assert.Equal(Run().Output, Run().Output);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        string invariant = Run().Output;

        // A culture with other separators and names everywhere (built by hand: no ICU data needed).
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NegativeSign = "~";
        odd.DateTimeFormat.TimeSeparator = ".";
        odd.DateTimeFormat.AbbreviatedDayNames = ["dim", "lun", "mar", "mer", "jeu", "ven", "sam"];
        odd.DateTimeFormat.AbbreviatedMonthNames = ["jan", "fev", "mar", "avr", "mai", "jun", "jul", "aou", "sep", "oct", "nov", "dec", ""];
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = odd;
            Assert.Equal(invariant, Run().Output);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_header_states_the_unusual_offset_of_the_week_and_the_tz_database()
    {
        var (run, output) = Run();

        Assert.Contains("Paris is 5 h ahead of New York, not 6 h as usual", output, StringComparison.Ordinal);
        Assert.Contains("UTC+01:00, standard time since Sunday 2026-10-25", output, StringComparison.Ordinal);
        Assert.Contains("UTC-04:00, summer time until Sunday 2026-11-01", output, StringComparison.Ordinal);
        Assert.Equal(TimeZoneIds.TzdbVersion, run.Grid.TzdbVersion);
        Assert.Contains($"tz database  {run.Grid.TzdbVersion}\n", output, StringComparison.Ordinal);

        // Every row's Paris time is 5 h after its New York time.
        foreach (var row in GridRows(output))
        {
            Assert.Equal(DeskClock(ParseClock(row[0]).PlusHours(5)), row[1]);
        }
    }

    [Fact]
    public void The_grid_has_one_column_per_customer_date_of_the_search()
    {
        var (run, output) = Run();

        var header = GridHeader(output);
        Assert.Equal(["New York", "Paris", "Mon 26 Oct", "Tue 27 Oct", "Wed 28 Oct", "Thu 29 Oct", "Fri 30 Oct", "Sat 31 Oct", "Sun 01 Nov"], header);
        Assert.Equal(new LocalDate(2026, 10, 26), run.Grid.CustomerToday);
        Assert.All(GridRows(output), row => Assert.Equal(header.Length, row.Length));
    }

    [Fact]
    public void The_greyed_slots_are_exactly_the_fully_booked_ones()
    {
        var (run, output) = Run();

        // What the earlier bookings fill to capacity...
        var booked = run.EarlierBookings.GroupBy(static b => b.SlotStart).ToDictionary(static g => g.Key, static g => g.Count());
        var filled = run.Grid.Slots.Where(s => booked.GetValueOrDefault(s.Start) == s.Total).Select(static s => s.Start).ToHashSet();
        Assert.NotEmpty(filled);
        Assert.Equal(filled, run.Grid.Slots.Where(static s => s.IsFull).Select(static s => s.Start).ToHashSet());

        // ...is what the printed grid marks full, cell by cell.
        var printedFull = new HashSet<(LocalDate, LocalTime)>();
        var customerZone = run.Query.CustomerZone;
        foreach (var row in GridRows(output))
        {
            for (int column = 2; column < row.Length; column++)
            {
                if (row[column] == "full")
                {
                    printedFull.Add((run.Grid.CustomerToday.PlusDays(column - 2), ParseClock(row[0])));
                }
            }
        }

        Assert.Equal(filled.Select(s => (s.InZone(customerZone).Date, s.InZone(customerZone).TimeOfDay)).ToHashSet(), printedFull);
    }

    [Fact]
    public void Available_cells_show_the_seats_left_of_their_slot()
    {
        var (run, output) = Run();

        int checkedCells = 0;
        foreach (var row in GridRows(output))
        {
            for (int column = 2; column < row.Length; column++)
            {
                var slot = run.Grid.Slots.SingleOrDefault(s => s.CustomerLocal.Date == run.Grid.CustomerToday.PlusDays(column - 2) && s.CustomerLocal.TimeOfDay == ParseClock(row[0]));
                string expected = slot is null ? (run.Grid.DaysWithoutSlots.Any(d => d.CustomerDate == run.Grid.CustomerToday.PlusDays(column - 2)) ? "-" : ".")
                    : slot.IsFull ? "full" : string.Create(CultureInfo.InvariantCulture, $"{slot.Remaining} free");
                Assert.Equal(expected, row[column]);
                checkedCells++;
            }
        }

        Assert.Equal(run.Query.HorizonDays * GridRows(output).Count, checkedCells);
        Assert.Equal(run.Grid.Slots.Count, run.Grid.Slots.Select(static s => s.Start).Distinct().Count());
    }

    [Fact]
    public void Full_slots_are_greyed_with_ANSI_colours_only_when_asked()
    {
        var (run, plain) = Run();
        var (_, coloured) = Run(useAnsiColours: true);

        Assert.DoesNotContain('\u001b', plain);
        Assert.Equal(run.Grid.Slots.Count(static s => s.IsFull), Occurrences(coloured, Grey + "full" + Reset));
        Assert.Equal(Occurrences(coloured, Grey), Occurrences(coloured, Grey + "full" + Reset));

        // Without the escapes, the coloured grid lines up as the plain one.
        Assert.Equal(plain, coloured.Replace(Grey, "", StringComparison.Ordinal).Replace(Reset, "", StringComparison.Ordinal));
    }

    [Fact]
    public void Days_without_slots_show_their_reason()
    {
        var (run, output) = Run();

        Assert.Equal(
            [(new LocalDate(2026, 10, 31), NoSlotReason.OutsideLegalWindow), (new LocalDate(2026, 11, 1), NoSlotReason.Closed)],
            run.Grid.DaysWithoutSlots.Select(static d => (d.CustomerDate, d.Reason)));
        foreach (var day in run.Grid.DaysWithoutSlots)
        {
            Assert.Contains($"{day.Reason}: {day.Explanation}", output, StringComparison.Ordinal);
        }

        Assert.Contains("US federal", run.Grid.DaysWithoutSlots[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grid_keeps_to_the_hours_the_windows_and_the_notice()
    {
        var (run, _) = Run();

        Assert.NotEmpty(run.Grid.Slots);
        foreach (var slot in run.Grid.Slots)
        {
            var customer = slot.CustomerLocal.TimeOfDay;
            Assert.InRange(customer, new LocalTime(9, 0), new LocalTime(18, 30)); // reachable 09:00-19:00, 30-minute slots
            Assert.InRange(slot.CentreLocal.TimeOfDay, new LocalTime(8, 0), new LocalTime(19, 30)); // open 08:00-20:00
            Assert.True(slot.Start >= Instant.FromUtc(2026, 10, 26, 14, 30) + Duration.FromHours(2), $"{slot} is within the notice.");
            if (slot.CentreLocal.Date == new LocalDate(2026, 10, 29))
            {
                Assert.True(slot.CentreLocal.TimeOfDay < new LocalTime(17, 0), $"{slot} ignores the Thursday override."); // closes at 17:00
            }
        }
    }

    [Fact]
    public void The_customer_takes_the_last_seat_and_the_second_customer_gets_alternatives()
    {
        var (run, output) = Run();

        var booking = Assert.IsType<SlotBooking>(run.CustomerBooking.Booking);
        var picked = run.Grid.Slots.Single(s => s.Start == booking.SlotStart);
        Assert.Equal(1, picked.Remaining);
        Assert.Equal(SlotBookingStatus.Booked, run.CustomerBooking.Status);

        Assert.Equal(SlotBookingStatus.Full, run.RivalBooking.Status);
        Assert.Null(run.RivalBooking.Booking);
        Assert.NotEmpty(run.RivalBooking.Alternatives);
        Assert.All(run.RivalBooking.Alternatives, alternative =>
        {
            Assert.False(alternative.IsFull);
            Assert.NotEqual(booking.SlotStart, alternative.Start);
        });
        Assert.Equal(run.RivalBooking.Alternatives.OrderBy(static s => s.Start), run.RivalBooking.Alternatives);

        Assert.Contains("customer 1: Booked", output, StringComparison.Ordinal);
        Assert.Contains("same instant: Full", output, StringComparison.Ordinal);
        Assert.Contains(run.RivalBooking.Explanation, output, StringComparison.Ordinal);
        foreach (var alternative in run.RivalBooking.Alternatives)
        {
            string customerStart = DeskClock(alternative.CustomerLocal.TimeOfDay);
            string centreStart = DeskClock(alternative.CentreLocal.TimeOfDay);
            Assert.Matches($@"\n      \w{{3}} \d\d \w{{3}} {customerStart}-\d\d:\d\d New York \({centreStart}-\d\d:\d\d Paris\), \d of \d free\n", output);
        }
    }

    [Fact]
    public void The_callback_becomes_due_and_is_offered_to_the_agent_at_the_slot_start()
    {
        var (run, output) = Run();
        var slotStart = run.CustomerBooking.Booking!.SlotStart;

        Assert.Equal(slotStart, run.Callback.DueAt);
        Assert.Equal(new Interval(slotStart, slotStart + run.CustomerBooking.Booking.Length), run.Callback.Window);
        Assert.Equal(CallbackState.Accepted, run.Callback.State);

        var due = run.CallbackEvents.OfType<CallbackStateChanged>().First();
        Assert.Equal((CallbackState.Scheduled, CallbackState.Due, slotStart), (due.Previous, due.Current, due.At));

        var offered = Assert.Single(run.DispatchEvents.OfType<CallbackOfferedToAgent>());
        Assert.Equal((CallbackBookingScript.AgentId, slotStart), (offered.AgentId, offered.At));
        var offer = Assert.Single(run.CallbackEvents.OfType<CallbackOffered>());
        Assert.Equal(slotStart, offer.Offer.At);
        Assert.All(run.CallbackEvents, e => Assert.True(e.At >= slotStart, $"{e} happened before the slot."));

        Assert.Contains("Tue 27 Oct 11:00:00 / 16:00:00  dispatch  callback offered to alice", output, StringComparison.Ordinal);
        Assert.Contains("Tue 27 Oct 11:00:00 / 16:00:00  callback  state Scheduled -> Due (MarkDue)", output, StringComparison.Ordinal);
        Assert.Contains("callback  state Offered -> Accepted (Accept)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sales_call_at_an_illegal_hour_is_refused_with_its_explanation()
    {
        var (run, output) = Run();

        Assert.False(run.LateSolicitation.IsDialable);
        Assert.Equal(Instant.FromUtc(2026, 10, 28, 12, 0), run.LateSolicitation.NextWindowOpensAt); // 08:00 in New York
        Assert.Contains("a sales call at Tue 27 Oct 21:30 New York: not dialable: 21:30 is past 21:00 in America/New_York (US federal); next window opens 2026-10-28 08:00-04:00", output, StringComparison.Ordinal);
        Assert.Contains("the callback at Tue 27 Oct 11:00 New York: dialable:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_on_the_same_folder_finds_the_booking_and_the_callback_in_the_store()
    {
        using var folder = new TempFolder();
        var (first, _) = Run(folder: folder.Path);

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var second = await CallbackBookingScript.RunAsync(output, folder.Path);

        Assert.Null(second);
        Assert.Equal(
            "This data folder holds an earlier run: the store kept its bookings and its callback\n" +
            "  12 bookings, among them cb-customer-1 for Tue 27 Oct 11:00-11:30 New York (16:00-16:30 Paris)\n" +
            "  the callback for cb-customer-1: Accepted, left for a person to finish (an agent held it when the host stopped)\n" +
            "  To book again from an empty store, run with --data <another folder> (or delete this one).\n",
            Normalize(output.ToString()));
        Assert.Equal(CallbackState.Accepted, first.Callback.State);
    }

    [Fact]
    public void Every_booking_is_in_the_store_when_the_desk_shows_it()
    {
        var (run, output) = Run();

        Assert.Equal(11, run.EarlierBookings.Count); // and the customer's makes 12; the rival got none
        Assert.Contains("12 bookings and the callback for cb-customer-1 (Accepted) are in contactcenter.db in the data folder.", output, StringComparison.Ordinal);
        Assert.Contains("written to the store: Accepted, version 2", output, StringComparison.Ordinal);
    }

    private static (CallbackBookingRun Run, string Output) Run(bool useAnsiColours = false, string? folder = null)
    {
        using var temporary = folder is null ? new TempFolder() : null;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var run = Task.Run(() => CallbackBookingScript.RunAsync(output, folder ?? temporary!.Path, useAnsiColours)).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("The script found an earlier run in a new folder.");
        return (run, Normalize(output.ToString()));
    }

    /// <summary>A new temporary data folder, deleted afterwards: every run starts from an empty store.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-booking-test-" + Guid.NewGuid().ToString("N"));

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

    /// <summary>The grid's header cells: the two zones, then one day per column.</summary>
    private static string[] GridHeader(string output) => Cells(output.Split('\n').Single(static l => l.StartsWith("  New York  Paris  ", StringComparison.Ordinal)));

    /// <summary>The grid's rows, as cells: New York time, Paris time, then one cell per day.</summary>
    private static List<string[]> GridRows(string output)
    {
        var lines = output.Split('\n');
        int header = Array.FindIndex(lines, static l => l.StartsWith("  New York  Paris  ", StringComparison.Ordinal));
        return [.. lines.Skip(header + 1).TakeWhile(static l => l.Length > 0).Select(Cells)];
    }

    /// <summary>Cells are separated by two spaces or more ("2 free" holds one).</summary>
    private static string[] Cells(string line) => CellSeparator().Split(line.Trim());

    private static LocalTime ParseClock(string text) =>
        new(int.Parse(text[..2], CultureInfo.InvariantCulture), int.Parse(text[3..], CultureInfo.InvariantCulture));

    private static string DeskClock(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// An international number (+ and seven or more digits, possibly separated), a North American national one
    /// (212 555 0142, (212) 555-0142) or seven digits in a row; dates (2026-10-27) and times do not match.
    /// </summary>
    [GeneratedRegex(@"\+\d(?:[ .\-()]*\d){6,}|\(?\d{3}\)?[ .\-]\d{3}[ .\-]\d{4}|\d{7,}")]
    private static partial Regex PhoneNumberLike();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex CellSeparator();
}
