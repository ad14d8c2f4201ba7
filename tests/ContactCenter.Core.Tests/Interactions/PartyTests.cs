using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Interactions;

public sealed class PartyTests
{
    [Fact]
    public void To_string_redacts_the_address()
    {
        var party = new Party(new PartyId(1), PartyRole.Customer, "+33 6 12 34 56 78", PartyState.Connected);
        Assert.DoesNotContain("12 34", party.ToString());
        Assert.Contains("Customer", party.ToString());
    }

    [Fact]
    public void A_disconnected_party_is_not_present()
    {
        Assert.False(new Party(new PartyId(1), PartyRole.Agent, "a", PartyState.Disconnected).IsPresent);
        Assert.True(new Party(new PartyId(1), PartyRole.Agent, "a", PartyState.Held).IsPresent);
    }
}
