using System;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Pacing;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Configures the services registered by
/// <see cref="ContactCenterServiceCollectionExtensions.AddContactCenter(IServiceCollection, string)"/>. Every method
/// returns the builder, for chaining.
/// </summary>
public sealed class ContactCenterBuilder
{
    internal ContactCenterBuilder(IServiceCollection services, string configurationSection)
    {
        Services = services;
        ConfigurationSection = configurationSection;
    }

    /// <summary>The service collection, to register or replace services directly.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The configuration section the options are bound from (<c>ContactCenter</c> by default).</summary>
    public string ConfigurationSection { get; }

    /// <summary>
    /// Changes the options after they are bound from configuration (actions run in the order they were added).
    /// The options are validated when the host starts.
    /// </summary>
    /// <param name="configure">Changes the options, e.g. <c>o =&gt; o.Agents = o.Agents with { OfferTimeout = Duration.FromSeconds(10) }</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public ContactCenterBuilder Configure(Action<ContactCenterOptions> configure)
    {
        Guard.NotNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Makes <paramref name="timeSource"/> the time source of every service, replacing the one registered before.</summary>
    /// <param name="timeSource">The time source.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeSource"/> is null.</exception>
    public ContactCenterBuilder UseTimeSource(ITimeSource timeSource)
    {
        Guard.NotNull(timeSource);
        Services.RemoveAll<ITimeSource>();
        Services.AddSingleton(timeSource);
        return this;
    }

    /// <summary>
    /// Runs every service in virtual time starting at <paramref name="start"/>: registers a
    /// <see cref="VirtualTimeSource"/> (resolve it to move time with <see cref="VirtualTimeSource.AdvanceBy"/>) as the
    /// time source. For tests, simulations and samples.
    /// </summary>
    /// <param name="start">The initial instant.</param>
    /// <returns>The builder.</returns>
    public ContactCenterBuilder UseVirtualTime(Instant start)
    {
        var clock = new VirtualTimeSource(start);
        Services.RemoveAll<VirtualTimeSource>();
        Services.AddSingleton(clock);
        return UseTimeSource(clock);
    }

    /// <summary>
    /// Makes <paramref name="store"/> the store of every durable service (<see cref="DurableCallbacks"/>,
    /// <see cref="DurableSlotBook"/>, recovery on start), replacing the one registered before (the in-memory store by
    /// default). The caller opened it and owns it: the service provider does not dispose it.
    /// </summary>
    /// <param name="store">The open store.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public ContactCenterBuilder UseStore(IContactCenterStore store)
    {
        Guard.NotNull(store);
        RemoveStore();
        Services.AddSingleton(store);
        return this;
    }

    /// <summary>
    /// Makes the store that <paramref name="open"/> opens the store of every durable service, replacing the one
    /// registered before. The host opens it when it starts (before recovery; a failure fails the start); without a
    /// host, the first resolution of <see cref="IContactCenterStore"/> opens it. The service provider owns the store and
    /// disposes it. The storage packages' <c>UseSqlite</c> and <c>UsePostgreSql</c> call this.
    /// </summary>
    /// <param name="open">Opens (creates, migrates) the store; called once per service provider.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="open"/> is null.</exception>
    public ContactCenterBuilder UseStore(Func<IServiceProvider, CancellationToken, Task<IContactCenterStore>> open)
    {
        Guard.NotNull(open);
        RemoveStore();
        Services.AddSingleton(new StoreRegistration(open));
        Services.AddSingleton(static sp => new ContactCenterStoreOpener(sp, sp.GetRequiredService<StoreRegistration>()));
        Services.AddSingleton(static sp => sp.GetRequiredService<ContactCenterStoreOpener>().Store);
        return this;
    }

    /// <summary>
    /// Adds (or replaces) the compliance profile named <paramref name="name"/>, for
    /// <see cref="DialingComplianceProvider.Get"/> and <see cref="CampaignFactory"/>. The profile named
    /// <see cref="DialingComplianceProvider.DefaultProfileName"/> is <see cref="ComplianceProfile.Default"/> unless replaced.
    /// </summary>
    /// <param name="name">The profile's name (ordinal comparison).</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public ContactCenterBuilder AddComplianceProfile(string name, ComplianceProfile profile)
    {
        Guard.NotNull(name);
        Guard.NotNull(profile);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A compliance profile needs a name.", nameof(name));
        }

        Services.AddSingleton(new ComplianceProfileRegistration(name, profile));
        return this;
    }

    /// <summary>
    /// Replaces the pacing strategy of <paramref name="mode"/>: <see cref="PacingFactory.CreateStrategy"/> calls
    /// <paramref name="factory"/> for every campaign (strategies keep per-campaign state, so return a new one each time).
    /// </summary>
    /// <param name="mode">The delivery mode.</param>
    /// <param name="factory">Creates the strategy from the service provider.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined delivery mode.</exception>
    public ContactCenterBuilder UsePacing(DeliveryMode mode, Func<IServiceProvider, IPacingStrategy> factory)
    {
        Guard.NotNull(factory);
        if (mode is < DeliveryMode.Preview or > DeliveryMode.Predictive)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a defined delivery mode.");
        }

        Services.AddSingleton(new PacingStrategyRegistration(mode, factory));
        return this;
    }

    private void RemoveStore()
    {
        Services.RemoveAll<IContactCenterStore>();
        Services.RemoveAll<StoreRegistration>();
        Services.RemoveAll<ContactCenterStoreOpener>();
    }
}

/// <summary>A named compliance profile added with <see cref="ContactCenterBuilder.AddComplianceProfile"/>.</summary>
internal sealed record ComplianceProfileRegistration(string Name, ComplianceProfile Profile);

/// <summary>A pacing strategy replaced with <see cref="ContactCenterBuilder.UsePacing"/>.</summary>
internal sealed record PacingStrategyRegistration(DeliveryMode Mode, Func<IServiceProvider, IPacingStrategy> Factory);
