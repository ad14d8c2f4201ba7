using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Scheduling;

/// <summary>
/// What a callback slot search needs: the centre's zone, hours, holidays, overrides, slot length and
/// capacity; the customer's zone and reachable hours; the legal calling windows; the horizon, the
/// minimum notice and whether full slots are listed. Immutable; checked by <see cref="Validate"/>
/// (and by every search and booking).
/// </summary>
/// <remarks>
/// <para>Slots lie on the centre's local clock grid: they start at the centre-local times that are a
/// whole number of <see cref="SlotLength"/>s after local midnight (00:00, 00:15, 00:30… for 15
/// minutes), on every day. A grid time that the centre's clock skips (spring forward) has no slot; a
/// grid time that the clock repeats (fall back) has two, one per instant.</para>
/// <para>Like <see cref="WeeklyHours"/>, a range belongs to the centre-local date it starts on: a
/// holiday or an override replaces the ranges that start on that date, so Friday 22:00–02:00 is
/// governed by Friday's entry, including its hours after midnight.</para>
/// </remarks>
public sealed record SlotQuery
{
    private static readonly IReadOnlyDictionary<LocalDate, IReadOnlyList<LocalTimeRange>> s_noOverrides =
        new ReadOnlyDictionary<LocalDate, IReadOnlyList<LocalTimeRange>>(new Dictionary<LocalDate, IReadOnlyList<LocalTimeRange>>());

    /// <summary>The shortest slot.</summary>
    public static readonly Duration MinimumSlotLength = Duration.FromMinutes(5);

    /// <summary>The longest slot.</summary>
    public static readonly Duration MaximumSlotLength = Duration.FromMinutes(120);

    /// <summary>The longest horizon, in days.</summary>
    public const int MaximumHorizonDays = 366;

    /// <summary>Creates a query; every other setting has a default.</summary>
    /// <param name="centreZone">The centre's zone (an IANA location zone).</param>
    /// <param name="centreHours">The centre's weekly opening hours, centre-local.</param>
    /// <param name="customerZone">The customer's zone (an IANA location zone).</param>
    public SlotQuery(DateTimeZone centreZone, WeeklyHours centreHours, DateTimeZone customerZone)
    {
        CentreZone = centreZone;
        CentreHours = centreHours;
        CustomerZone = customerZone;
    }

    /// <summary>The centre's zone: hours, holidays, overrides, the slot grid and capacity are centre-local.</summary>
    public DateTimeZone CentreZone { get; init; }

    /// <summary>The centre's weekly opening hours (ranges may cross midnight).</summary>
    public WeeklyHours CentreHours { get; init; }

    /// <summary>Centre-local dates on which the centre is closed (unless <see cref="Overrides"/> names the date). Default none.</summary>
    public IReadOnlyCollection<LocalDate> Holidays { get; init; } = Array.Empty<LocalDate>();

    /// <summary>
    /// The centre's hours for single centre-local dates, replacing the weekly hours of that date; an
    /// empty list closes the date. An override wins over a holiday of the same date (special opening).
    /// Default none.
    /// </summary>
    public IReadOnlyDictionary<LocalDate, IReadOnlyList<LocalTimeRange>> Overrides { get; init; } = s_noOverrides;

    /// <summary>
    /// The length of a slot: whole minutes, 5 to 120, dividing 24 hours (5, 10, 15, 20, 30, 45, 60,
    /// 90, 120…) so that the grid is the same every day. Default 15 minutes.
    /// </summary>
    public Duration SlotLength { get; init; } = Duration.FromMinutes(15);

    /// <summary>How many callbacks each slot takes. Default one.</summary>
    public SlotCapacity Capacity { get; init; } = SlotCapacity.Constant(1);

    /// <summary>The customer's zone: reachable hours and the horizon's days are customer-local.</summary>
    public DateTimeZone CustomerZone { get; init; }

    /// <summary>When the customer can be called, customer-local. Default <see cref="WeeklyHours.Always"/>.</summary>
    public WeeklyHours CustomerWindows { get; init; } = WeeklyHours.Always;

    /// <summary>
    /// The legal calling windows that apply; each is applied in every zone of <see cref="LegalZones"/>
    /// and a slot must lie inside all of them. The search applies every policy given: choosing them by
    /// purpose and jurisdiction is the caller's. Frequency caps are not a slot matter and are not read.
    /// Default none.
    /// </summary>
    public IReadOnlyList<CallingWindowPolicy> LegalPolicies { get; init; } = Array.Empty<CallingWindowPolicy>();

    /// <summary>
    /// The zones in which the legal windows are applied, when the customer's legal zone is uncertain
    /// (a mobile number's area code and the customer's stated zone); the most restrictive wins. Empty
    /// (the default) means <see cref="CustomerZone"/> alone.
    /// </summary>
    public IReadOnlyList<DateTimeZone> LegalZones { get; init; } = Array.Empty<DateTimeZone>();

