using System;
using System.Diagnostics.Metrics;
using System.Linq;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using ContactCenter.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>Registers ContactCenter.Core in a service collection.</summary>
public static class ContactCenterServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SDK's services, each with <c>TryAdd</c> so that a service the host registered first wins: the time
    /// source (the system clock), <see cref="ContactCenterOptions"/> bound from the configuration section
    /// <paramref name="configurationSection"/> and validated when the host starts, the factories of agents,
    /// interactions, callbacks and campaigns, the callback dispatcher, the compliance ports (phone-number locator,
    /// in-memory do-not-call list and call history) and profiles, the slot calculator and slot book, the pacing
    /// strategies, the store (<see cref="IContactCenterStore"/>, in memory unless <see cref="ContactCenterBuilder.UseStore(IContactCenterStore)"/>
    /// or a storage package says otherwise) with <see cref="DurableCallbacks"/> and <see cref="DurableSlotBook"/> over it,
    /// and a hosted service that opens the store and recovers it when the host starts (<see cref="ContactCenterRecoveryState"/>).
    /// Calling it again is harmless: the first call's registrations and section stay.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configurationSection">The configuration section to bind (<see cref="ContactCenterOptions.DefaultSectionName"/>);
    /// the options keep their defaults when the service provider has no <see cref="IConfiguration"/>.</param>
    /// <returns>A builder to configure the registrations further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configurationSection"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="configurationSection"/> is blank.</exception>
    public static ContactCenterBuilder AddContactCenter(this IServiceCollection services, string configurationSection = ContactCenterOptions.DefaultSectionName)
    {
        Guard.NotNull(services);
        Guard.NotNull(configurationSection);
        if (string.IsNullOrWhiteSpace(configurationSection))
        {
            throw new ArgumentException("The configuration section must not be blank.", nameof(configurationSection));
        }

        var existing = services.FirstOrDefault(static d => d.ServiceType == typeof(Registration))?.ImplementationInstance as Registration;
        if (existing is not null)
        {
            return new ContactCenterBuilder(services, existing.Section);
        }

        services.AddSingleton(new Registration(configurationSection));

        // Options: configuration first, then the builder's Configure actions, validated at start.
        services.AddOptions<ContactCenterOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ContactCenterOptions>>(sp => new ContactCenterOptionsBinder(sp.GetService<IConfiguration>(), configurationSection));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactCenterOptions>>(new ContactCenterOptionsValidator(configurationSection)));

        // Time and telemetry.
        services.TryAddSingleton<ITimeSource>(SystemTimeSource.Instance);
        services.TryAddSingleton(static sp => new ContactCenterTelemetry(
            sp.GetService<IMeterFactory>(), sp.GetService<ILoggerFactory>(), sp.GetRequiredService<ITimeSource>()));

        // Compliance ports, with in-memory defaults, and the named profiles.
        services.TryAddSingleton<IPhoneNumberLocator>(CompositePhoneNumberLocator.Default);
        services.TryAddSingleton<InMemoryDoNotCallList>();
        services.TryAddSingleton<IDoNotCallList>(static sp => sp.GetRequiredService<InMemoryDoNotCallList>());
        services.TryAddSingleton<InMemoryCallHistory>();
        services.TryAddSingleton<ICallHistory>(static sp => sp.GetRequiredService<InMemoryCallHistory>());
        services.TryAddSingleton(static sp => new DialingComplianceProvider(
            sp.GetServices<ComplianceProfileRegistration>(),
            sp.GetRequiredService<IPhoneNumberLocator>(),
            sp.GetRequiredService<IDoNotCallList>(),
            sp.GetRequiredService<ICallHistory>()));

        // Slots.
        services.TryAddSingleton<SlotBook>();
        services.TryAddSingleton<ISlotBookings>(static sp => sp.GetRequiredService<SlotBook>());
        services.TryAddSingleton(static sp => sp.GetRequiredService<ContactCenterTelemetry>().Follow(new SlotCalculator(sp.GetRequiredService<ITimeSource>())));

        // Factories of aggregates.
        services.TryAddSingleton<IRecommendedNumberRule>(DefaultRecommendedNumberRule.Instance);
        services.TryAddSingleton(static sp => new AgentFactory(Options(sp).Agents, sp.GetRequiredService<ITimeSource>(), sp.GetRequiredService<ContactCenterTelemetry>()));
        services.TryAddSingleton(static sp => new InteractionFactory(Options(sp).Interactions, sp.GetRequiredService<ITimeSource>(), sp.GetRequiredService<ContactCenterTelemetry>()));
        services.TryAddSingleton(static sp => sp.GetRequiredService<ContactCenterTelemetry>().Follow(
            new Callbacks.CallbackDispatcher(sp.GetRequiredService<ITimeSource>(), Options(sp).Callbacks)));
        services.TryAddSingleton(static sp => new CallbackFactory(
            Options(sp).Callbacks, sp.GetRequiredService<ITimeSource>(), sp.GetRequiredService<Callbacks.CallbackDispatcher>(), sp.GetRequiredService<ContactCenterTelemetry>()));
        services.TryAddSingleton(static sp => new CampaignFactory(
            Options(sp).Campaigns, sp.GetRequiredService<ITimeSource>(), sp.GetRequiredService<DialingComplianceProvider>(),
            sp.GetRequiredService<IRecommendedNumberRule>(), sp.GetRequiredService<ContactCenterTelemetry>()));
        services.TryAddSingleton(static sp => new PacingFactory(
            Options(sp).Pacing, sp, sp.GetServices<PacingStrategyRegistration>(), sp.GetRequiredService<ContactCenterTelemetry>()));

        // Persistence: the store (in memory unless UseStore or a storage package's UseSqlite/UsePostgreSql says
        // otherwise), the services that write to it before they acknowledge, and recovery when the host starts.
        services.TryAddSingleton<IContactCenterStore>(static _ => new InMemoryContactCenterStore());
        services.TryAddSingleton(static sp => new DurableCallbacks(
            sp.GetRequiredService<IContactCenterStore>().Callbacks, sp.GetRequiredService<ITimeSource>(), Options(sp).Callbacks));
        services.TryAddSingleton(static sp => new DurableSlotBook(sp.GetRequiredService<IContactCenterStore>().Bookings));
        services.TryAddSingleton(static _ => new ContactCenterRecoveryState());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ContactCenterRecoveryService>());

        return new ContactCenterBuilder(services, configurationSection);
    }

    private static ContactCenterOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;

    /// <summary>Marks the collection as holding ContactCenter.Core's registrations, and remembers the section.</summary>
    private sealed class Registration(string section)
    {
        public string Section { get; } = section;
    }
}
