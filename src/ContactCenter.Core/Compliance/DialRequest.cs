using System.Collections.Generic;
using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// A call to check: the number, why it is placed, what it is about, and optionally the zones the
/// callee is known to be in (a record may carry its own zones, which then replace the number's
/// candidate zones; its country and region still come from the number).
/// </summary>
/// <param name="Number">The number to dial.</param>
/// <param name="Purpose">Why the call is placed; it selects the policies that hold.</param>
/// <param name="Subject">What the call is about (a campaign, a case), for caps on the same subject; <see langword="null"/> when unknown, in which case every earlier call counts.</param>
public sealed record DialRequest(PhoneNumber Number, CallPurpose Purpose = CallPurpose.Solicitation, string? Subject = null)
{
    /// <summary>The callee's zones when the record knows them better than the number; <see langword="null"/> to locate the number.</summary>
    public IReadOnlyList<DateTimeZone>? CandidateZones { get; init; }
}
