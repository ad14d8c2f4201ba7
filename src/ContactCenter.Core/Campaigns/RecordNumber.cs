using System.Collections.Generic;
using ContactCenter.Core.Contacts;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// A number of a calling record: the contact number (its type and the local hours at which the contact is reachable on
/// it) and, when the list knows them, the zones the callee may be in on that number. Own zones replace the zones a
/// locator would find for the number, both for compliance and for the reachable hours.
/// </summary>
/// <param name="Contact">The number, its type and reachable hours.</param>
/// <param name="Zones">The callee's candidate zones on this number, or <see langword="null"/> to locate the number.</param>
public sealed record RecordNumber(ContactNumber Contact, IReadOnlyList<DateTimeZone>? Zones = null)
{
    /// <summary>The phone number.</summary>
    public PhoneNumber Number => Contact.Number;

    /// <inheritdoc />
    public override string ToString() => $"{Contact.Type} {Contact.Number}";
}
