namespace ContactCenter.Core.Diagnostics;

/// <summary>The names of the activities (spans) of the <see cref="ContactCenterDiagnostics.ActivitySourceName"/> source.</summary>
public static class ContactCenterActivities
{
    /// <summary>
    /// <c>contactcenter.slots.calculate</c>: one callback slot calculation (<c>SlotCalculator.Calculate</c>), with the
    /// tags <see cref="ContactCenterTags.SlotCount"/> and <see cref="ContactCenterTags.SlotOutcome"/>.
    /// </summary>
    public const string SlotCalculation = "contactcenter.slots.calculate";

    /// <summary>
    /// <c>contactcenter.compliance.check</c>: one dialing compliance check (<c>DialingCompliance.Check</c>), with the
    /// tags <see cref="ContactCenterTags.ComplianceDialable"/> and <see cref="ContactCenterTags.ComplianceRefusals"/>.
    /// The number called is never recorded.
    /// </summary>
    public const string ComplianceCheck = "contactcenter.compliance.check";
}
