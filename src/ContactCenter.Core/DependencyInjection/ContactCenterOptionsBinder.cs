using System;
using System.Globalization;
using ContactCenter.Core.Agents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Binds <see cref="ContactCenterOptions"/> from a configuration section. A list in configuration replaces the default
/// list (the binder alone would append to it); an agent capacity in configuration changes only the media it names.
/// </summary>
internal sealed class ContactCenterOptionsBinder(IConfiguration? configuration, string sectionPath) : IConfigureOptions<ContactCenterOptions>
{
    public void Configure(ContactCenterOptions options)
    {
        if (configuration is null)
        {
            return;
        }

        var section = configuration.GetSection(sectionPath);
        if (!section.Exists())
        {
            return;
        }

        // The binder writes into the records it finds: give it copies of any that may be shared.
        options.Pacing.Statistics = options.Pacing.Statistics with { AbandonRate = options.Pacing.Statistics.AbandonRate with { } };
        if (Exists(section, "Agents:NotReadyReasons"))
        {
            options.Agents = options.Agents with { NotReadyReasons = [] };
        }

        if (Exists(section, "Interactions:Dispositions"))
        {
            options.Interactions = options.Interactions with { Dispositions = [] };
        }

        if (Exists(section, "Campaigns:Dispositions"))
        {
            options.Campaigns = options.Campaigns with { Dispositions = [] };
        }

        section.Bind(options);

        var capacity = section.GetSection("Agents:Capacity");
        if (capacity.Exists())
        {
            var current = options.Agents.Capacity ?? AgentCapacity.Default;
            try
            {
                options.Agents = options.Agents with
                {
                    Capacity = new AgentCapacity(
                        Read(capacity, sectionPath, nameof(AgentCapacity.Voice), current.Voice),
                        Read(capacity, sectionPath, nameof(AgentCapacity.Chat), current.Chat),
                        Read(capacity, sectionPath, nameof(AgentCapacity.Email), current.Email),
                        Read(capacity, sectionPath, nameof(AgentCapacity.Sms), current.Sms)),
                };
            }
            catch (ArgumentOutOfRangeException exception)
            {
                throw new OptionsValidationException(sectionPath, typeof(ContactCenterOptions), [$"{sectionPath}:Agents:Capacity: {exception.Message}"]);
            }
        }
    }

    private static bool Exists(IConfiguration section, string key) => section.GetSection(key).Exists();

    private static int Read(IConfigurationSection capacity, string sectionPath, string medium, int current)
    {
        var text = capacity[medium];
        if (text is null)
        {
            return current;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OptionsValidationException(sectionPath, typeof(ContactCenterOptions),
                [$"{sectionPath}:Agents:Capacity:{medium} must be a whole number (was '{text}')."]);
    }
}
