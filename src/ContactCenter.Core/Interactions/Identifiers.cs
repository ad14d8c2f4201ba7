using System;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Interactions;

/// <summary>Identifies an interaction.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct InteractionId(Guid Value)
{
    /// <summary>Creates a new, unique identifier.</summary>
    /// <returns>A fresh identifier.</returns>
    public static InteractionId New() => new(Ids.Next());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}

/// <summary>Identifies a party of an interaction; unique within its interaction.</summary>
/// <param name="Value">The party's number within its interaction, starting at 1.</param>
public readonly record struct PartyId(int Value)
{
    /// <inheritdoc />
    public override string ToString() => "party-" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
