using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Creates campaigns with the configured <see cref="CampaignOptions"/>, the registered time source and recommended-number
/// rule, and the dialing compliance of a named profile; the campaigns it creates are measured and logged.
/// </summary>
public sealed class CampaignFactory
{
    private readonly ITimeSource _time;
    private readonly DialingComplianceProvider _compliance;
    private readonly IRecommendedNumberRule _numberRule;
    private readonly ContactCenterTelemetry _telemetry;

    internal CampaignFactory(CampaignOptions options, ITimeSource time, DialingComplianceProvider compliance, IRecommendedNumberRule numberRule, ContactCenterTelemetry telemetry)
    {
        Options = options;
        _time = time;
        _compliance = compliance;
        _numberRule = numberRule;
        _telemetry = telemetry;
    }

    /// <summary>The configured options (<c>ContactCenter:Campaigns</c>).</summary>
    public CampaignOptions Options { get; }

    /// <summary>Creates a campaign, <see cref="CampaignState.Loaded"/>, with <see cref="Options"/>.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <param name="name">Its name, shown to agents.</param>
    /// <param name="list">The calling list.</param>
    /// <param name="mode">The delivery mode.</param>
    /// <param name="complianceProfile">The compliance profile every number is checked with;
    /// <see cref="DialingComplianceProvider.DefaultProfileName"/> when null.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="id"/>, <paramref name="name"/> or <paramref name="list"/> is null.</exception>
    /// <exception cref="System.ArgumentException">A blank id or name, an undefined mode, or an unknown compliance profile.</exception>
    public Campaign Create(string id, string name, CallingList list, DeliveryMode mode, string? complianceProfile = null) =>
        Create(id, name, list, mode, Options, complianceProfile);

    /// <summary>Creates a campaign, <see cref="CampaignState.Loaded"/>, with its own options.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <param name="name">Its name, shown to agents.</param>
    /// <param name="list">The calling list.</param>
    /// <param name="mode">The delivery mode.</param>
    /// <param name="options">The campaign's options; validated.</param>
    /// <param name="complianceProfile">The compliance profile every number is checked with;
    /// <see cref="DialingComplianceProvider.DefaultProfileName"/> when null.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="System.ArgumentNullException">An argument but <paramref name="complianceProfile"/> is null.</exception>
    /// <exception cref="System.ArgumentException">A blank id or name, an undefined mode, invalid options, or an unknown compliance profile.</exception>
    public Campaign Create(string id, string name, CallingList list, DeliveryMode mode, CampaignOptions options, string? complianceProfile = null)
    {
        Guard.NotNull(options);
        var compliance = _compliance.Get(complianceProfile);
        return _telemetry.Follow(new Campaign(id, name, list, mode, _time, options, compliance, _numberRule));
    }
}
