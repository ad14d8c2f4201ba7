using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ContactCenter.Core.Scheduling;
using NodaTime;

namespace ContactCenter.Samples.CallbackBooking;

/// <summary>
/// The slot grid as the agent sees it: one column per day of the search in the customer's local dates, one row per
/// slot time in the customer's zone (with the centre's time of that row), and in each cell the seats left. Full
/// slots are greyed; days without a slot say why.
/// </summary>
internal static class SlotGrid
{
    /// <summary>Marks a slot that is offered but fully booked: greyed on the desk.</summary>
    public const string FullCell = "full";

    /// <summary>Marks a time of a day that has slots, but not at that time (too soon, outside the hours).</summary>
    public const string NotOfferedCell = ".";

    /// <summary>Marks every time of a day without any slot.</summary>
    public const string NoSlotDayCell = "-";

    private const int CellWidth = 12;

    // ANSI "bright black" (grey), then back to normal: for a real terminal only; the text written for tests is plain.
    private const string Grey = "\u001b[90m";
    private const string Reset = "\u001b[0m";

    public static void Print(TextWriter output, SlotQuery query, SlotSearchResult grid, bool useAnsiColours)
    {
        string customer = DeskText.City(query.CustomerZone);
        string centre = DeskText.City(query.CentreZone);
        int customerWidth = Math.Max(customer.Length, 5) + 2;
        int centreWidth = Math.Max(centre.Length, 5) + 2;

        var days = Enumerable.Range(0, query.HorizonDays).Select(grid.CustomerToday.PlusDays).ToList();
        var emptyDays = grid.DaysWithoutSlots.Select(static d => d.CustomerDate).ToHashSet();

        // A row per customer-local slot time; a cell holds the slot(s) of that day and time. (On a fall-back night a
        // local time occurs twice: both slots then share a cell, the earlier first.)
        var rows = grid.Slots.Select(static s => s.CustomerLocal.TimeOfDay).Distinct().Order().ToList();
        var cells = grid.Slots.ToLookup(static s => (s.CustomerLocal.Date, s.CustomerLocal.TimeOfDay));

        output.WriteLine();
        output.WriteLine($"The grid on the agent's desk: {customer} time down the side, seats left in each slot");
        output.WriteLine();
        output.Write("  " + customer.PadRight(customerWidth) + centre.PadRight(centreWidth));
        output.WriteLine(string.Concat(days.Select(static d => DeskText.Day(d).PadRight(CellWidth))).TrimEnd());

        foreach (var time in rows)
        {
            output.Write("  " + DeskText.Clock(time).PadRight(customerWidth) + CentreTime(grid.Slots, time).PadRight(centreWidth));
            var line = new List<string>();
            foreach (var day in days)
            {
                var slots = cells[(day, time)].ToList();
                line.Add(emptyDays.Contains(day) ? Pad(NoSlotDayCell) : slots.Count == 0 ? Pad(NotOfferedCell) : Cell(slots, useAnsiColours));
            }

            output.WriteLine(string.Concat(line).TrimEnd());
        }

        output.WriteLine();
        output.WriteLine($"  2 free: seats left   {FullCell}: fully booked (greyed)   {NotOfferedCell}: not offered (too soon, or outside that day's hours)   {NoSlotDayCell}: no slot that day");
        foreach (var day in grid.DaysWithoutSlots)
        {
            output.WriteLine($"  {DeskText.Day(day.CustomerDate)}  {day.Reason}: {day.Explanation}");
        }
    }

    /// <summary>The centre's time of a row: the same for every day unless an offset changes within the search.</summary>
    private static string CentreTime(IReadOnlyList<Slot> slots, LocalTime customerTime)
    {
        var centreTimes = slots.Where(s => s.CustomerLocal.TimeOfDay == customerTime).Select(static s => s.CentreLocal.TimeOfDay).Distinct().ToList();
        return centreTimes.Count == 1 ? DeskText.Clock(centreTimes[0]) : "varies";
    }

    private static string Cell(List<Slot> slots, bool useAnsiColours) =>
        string.Join("/", slots.Select(s => s.IsFull ? (useAnsiColours ? Grey + FullCell + Reset : FullCell) : Seats(s.Remaining)))
            .PadRight(CellWidth + (useAnsiColours ? slots.Count(static s => s.IsFull) * (Grey.Length + Reset.Length) : 0));

    private static string Seats(int remaining) => remaining.ToString(System.Globalization.CultureInfo.InvariantCulture) + " free";

    private static string Pad(string text) => text.PadRight(CellWidth);
}
