using System;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.DependencyInjection;

public class DialingComplianceProviderTests
{
    [Fact]
    public void The_default_profile_is_the_SDK_default_and_each_profile_has_one_compliance()
    {
        using var fixture = new ProviderFixture();
        var provider = fixture.Get<DialingComplianceProvider>();

        Assert.Equal([DialingComplianceProvider.DefaultProfileName], provider.ProfileNames);
        Assert.Same(ComplianceProfile.Default, provider.GetProfile());
        Assert.Same(provider.Get(), provider.Get(DialingComplianceProvider.DefaultProfileName));
        Assert.Same(ComplianceProfile.Default, provider.Get().Profile);
    }

    [Fact]
    public void Compliance_reads_the_registered_do_not_call_list_and_history()
    {
        using var fixture = new ProviderFixture();
        var number = PhoneNumber.Parse("+33612345678");
        fixture.Get<InMemoryDoNotCallList>().Add(number);

        var decision = fixture.Get<DialingComplianceProvider>().Get().Check(new DialRequest(number), Instant.FromUtc(2026, 11, 23, 10, 0));

        Assert.False(decision.IsDialable);
        Assert.Contains(decision.Refusals, static r => r.Kind == DialRefusalKind.DoNotCall);
    }

    [Fact]
    public void An_unknown_name_is_refused()
    {
        using var fixture = new ProviderFixture();

        Assert.Throws<ArgumentException>(() => fixture.Get<DialingComplianceProvider>().Get("nowhere"));
    }
}
