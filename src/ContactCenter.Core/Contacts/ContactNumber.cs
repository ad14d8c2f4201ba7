using ContactCenter.Core.Time;

namespace ContactCenter.Core.Contacts;

/// <summary>
/// A number to reach a contact on: the number, its type, and the local hours at which the contact
/// says it is reachable on it (in the contact's zone; <see langword="null"/> when the contact gave
/// none). Its <see cref="ToString"/> shows the number redacted.
/// </summary>
/// <param name="Number">The number.</param>
/// <param name="Type">The kind of line.</param>
/// <param name="ReachableHours">The reachable from/until hours in the contact's local time, or <see langword="null"/> for no restriction.</param>
public sealed record ContactNumber(PhoneNumber Number, PhoneNumberType Type = PhoneNumberType.Unknown, LocalTimeRange? ReachableHours = null);
