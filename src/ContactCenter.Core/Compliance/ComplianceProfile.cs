using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Compliance;

/// <summary>
/// A centre's set of calling-window policies and the call purposes its do-not-call list governs.
/// <see cref="Select"/> picks the policies that hold for one call. Immutable.
/// </summary>
public sealed class ComplianceProfile
{
    private readonly CallingWindowPolicy[] _policies;
    private readonly CallPurpose[] _doNotCallPurposes;

    /// <summary>Creates a profile.</summary>
    /// <param name="policies">The policies, in the order explanations list them; names must be distinct.</param>
    /// <param name="doNotCallPurposes">
    /// The purposes the do-not-call list blocks; <see langword="null"/> for every purpose except
    /// <see cref="CallPurpose.RequestedCallback"/> (the person asked for that call).
    /// </param>
    /// <exception cref="ArgumentException">A policy is null or two share a name.</exception>
    public ComplianceProfile(IEnumerable<CallingWindowPolicy> policies, IEnumerable<CallPurpose>? doNotCallPurposes = null)
    {
        _policies = Guard.NotNull(policies).ToArray();
        if (_policies.Any(static p => p is null))
        {
            throw new ArgumentException("A policy is null.", nameof(policies));
        }

        var duplicate = _policies.GroupBy(static p => p.Name, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two policies are named '{duplicate.Key}': explanations name policies, so names must be distinct.", nameof(policies));
        }

        _doNotCallPurposes = (doNotCallPurposes ?? [CallPurpose.Solicitation, CallPurpose.Service, CallPurpose.Collection]).Distinct().ToArray();
    }

    /// <summary>The shipped rules: <see cref="CallingWindowPolicies.UsFederal"/>, <see cref="CallingWindowPolicies.Florida"/> and <see cref="CallingWindowPolicies.FranceSolicitation"/>.</summary>
    public static ComplianceProfile Default { get; } = new(CallingWindowPolicies.All);

    /// <summary>The policies, in order.</summary>
    public IReadOnlyList<CallingWindowPolicy> Policies => _policies;

    /// <summary>The purposes the do-not-call list blocks.</summary>
    public IReadOnlyCollection<CallPurpose> DoNotCallPurposes => _doNotCallPurposes;

    /// <summary>A copy with <paramref name="policy"/> added after the others.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The new profile.</returns>
    public ComplianceProfile With(CallingWindowPolicy policy) => new(_policies.Append(Guard.NotNull(policy)), _doNotCallPurposes);

    /// <summary>A copy without the policy named <paramref name="name"/>.</summary>
    /// <param name="name">The policy's name.</param>
    /// <returns>The new profile (the same policies when none has that name).</returns>
    public ComplianceProfile Without(string name) =>
        new(_policies.Where(p => !string.Equals(p.Name, name, StringComparison.Ordinal)), _doNotCallPurposes);

    /// <summary>
    /// The policies that hold for a call of <paramref name="purpose"/> to a number at
    /// <paramref name="location"/>: those that govern the purpose and whose jurisdiction may cover the
    /// number (<see cref="Jurisdiction.MayCover"/>: an unknown country or region could be any, so a
    /// number of unknown state is under every state's rule).
    /// </summary>
    /// <param name="purpose">The call's purpose.</param>
    /// <param name="location">Where the number rings.</param>
    /// <returns>The applicable policies, in profile order.</returns>
    public IReadOnlyList<CallingWindowPolicy> Select(CallPurpose purpose, NumberLocation location)
    {
        Guard.NotNull(location);
        return _policies.Where(p => p.AppliesTo(purpose) && p.Jurisdiction.MayCover(location.Country, location.Region)).ToArray();
    }

    /// <summary>Whether the do-not-call list blocks calls of <paramref name="purpose"/>.</summary>
    /// <param name="purpose">The call's purpose.</param>
    /// <returns>Whether it does.</returns>
    public bool DoNotCallApplies(CallPurpose purpose) => Array.IndexOf(_doNotCallPurposes, purpose) >= 0;
}
