using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Pacing;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Creates the pacing strategy of each delivery mode (a new one per campaign: strategies keep per-campaign state) and
/// the dialer statistics they read, with the configured <see cref="PacingOptions"/>. Preview and push preview use
/// <see cref="PreviewPacing"/> and <see cref="PushPreviewPacing"/>, progressive <see cref="ProgressivePacing"/>,
/// predictive <see cref="PredictivePacing"/>, unless the host replaced one (<see cref="ContactCenterBuilder.UsePacing"/>).
/// </summary>
/// <remarks>
/// Strategies are returned wrapped so that their decisions are logged at Trace
/// (<see cref="ContactCenterLogEvents.PacingDecision"/>); <see cref="IPacingStrategy.Name"/> is the strategy's own.
/// To read a predictive strategy's internals (<see cref="PredictivePacing.RiskThreshold"/>), create it yourself from
/// <see cref="Options"/>.
/// </remarks>
public sealed class PacingFactory
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<DeliveryMode, Func<IServiceProvider, IPacingStrategy>> _replaced = [];
    private readonly ContactCenterTelemetry _telemetry;

    internal PacingFactory(PacingOptions options, IServiceProvider services, IEnumerable<PacingStrategyRegistration> replaced, ContactCenterTelemetry telemetry)
    {
        Options = options;
        _services = services;
        foreach (var registration in replaced)
        {
            _replaced[registration.Mode] = registration.Factory;
        }

        _telemetry = telemetry;
    }

    /// <summary>The configured options (<c>ContactCenter:Pacing</c>).</summary>
    public PacingOptions Options { get; }

    /// <summary>Creates the pacing strategy of <paramref name="mode"/>.</summary>
    /// <param name="mode">The campaign's delivery mode.</param>
    /// <returns>A new strategy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined delivery mode.</exception>
    /// <exception cref="InvalidOperationException">A replacement factory returned null.</exception>
    public IPacingStrategy CreateStrategy(DeliveryMode mode)
    {
        IPacingStrategy strategy;
        if (_replaced.TryGetValue(mode, out var factory))
        {
            strategy = factory(_services) ?? throw new InvalidOperationException($"The pacing strategy factory of {mode} returned null.");
        }
        else
        {
            strategy = mode switch
            {
                DeliveryMode.Preview => new PreviewPacing(),
                DeliveryMode.PushPreview => new PushPreviewPacing(),
                DeliveryMode.Progressive => new ProgressivePacing(Options.ProgressiveLinesPerAgent),
                DeliveryMode.Predictive => new PredictivePacing(Options.Predictive),
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a defined delivery mode."),
            };
        }

        return new LoggedPacingStrategy(strategy, _telemetry.PacingLogger);
    }

    /// <summary>
    /// Creates the live statistics of a campaign's dialer with <see cref="PacingOptions.Statistics"/>; their abandon
    /// rates are published as <see cref="ContactCenterInstruments.AbandonRate"/>, tagged with <paramref name="campaignId"/>.
    /// </summary>
    /// <param name="campaignId">The campaign the statistics belong to.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaignId"/> is null.</exception>
    public DialerStatistics CreateStatistics(string campaignId)
    {
        Guard.NotNull(campaignId);
        return _telemetry.Follow(campaignId, new DialerStatistics(Options.Statistics));
    }
}
