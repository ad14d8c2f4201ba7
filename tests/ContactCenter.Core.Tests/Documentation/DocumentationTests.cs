using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Documentation;

/// <summary>
/// Keeps the README and the guides true: the quick start compiles and prints what it claims, and the
/// diagrams in docs/ are the ones the real definition exports. Set CONTACTCENTER_UPDATE_DOCS=1 to
/// rewrite the generated diagram files after a deliberate change.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly string s_root = FindRepositoryRoot();

    [Fact]
    public void Quick_start_prints_the_transitions_and_the_permitted_triggers()
    {
        using var console = new StringWriter { NewLine = "\n" };

        QuickStartExample.Run(console);

        Assert.Equal(
            "Idle --Dial--> Ringing\nRinging --Answer--> Talking\nTrue\nHold, HangUp\n",
            console.ToString());
    }

    [Fact]
    public void Readme_shows_the_quick_start_verbatim()
    {
        // The example writes to an injected TextWriter named `console`; the README writes to Console.
        string example = Snippet(File.ReadAllText(Path.Combine(s_root, "tests", "ContactCenter.Core.Tests", "Documentation", "QuickStartExample.cs")));
        string readme = Normalize(File.ReadAllText(Path.Combine(s_root, "README.md")));

        Assert.Contains(example, readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_diagrams_match_the_quick_start_definition()
    {
        var definition = QuickStartExample.Run(TextWriter.Null);
        string mermaid = definition.ToMermaidGraph();
        string dot = definition.ToDotGraph();
        string mermaidPath = Path.Combine(s_root, "docs", "state-machines", "phone-call.mmd");
        string dotPath = Path.Combine(s_root, "docs", "state-machines", "phone-call.dot");

        if (Environment.GetEnvironmentVariable("CONTACTCENTER_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(mermaidPath, mermaid);
            File.WriteAllText(dotPath, dot);
        }

        Assert.Equal(mermaid, Normalize(File.ReadAllText(mermaidPath)));
        Assert.Equal(dot, Normalize(File.ReadAllText(dotPath)));
        Assert.Contains("```mermaid\n" + mermaid + "```", Normalize(File.ReadAllText(Path.Combine(s_root, "docs", "state-machines.md"))), StringComparison.Ordinal);
    }

    /// <summary>Every shipped definition, by the name of its diagram file in docs/state-machines/.</summary>
    public static TheoryData<string> ShippedDefinitions() =>
        new(s_shippedDiagrams.Keys.OrderBy(static k => k, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ShippedDefinitions))]
    public void The_diagram_of_every_shipped_definition_is_the_one_it_exports(string name)
    {
        string mermaid = s_shippedDiagrams[name]();
        string path = Path.Combine(s_root, "docs", "state-machines", name + ".mmd");

        if (Environment.GetEnvironmentVariable("CONTACTCENTER_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, mermaid);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with CONTACTCENTER_UPDATE_DOCS=1 to generate it.");
        Assert.Equal(mermaid, Normalize(File.ReadAllText(path)));
    }

    private static readonly Dictionary<string, Func<string>> s_shippedDiagrams = new(StringComparer.Ordinal)
    {
        ["agent"] = static () => Agent.Definition.ToMermaidGraph(),
        ["callback"] = static () => Callback.Definition.ToMermaidGraph(),
        ["campaign"] = static () => Campaign.Definition.ToMermaidGraph(),
        ["calling-record"] = static () => CallingRecord.Definition.ToMermaidGraph(),
        ["interaction-voice"] = static () => InteractionDefinitions.Voice.ToMermaidGraph(),
        ["interaction-callback"] = static () => InteractionDefinitions.Callback.ToMermaidGraph(),
        ["interaction-outbound-campaign"] = static () => InteractionDefinitions.OutboundCampaign.ToMermaidGraph(),
        ["interaction-chat"] = static () => InteractionDefinitions.Chat.ToMermaidGraph(),
        ["interaction-email"] = static () => InteractionDefinitions.Email.ToMermaidGraph(),
        ["interaction-sms"] = static () => InteractionDefinitions.Sms.ToMermaidGraph(),
    };

    private static string Snippet(string source)
    {
        var lines = Normalize(source).Split('\n');
        int start = Array.FindIndex(lines, static l => l.Trim() == "// <quick-start>") + 1;
        int end = Array.FindIndex(lines, static l => l.Trim() == "// </quick-start>");
        var body = lines[start..end];
        int indent = body.Where(static l => l.Trim().Length > 0).Min(static l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()))
            .Replace("console.", "Console.", StringComparison.Ordinal);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ContactCenter.Core.sln) was not found above " + AppContext.BaseDirectory);
    }
}
