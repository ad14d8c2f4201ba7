using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Time;
using NodaTime;

namespace ContactCenter.Core.Tests.Campaigns;

/// <summary>Builds campaigns, lists and compliance for the campaign tests; records every published event.</summary>
internal sealed class CampaignFixture
{
    // Monday 2 March 2026, 08:00 UTC = 09:00 in Paris (before the French 10:00 window).
    public static readonly Instant Monday0800Utc = Instant.FromUtc(2026, 3, 2, 8, 0);

    public static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    public static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];

    public CampaignFixture(Instant? start = null) => Time = new VirtualTimeSource(start ?? Monday0800Utc);

    public VirtualTimeSource Time { get; }

    public InMemoryDoNotCallList DoNotCall { get; } = new();

    public InMemoryCallHistory History { get; } = new();

    public List<CampaignEvent> Events { get; } = [];

    public DialingCompliance Compliance() => new(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, DoNotCall, History);

    public static RecordNumber Number(string e164, PhoneNumberType type = PhoneNumberType.Mobile, string? reachable = null, params DateTimeZone[] zones) =>
        new(new ContactNumber(PhoneNumber.Parse(e164), type, reachable is null ? null : LocalTimeRange.Parse(reachable)), zones.Length == 0 ? null : zones);

    public static CallingRecordData Record(string id, params RecordNumber[] numbers) =>
        new(id, "Contact " + id, numbers.Length == 0 ? [Number("+13125550142")] : numbers);

    public static CallingList List(params CallingRecordData[] records) => new("list", records);

    /// <summary>Records r1..rN, each with one Chicago number (use without compliance, or at Chicago daytime).</summary>
    public static CallingList Simple(int count) =>
        List(Enumerable.Range(1, count).Select(i => Record("r" + i, Number("+1312555" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray());

    public Campaign Create(CallingList list, DeliveryMode mode, CampaignOptions? options = null, bool compliance = false, IRecommendedNumberRule? rule = null)
    {
        var campaign = new Campaign("c1", "Spring offer", list, mode, Time, options, compliance ? Compliance() : null, rule);
        campaign.Events.Subscribe(new Recorder(Events));
        return campaign;
    }

    public Campaign Running(CallingList list, DeliveryMode mode, CampaignOptions? options = null, bool compliance = false, params string[] agents)
    {
        var campaign = Create(list, mode, options, compliance);
        foreach (var agent in agents)
        {
            campaign.Assign(agent);
        }

        campaign.Start();
        return campaign;
    }

    public IEnumerable<T> Of<T>() => Events.OfType<T>();

    private sealed class Recorder(List<CampaignEvent> into) : IObserver<CampaignEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(CampaignEvent value) => into.Add(value);
    }
}
