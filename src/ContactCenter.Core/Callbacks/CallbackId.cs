using System;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Callbacks;

/// <summary>Identifies a callback.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct CallbackId(Guid Value)
{
    /// <summary>Creates a new, unique identifier.</summary>
    /// <returns>A fresh identifier.</returns>
    public static CallbackId New() => new(Ids.Next());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}
