using System.Diagnostics;
using System.Text;
using ContactCenter.Core.Compliance;

namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The hook of <see cref="DialingCompliance.Check"/>: a <see cref="ContactCenterActivities.ComplianceCheck"/> activity
/// when someone listens to the source, tagged with the outcome and the kinds of refusal, never the number.
/// </summary>
internal static class ComplianceDiagnostics
{
    public static Activity? StartCheck() => CoreActivitySource.Instance.StartActivity(ContactCenterActivities.ComplianceCheck, ActivityKind.Internal);

    /// <summary>Tags <paramref name="activity"/> with <paramref name="decision"/> and returns the decision.</summary>
    public static DialDecision Checked(Activity? activity, DialDecision decision)
    {
        if (activity is not null)
        {
            activity.SetTag(ContactCenterTags.ComplianceDialable, decision.IsDialable);
            if (!decision.IsDialable)
            {
                var kinds = new StringBuilder();
                foreach (var refusal in decision.Refusals)
                {
                    kinds.Append(kinds.Length == 0 ? string.Empty : ",").Append(refusal.Kind.ToString());
                }

                activity.SetTag(ContactCenterTags.ComplianceRefusals, kinds.ToString());
            }
        }

        return decision;
    }
}
