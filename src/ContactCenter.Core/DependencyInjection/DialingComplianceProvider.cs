using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// The named compliance profiles of the host (<see cref="ContactCenterBuilder.AddComplianceProfile"/>) and one
/// <see cref="DialingCompliance"/> per profile over the registered ports: <see cref="IPhoneNumberLocator"/>,
/// <see cref="IDoNotCallList"/> and <see cref="ICallHistory"/> (in-memory by default).
/// </summary>
public sealed class DialingComplianceProvider
{
    /// <summary>The name of the profile used when none is named: <c>default</c> (<see cref="ComplianceProfile.Default"/> unless replaced).</summary>
    public const string DefaultProfileName = "default";

    private readonly Dictionary<string, ComplianceProfile> _profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DialingCompliance> _compliance = new(StringComparer.Ordinal);
    private readonly IPhoneNumberLocator _locator;
    private readonly IDoNotCallList _doNotCall;
    private readonly ICallHistory _history;

    internal DialingComplianceProvider(IEnumerable<ComplianceProfileRegistration> profiles, IPhoneNumberLocator locator, IDoNotCallList doNotCall, ICallHistory history)
    {
        _profiles[DefaultProfileName] = ComplianceProfile.Default;
        foreach (var registration in profiles)
        {
            _profiles[registration.Name] = registration.Profile;
        }

        _locator = locator;
        _doNotCall = doNotCall;
        _history = history;
        ProfileNames = _profiles.Keys.OrderBy(static n => n, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The names of the profiles, in ordinal order.</summary>
    public IReadOnlyList<string> ProfileNames { get; }

    /// <summary>The profile named <paramref name="name"/>.</summary>
    /// <param name="name">The name; <see cref="DefaultProfileName"/> when null.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">No profile has that name.</exception>
    public ComplianceProfile GetProfile(string? name = null)
    {
        name ??= DefaultProfileName;
        return _profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new ArgumentException($"No compliance profile is named \"{name}\" (profiles: {string.Join(", ", ProfileNames)}).", nameof(name));
    }

    /// <summary>The dialing compliance of the profile named <paramref name="name"/> (one instance per profile).</summary>
    /// <param name="name">The name; <see cref="DefaultProfileName"/> when null.</param>
    /// <returns>The dialing compliance.</returns>
    /// <exception cref="ArgumentException">No profile has that name.</exception>
    public DialingCompliance Get(string? name = null)
    {
        var profile = GetProfile(name);
        return _compliance.GetOrAdd(name ?? DefaultProfileName, _ => new DialingCompliance(profile, _locator, _doNotCall, _history));
    }
}
