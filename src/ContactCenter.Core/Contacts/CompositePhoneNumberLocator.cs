using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Contacts;

/// <summary>
/// Asks locators in order and returns the first answer; when none knows the number, the fallback
/// (by default <see cref="NumberLocation.Fallback"/>). It therefore always answers.
/// </summary>
public sealed class CompositePhoneNumberLocator : IPhoneNumberLocator
{
    private readonly IPhoneNumberLocator[] _locators;
    private readonly Func<PhoneNumber, NumberLocation> _fallback;

    /// <summary>Creates a chain.</summary>
    /// <param name="locators">The locators, asked in order.</param>
    /// <param name="fallback">The location of a number no locator knows; <see langword="null"/> for <see cref="NumberLocation.Fallback"/>.</param>
    public CompositePhoneNumberLocator(IEnumerable<IPhoneNumberLocator> locators, Func<PhoneNumber, NumberLocation>? fallback = null)
    {
        _locators = Guard.NotNull(locators).ToArray();
        if (_locators.Any(static l => l is null))
        {
            throw new ArgumentException("A locator is null.", nameof(locators));
        }

        _fallback = fallback ?? NumberLocation.Fallback;
    }

    /// <summary>The shipped chain: <see cref="NorthAmericanAreaCodes.Instance"/>, then <see cref="CountryCallingCodeLocator.France"/>, then <see cref="NumberLocation.Fallback"/>.</summary>
    public static CompositePhoneNumberLocator Default { get; } =
        new([NorthAmericanAreaCodes.Instance, CountryCallingCodeLocator.France]);

    /// <summary>Locates a number: the first locator's answer, or the fallback's.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The location; never <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">The fallback returned <see langword="null"/>.</exception>
    public NumberLocation Locate(PhoneNumber number)
    {
        foreach (var locator in _locators)
        {
            if (locator.Locate(number) is { } location)
            {
                return location;
            }
        }

        return _fallback(number) ?? throw new InvalidOperationException("The fallback locator returned no location.");
    }
}
