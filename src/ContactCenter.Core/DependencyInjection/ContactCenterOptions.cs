using System;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Persistence;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// The configuration of the services registered by
/// <see cref="ContactCenterServiceCollectionExtensions.AddContactCenter(Microsoft.Extensions.DependencyInjection.IServiceCollection, string)"/>:
/// one immutable options record per feature, bound from the configuration section
/// <see cref="DefaultSectionName"/> (<c>ContactCenter:Agents:OfferTimeout</c>...) and then changed by
/// <see cref="ContactCenterBuilder.Configure"/>; validated when the host starts.
/// </summary>
/// <remarks>
/// Replace a whole record in code with a <c>with</c> expression:
/// <c>builder.Configure(o =&gt; o.Agents = o.Agents with { OfferTimeout = Duration.FromSeconds(10) })</c>.
/// In configuration, durations are NodaTime round-trip durations, <c>D:hh:mm:ss</c> (<c>0:00:00:15</c> is 15 seconds);
/// a list given in configuration replaces the default list; a dictionary given in configuration adds or replaces
/// entries of the default one.
/// </remarks>
public sealed class ContactCenterOptions
{
    /// <summary>The configuration section bound by default: <c>ContactCenter</c>.</summary>
    public const string DefaultSectionName = "ContactCenter";

    /// <summary>The options of the agents created by <see cref="AgentFactory"/> (section <c>Agents</c>).</summary>
    public AgentOptions Agents { get; set; } = new();

    /// <summary>
    /// The options of the interactions created by <see cref="InteractionFactory"/> (section <c>Interactions</c>); their
    /// <see cref="InteractionOptions.TimeSource"/> is replaced by the registered <see cref="Time.ITimeSource"/>.
    /// </summary>
    public InteractionOptions Interactions { get; set; } = new();

    /// <summary>The options of the callbacks and the dispatcher created by <see cref="CallbackFactory"/> (section <c>Callbacks</c>).</summary>
    public CallbackOptions Callbacks { get; set; } = new();

    /// <summary>The options of the campaigns created by <see cref="CampaignFactory"/> (section <c>Campaigns</c>).</summary>
    public CampaignOptions Campaigns { get; set; } = new();

    /// <summary>The options of the pacing strategies and dialer statistics created by <see cref="PacingFactory"/> (section <c>Pacing</c>).</summary>
    public PacingOptions Pacing { get; set; } = new();

    /// <summary>
    /// Who this host is and how it restores the store when it starts (section <c>Recovery</c>: <c>HostId</c>, <c>Lease</c>,
    /// <c>PageSize</c>). <see cref="RecoveryOptions.HostId"/> defaults to the machine's name, which stays the same
    /// across restarts, so that the interactions this host's previous run left in flight are recognised as its own
    /// orphans at once; give each host sharing a database (or a machine) its own id. Restored campaigns run with
    /// <see cref="Campaigns"/> and the default compliance profile unless <see cref="RecoveryOptions.CampaignOptions"/> or
    /// <see cref="RecoveryOptions.Compliance"/> are set in code.
    /// </summary>
    public RecoveryOptions Recovery { get; set; } = new() { HostId = Environment.MachineName };
}

/// <summary>The pacing part of <see cref="ContactCenterOptions"/> (section <c>ContactCenter:Pacing</c>).</summary>
public sealed class PacingOptions
{
    /// <summary>The settings of predictive pacing (section <c>Predictive</c>).</summary>
    public PredictiveOptions Predictive { get; set; } = new();

    /// <summary>The sizes and priors of dialer statistics, and how they measure the abandon rate (section <c>Statistics</c>; its <c>AbandonRate</c> sub-section).</summary>
    public DialerStatisticsOptions Statistics { get; set; } = new() { AbandonRate = AbandonRateOptions.UnitedKingdom with { } };

    /// <summary>How many calls progressive pacing places per free agent. Default 1.</summary>
    public int ProgressiveLinesPerAgent { get; set; } = 1;
}
