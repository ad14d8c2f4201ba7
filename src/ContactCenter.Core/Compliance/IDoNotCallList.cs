using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// The port to a do-not-call list: the centre's own list, a national registry (a host adapter), or
/// both. <see cref="InMemoryDoNotCallList"/> is the in-memory default.
/// </summary>
public interface IDoNotCallList
{
    /// <summary>Whether calls to <paramref name="number"/> are blocked at <paramref name="at"/>.</summary>
    /// <param name="number">The number.</param>
    /// <param name="at">The instant of the call.</param>
    /// <returns>Whether the number must not be called.</returns>
    bool IsBlocked(PhoneNumber number, Instant at);
}
