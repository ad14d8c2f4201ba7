using System;
using System.Linq;
using ContactCenter.Core.Campaigns;
using Xunit;

namespace ContactCenter.Core.Tests.Campaigns;

public sealed class CallingListTests
{
    [Fact]
    public void Keeps_records_in_list_order()
    {
        var list = CampaignFixture.Simple(3);

        Assert.Equal(["r1", "r2", "r3"], list.Records.Select(r => r.Id));
        Assert.Equal("list", list.Name);
    }

    [Fact]
    public void Refuses_duplicate_ids_records_without_numbers_and_empty_zone_lists()
    {
        var duplicate = Assert.Throws<ArgumentException>(() => CampaignFixture.List(CampaignFixture.Record("a"), CampaignFixture.Record("a")));
        Assert.Contains("Record id a appears twice", duplicate.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => CampaignFixture.List(new CallingRecordData("a", "A", [])));
        Assert.Throws<ArgumentException>(() => CampaignFixture.List(CampaignFixture.Record("a", CampaignFixture.Number("+13125550142") with { Zones = [] })));
        Assert.Throws<ArgumentException>(() => new CallingList(" ", []));
    }
}
