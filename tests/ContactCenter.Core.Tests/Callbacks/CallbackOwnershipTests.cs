using System;
using ContactCenter.Core.Callbacks;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackOwnershipTests
{
    [Fact]
    public void Shared_has_no_agent_and_personal_names_its_owner()
    {
        Assert.Equal((CallbackOwnershipKind.Shared, null, false), (CallbackOwnership.Shared.Kind, CallbackOwnership.Shared.AgentId, CallbackOwnership.Shared.IsPersonal));
        var personal = CallbackOwnership.Personal("alice");
        Assert.Equal((CallbackOwnershipKind.Personal, "alice", true), (personal.Kind, personal.AgentId, personal.IsPersonal));
        Assert.Equal("Personal(alice)", personal.ToString());
        Assert.Equal("Shared", CallbackOwnership.Shared.ToString());
    }

    [Fact]
    public void Ownerships_compare_by_value()
    {
        Assert.Equal(CallbackOwnership.Personal("alice"), CallbackOwnership.Personal("alice"));
        Assert.NotEqual(CallbackOwnership.Personal("alice"), CallbackOwnership.Personal("bob"));
        Assert.NotEqual(CallbackOwnership.Shared, CallbackOwnership.Personal("alice"));
    }

    [Fact]
    public void A_personal_callback_needs_an_owner()
    {
        Assert.Throws<ArgumentNullException>(() => CallbackOwnership.Personal(null!));
        Assert.Throws<ArgumentException>(() => CallbackOwnership.Personal("  "));
    }
}
