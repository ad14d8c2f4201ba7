using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Tests.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContactCenter.Core.Tests.Diagnostics;

/// <summary>The examples of docs/observability.md: each runs here, and the guide shows it verbatim and lists every name.</summary>
[Collection(MeterListenerGroup.Name)]
public sealed class ObservabilityGuideExampleTests
{
    private const string File = "Diagnostics/ObservabilityGuideExampleTests.cs";

    [Fact]
    public void The_guide_shows_the_listener_example_verbatim()
    {
        Assert.Contains("```csharp\n" + GuideSnippets.Example(File, "listener") + "```", GuideSnippets.Guide("observability.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Listener()
    {
        // begin: listener
        var services = new ServiceCollection();
        services.AddContactCenter();
        using var provider = services.BuildServiceProvider();

        var seen = new List<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ContactCenterDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add($"{instrument.Name} {value} {string.Join(", ", tags.ToArray())}"));
        listener.Start();

        var agent = provider.GetRequiredService<AgentFactory>().Create("alice");
        agent.LogIn();                         // contactcenter.agent.transitions 1 [contactcenter.agent.state, NotReady], [...previous_state, LoggedOut]
        listener.RecordObservableInstruments(); // contactcenter.agent.count, one measurement per state
        // end: listener

        // Other tests' providers publish on meters of the same name at the same time: look for this agent's marks.
        Assert.Contains("contactcenter.agent.transitions 1 [contactcenter.agent.state, NotReady], [contactcenter.agent.previous_state, LoggedOut]", seen);
        Assert.Contains(seen, s => s.StartsWith("contactcenter.agent.count ", StringComparison.Ordinal) && s.EndsWith(" [contactcenter.agent.state, NotReady]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_logging_example_turns_the_areas_up()
    {
        string json = Assert.Single(GuideSnippets.Blocks("observability.md", "json"));
        var builder = HostFixture.Builder();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddProvider(new CapturingLoggerProvider());
        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("ContactCenter.Core.Pacing").IsEnabled(LogLevel.Trace));
        Assert.True(loggers.CreateLogger("ContactCenter.Core.Campaigns").IsEnabled(LogLevel.Debug));
        Assert.False(loggers.CreateLogger("ContactCenter.Core.Agents").IsEnabled(LogLevel.Debug));
    }

    [Theory]
    [InlineData(typeof(ContactCenterInstruments))]
    [InlineData(typeof(ContactCenterTags))]
    [InlineData(typeof(ContactCenterActivities))]
    public void The_guide_lists_every_name(Type constants)
    {
        var guide = GuideSnippets.Guide("observability.md");

        foreach (var field in constants.GetFields())
        {
            Assert.Contains("`" + (string)field.GetValue(null)! + "`", guide, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_guide_lists_every_log_event_with_its_id_and_name()
    {
        var guide = GuideSnippets.Guide("observability.md");

        foreach (var field in typeof(ContactCenterLogEvents).GetFields())
        {
            Assert.Contains($"| {(int)field.GetValue(null)!} | `{field.Name}` |", guide, StringComparison.Ordinal);
        }

        Assert.Equal(typeof(ContactCenterLogEvents).GetFields().Length, guide.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| \d{4} \|")));
    }
}
