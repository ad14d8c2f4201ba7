namespace ContactCenter.Core.Contacts;

/// <summary>
/// The port that tells where a phone number rings: its country, region and candidate zones. Shipped
/// implementations: <see cref="NorthAmericanAreaCodes"/>, <see cref="CountryCallingCodeLocator"/> and
/// <see cref="CompositePhoneNumberLocator"/>, which chains locators and falls back to
/// <see cref="NumberLocation.Fallback"/>. A host with a better source (a carrier lookup, the
/// customer's address) implements it.
/// </summary>
public interface IPhoneNumberLocator
{
    /// <summary>Locates a number.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The location, or <see langword="null"/> when this locator does not know the number.</returns>
    NumberLocation? Locate(PhoneNumber number);
}
