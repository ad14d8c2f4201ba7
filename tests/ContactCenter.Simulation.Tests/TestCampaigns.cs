using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Simulation.Tests;

/// <summary>Calling lists in real US zones for campaign-driven runs, and the zones the tests expect for them.</summary>
internal static class TestCampaigns
{
    public const string NewYork = "America/New_York";
    public const string Chicago = "America/Chicago";
    public const string Denver = "America/Denver";
    public const string LosAngeles = "America/Los_Angeles";
    public const string Boise = "America/Boise";

    /// <summary>
    /// Area codes and the zones the tests hold them to ring in: written here by hand, independently of the SDK's
    /// locator. 270, 541 and 605 span two zones. No Florida code: the US federal window is the only one that holds.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string[]> AreaCodeZones = new Dictionary<int, string[]>
    {
        [212] = [NewYork],
        [404] = [NewYork],
        [312] = [Chicago],
        [713] = [Chicago],
        [303] = [Denver],
        [213] = [LosAngeles],
        [206] = [LosAngeles],
        [270] = [Chicago, NewYork],
        [541] = [LosAngeles, Boise],
        [605] = [Chicago, Denver],
    };

    /// <summary>The retry rules of the tests' campaigns: short, so that retries happen within a run.</summary>
    public static CampaignOptions ShortRetries { get; } = new()
    {
        RetryRules = new Dictionary<CampaignCallResult, RetryRule>
        {
            [CampaignCallResult.Busy] = new(Duration.FromMinutes(2), 3),
            [CampaignCallResult.NoAnswer] = new(Duration.FromMinutes(10), 2),
            [CampaignCallResult.AnsweringMachine] = new(Duration.FromMinutes(20), 2),
            [CampaignCallResult.Dropped] = new(Duration.FromMinutes(3), 2),
        },
        MaxAttemptsPerRecord = 5,
    };

    /// <summary>A fictitious number (555 exchange) of an area code, unique per serial.</summary>
    public static PhoneNumber Number(int areaCode, int serial) =>
        PhoneNumber.Parse(string.Format(CultureInfo.InvariantCulture, "+1{0}555{1:0000}", areaCode, serial % 10_000));

    /// <summary>A random list of <paramref name="count"/> records: mixed area codes, some with a second number, some with their own zones.</summary>
    public static CallingList RandomList(Random random, int count)
    {
        var codes = AreaCodeZones.Keys.ToArray();
        var records = new List<CallingRecordData>(count);
        for (int i = 0; i < count; i++)
        {
            var numbers = new List<RecordNumber>
            {
                new(new ContactNumber(Number(codes[random.Next(codes.Length)], 2 * i), PhoneNumberType.Home), OwnZones(random)),
            };
            if (random.NextDouble() < 0.25)
            {
                numbers.Add(new(new ContactNumber(Number(codes[random.Next(codes.Length)], (2 * i) + 1), PhoneNumberType.Mobile), OwnZones(random)));
            }

            records.Add(new CallingRecordData("r" + i.ToString(CultureInfo.InvariantCulture), "Contact " + i.ToString(CultureInfo.InvariantCulture), numbers));
        }

        return new CallingList("test list", records);
    }

    /// <summary>A list of <paramref name="count"/> records, all on one area code.</summary>
    public static CallingList ListIn(int areaCode, int count) => new(
        "list " + areaCode.ToString(CultureInfo.InvariantCulture),
        Enumerable.Range(0, count).Select(i => new CallingRecordData(
            "r" + i.ToString(CultureInfo.InvariantCulture),
            "Contact " + i.ToString(CultureInfo.InvariantCulture),
            [new RecordNumber(new ContactNumber(Number(areaCode, i), PhoneNumberType.Home))])));

    /// <summary>The zones the tests expect a number to ring in: its own, else its area code's.</summary>
    public static IEnumerable<DateTimeZone> ExpectedZones(RecordNumber number) =>
        number.Zones ?? AreaCodeZones[int.Parse(number.Number.NationalNumber.AsSpan(0, 3), CultureInfo.InvariantCulture)].Select(id => DateTimeZoneProviders.Tzdb[id]);

    /// <summary>One record in ten moved and carries its own zones (a mobile keeps its area code).</summary>
    private static DateTimeZone[]? OwnZones(Random random) => random.NextDouble() < 0.1
        ? [DateTimeZoneProviders.Tzdb[random.NextDouble() < 0.5 ? LosAngeles : NewYork]]
        : null;
}
