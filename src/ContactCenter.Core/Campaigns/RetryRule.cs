using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>How a call result is retried: after a delay, at most a number of times.</summary>
/// <param name="Delay">How long after the result the record is due again (zero or more).</param>
/// <param name="MaxAttempts">How many attempts of the record may end with this result; the one that reaches it ends the record (<see cref="RecordEndReason.AttemptsExhausted"/>).</param>
public sealed record RetryRule(Duration Delay, int MaxAttempts)
{
    internal string? Invalid(CampaignCallResult result)
    {
        if (Delay < Duration.Zero)
        {
            return $"RetryRules[{result}].Delay must not be negative (was {Delay}).";
        }

        return MaxAttempts < 1 ? $"RetryRules[{result}].MaxAttempts must be at least 1 (was {MaxAttempts})." : null;
    }

}
