using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Diagnostics;
using NodaTime;
using Xunit;

namespace ContactCenter.Core.Tests.Diagnostics;

public class ComplianceDiagnosticsTests
{
    [Fact]
    public void A_compliance_check_runs_in_an_activity_tagged_with_its_outcome_and_never_the_number()
    {
        using var activities = new ActivityFixture();
        var doNotCall = new InMemoryDoNotCallList();
        var number = PhoneNumber.Parse("+33612345678");
        doNotCall.Add(number);
        var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, doNotCall, new InMemoryCallHistory());

        // 07:00 UTC is 08:00 in Paris, before the French solicitation window.
        var recorded = activities.Run(() => compliance.Check(new DialRequest(number), Instant.FromUtc(2026, 11, 23, 7, 0)));

        var activity = Assert.Single(recorded);
        Assert.Equal(ContactCenterActivities.ComplianceCheck, activity.OperationName);
        Assert.Equal(false, activity.GetTagItem(ContactCenterTags.ComplianceDialable));
        var kinds = ((string)activity.GetTagItem(ContactCenterTags.ComplianceRefusals)!).Split(',');
        Assert.Contains(nameof(DialRefusalKind.DoNotCall), kinds);
        Assert.Contains(nameof(DialRefusalKind.OutsideCallingWindow), kinds);
        Assert.All(activity.TagObjects, tag => Assert.DoesNotContain("2345678", tag.Value?.ToString() ?? string.Empty, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_dialable_number_is_tagged_dialable_without_refusals()
    {
        using var activities = new ActivityFixture();
        var compliance = new DialingCompliance(ComplianceProfile.Default, CompositePhoneNumberLocator.Default, new InMemoryDoNotCallList(), new InMemoryCallHistory());

        // 10:00 UTC is 11:00 on a Monday in Paris: inside the window.
        var recorded = activities.Run(() => Assert.True(compliance.Check(new DialRequest(PhoneNumber.Parse("+33612345678")), Instant.FromUtc(2026, 11, 23, 10, 0)).IsDialable));

        Assert.Equal(true, Assert.Single(recorded).GetTagItem(ContactCenterTags.ComplianceDialable));
        Assert.Null(recorded.Single().GetTagItem(ContactCenterTags.ComplianceRefusals));
    }
}
