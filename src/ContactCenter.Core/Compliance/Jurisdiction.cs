using System;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// Where a rule applies: an ISO 3166-1 alpha-2 country and, for a state's or province's rule, its
/// ISO 3166-2 subdivision code without the country prefix (<c>US</c> + <c>FL</c>).
/// </summary>
/// <param name="Country">ISO 3166-1 alpha-2 country code, or <see langword="null"/> for every country.</param>
/// <param name="Region">Subdivision code, or <see langword="null"/> for the whole country.</param>
public sealed record Jurisdiction(string? Country, string? Region = null)
{
    /// <summary>Every number, everywhere.</summary>
    public static Jurisdiction Anywhere { get; } = new(null, null);

    /// <summary>Whether a called number located in <paramref name="country"/> / <paramref name="region"/> falls under this jurisdiction.</summary>
    /// <param name="country">The number's country, when known.</param>
    /// <param name="region">The number's region, when known.</param>
    /// <returns>Whether the rule applies. A regional rule applies only when the region is known to match.</returns>
    public bool Covers(string? country, string? region) =>
        (Country is null || string.Equals(Country, country, StringComparison.OrdinalIgnoreCase))
        && (Region is null || string.Equals(Region, region, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a called number <em>may</em> fall under this jurisdiction, reading an unknown country
    /// or region as "could be any": the conservative test used when choosing which rules hold for a
    /// call (a number of unknown state is under every state's rule).
    /// </summary>
    /// <param name="country">The number's country, or <see langword="null"/> when unknown.</param>
    /// <param name="region">The number's region, or <see langword="null"/> when unknown.</param>
    /// <returns>Whether the rule may apply.</returns>
    public bool MayCover(string? country, string? region) =>
        (Country is null || country is null || string.Equals(Country, country, StringComparison.OrdinalIgnoreCase))
        && (Region is null || region is null || string.Equals(Region, region, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => Country is null ? "anywhere" : Region is null ? Country : Country + "-" + Region;
}
