using System.Collections.Generic;
using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// The port to the calls already placed, which frequency caps count. <see cref="InMemoryCallHistory"/>
/// is the in-memory default; a host backs it with its call records.
/// </summary>
public interface ICallHistory
{
    /// <summary>The calls placed to <paramref name="number"/> within <paramref name="within"/> (start inclusive, end exclusive), oldest first.</summary>
    /// <param name="number">The number.</param>
    /// <param name="within">The instants of interest.</param>
    /// <returns>The calls, oldest first.</returns>
    IReadOnlyList<CallRecord> CallsTo(PhoneNumber number, Interval within);
}