    /// <summary>How many customer-local days are searched, starting with the customer's today. 1–366, default 7.</summary>
    public int HorizonDays { get; init; } = 7;

    /// <summary>How long after now the earliest slot may start; zero or more. Default zero.</summary>
    public Duration MinimumNotice { get; init; } = Duration.Zero;

    /// <summary>Whether fully booked slots are listed too (greyed in an agent's grid). Default false.</summary>
    public bool ReportFullSlots { get; init; }

    /// <summary>Accept abbreviation and fixed-offset zones (<c>EST</c>, <c>Etc/GMT+5</c>). Default false.</summary>
    public bool AllowNonLocationZones { get; init; }

    /// <summary>The zones the legal windows are applied in: <see cref="LegalZones"/>, or the customer's zone when empty.</summary>
    internal IReadOnlyList<DateTimeZone> EffectiveLegalZones =>
        LegalZones.Count == 0 ? [CustomerZone] : LegalZones;

    /// <summary>
    /// Creates a query from zone ids, through <see cref="TimeZoneIds.Resolve"/>: IANA location ids
    /// only, aliases canonicalised.
    /// </summary>
    /// <param name="centreZoneId">The centre's zone id, for example <c>Europe/Paris</c>.</param>
    /// <param name="centreHours">The centre's weekly opening hours.</param>
    /// <param name="customerZoneId">The customer's zone id, for example <c>America/New_York</c>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">A zone id is unknown, or not a location id.</exception>
    public static SlotQuery Create(string centreZoneId, WeeklyHours centreHours, string customerZoneId) =>
        new(TimeZoneIds.Resolve(centreZoneId), centreHours, TimeZoneIds.Resolve(customerZoneId));

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names each setting and every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        CheckZone(problems, nameof(CentreZone), CentreZone);
        CheckZone(problems, nameof(CustomerZone), CustomerZone);
        if (CentreHours is null)
        {
            problems.Add("CentreHours must not be null (use WeeklyHours.None for a centre that is never open).");
        }

        if (CustomerWindows is null)
        {
            problems.Add("CustomerWindows must not be null (use WeeklyHours.Always when the customer can always be called).");
        }

        if (Holidays is null)
        {
            problems.Add("Holidays must not be null.");
        }

        if (Overrides is null)
        {
            problems.Add("Overrides must not be null.");
        }
        else
        {
            foreach (var entry in Overrides.Where(static e => e.Value is null))
            {
                problems.Add(FormattableString.Invariant($"Overrides for {SlotText.Date(entry.Key)} must not be null (use an empty list to close that date)."));
            }
        }

        CheckSlotLength(problems);
        if (Capacity is null)
        {
            problems.Add("Capacity must not be null.");
        }

        if (LegalPolicies is null)
        {
            problems.Add("LegalPolicies must not be null.");
        }
        else if (LegalPolicies.Any(static p => p is null))
        {
            problems.Add("LegalPolicies must not contain null.");
        }

        if (LegalZones is null)
        {
            problems.Add("LegalZones must not be null (leave it empty to use the customer's zone).");
        }
        else
        {
            for (var i = 0; i < LegalZones.Count; i++)
            {
                CheckZone(problems, string.Format(CultureInfo.InvariantCulture, "LegalZones[{0}]", i), LegalZones[i]);
            }
        }

        if (HorizonDays is < 1 or > MaximumHorizonDays)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "HorizonDays must be 1–{0} (was {1}).", MaximumHorizonDays, HorizonDays));
        }

        if (MinimumNotice < Duration.Zero)
        {
            problems.Add(FormattableString.Invariant($"MinimumNotice must not be negative (was {SlotText.Minutes(MinimumNotice)})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid slot query: " + string.Join(" ", problems));
        }
    }

    private void CheckSlotLength(List<string> problems)
    {
        var length = SlotLength;
        if (length < MinimumSlotLength || length > MaximumSlotLength)
        {
            problems.Add(FormattableString.Invariant($"SlotLength must be 5–120 minutes (was {SlotText.Minutes(length)})."));
        }
        else if (length.BclCompatibleTicks % TimeSpan.TicksPerMinute != 0 || TimeSpan.TicksPerDay % length.BclCompatibleTicks != 0)
        {
            problems.Add(FormattableString.Invariant($"SlotLength must be whole minutes that divide 24 hours, such as 10, 15, 20, 30, 45, 60 or 90 minutes (was {SlotText.Minutes(length)}), so that the slot grid is the same every day."));
        }
    }

    private void CheckZone(List<string> problems, string name, DateTimeZone? zone)
    {
        if (zone is null)
        {
            problems.Add(FormattableString.Invariant($"{name} must not be null."));
        }
        else if (!TimeZoneIds.TryResolve(zone.Id, out _, out var reason, AllowNonLocationZones))
        {
            problems.Add(FormattableString.Invariant($"{name}: {reason}"));
        }
    }
}
