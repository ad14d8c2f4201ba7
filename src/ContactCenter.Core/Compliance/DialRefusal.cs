using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>Why a call is refused.</summary>
public enum DialRefusalKind
{
    /// <summary>The number is on the do-not-call list.</summary>
    DoNotCall = 0,

    /// <summary>A policy governs the call but nothing tells the callee's zone.</summary>
    ZoneUnknown,

    /// <summary>The callee's local time is outside the policy's calling window.</summary>
    OutsideCallingWindow,

    /// <summary>The callee's local date is a public holiday on which the policy allows no call.</summary>
    Holiday,

    /// <summary>A frequency cap of the policy is reached.</summary>
    FrequencyCapReached,
}

/// <summary>One reason a call is refused, with the policy and zone it comes from.</summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Policy">The policy that refuses, or <see langword="null"/> when the refusal is no single policy's (do-not-call, zone unknown).</param>
/// <param name="Zone">The zone in which the window or holiday was checked, or <see langword="null"/>.</param>
/// <param name="Message">The reason in words (<c>21:04 is past 21:00 in America/Chicago (US federal)</c>).</param>
public sealed record DialRefusal(DialRefusalKind Kind, CallingWindowPolicy? Policy, DateTimeZone? Zone, string Message)
{
    /// <summary>The cap that is reached, for <see cref="DialRefusalKind.FrequencyCapReached"/>.</summary>
    public FrequencyCap? Cap { get; init; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
