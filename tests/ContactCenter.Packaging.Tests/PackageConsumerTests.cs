using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ContactCenter.Packaging.Tests;

/// <summary>
/// Packs every package of src/ into a temporary folder, then builds and runs a fresh console
/// project outside the solution that references them from that folder, as a package consumer
/// would: the packages must restore, carry their metadata, and work.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "contactcenter-consumer-" + Guid.NewGuid().ToString("N")[..12]);

    public PackageConsumerTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the test's result stands.
        }
    }

    [Fact]
    public void A_fresh_console_project_restores_the_packed_packages_builds_and_runs()
    {
        string feed = Path.Combine(_root, "feed");
        foreach (string package in PackableProjects.Names())
        {
            Pack(package, feed);
        }

        foreach (string package in PackableProjects.Names())
        {
            CheckPackage(feed, package);
        }

        string consumer = Path.Combine(_root, "consumer");
        Directory.CreateDirectory(consumer);
        string version = VersionOf(feed, "ContactCenter.Core");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject(version, VersionOf(feed, "ContactCenter.Simulation")));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
        // The packed folder as an extra source; the machine's own sources still serve the
        // dependencies (NodaTime, System.Reactive, ...).
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="contactcenter-packed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        // A packages folder of its own: the consumer sees exactly what was just packed, never an
        // older copy of the same version from the machine's cache.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };

        Succeed(consumer, environment, "build", "-c", "Release");
        Assert.True(
            Directory.Exists(Path.Combine(_root, "packages", "contactcenter.core", version)),
            "the consumer did not restore ContactCenter.Core from the packed folder");

        string output = Succeed(consumer, environment, "run", "-c", "Release", "--no-build");
        Assert.Contains("Ringing --Answer--> Talking", output, StringComparison.Ordinal);
        Assert.Contains("permitted: Hold, HangUp", output, StringComparison.Ordinal);
        Assert.Matches(@"simulation: [1-9]\d* calls placed, [1-9]\d* live answers", output);
    }

    private void Pack(string package, string feed)
    {
        string configuration = typeof(PackageConsumerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BuildConfiguration").Value ?? "Release";
        string project = PackableProjects.ProjectFile(package);
        var (exitCode, output) = DotnetCli.Run(_root, null, "pack", project, "-c", configuration, "--no-build", "-o", feed);
        if (exitCode != 0)
        {
            // Not every target framework was built in this configuration yet (the test project
            // builds only net10.0): let pack build what is missing.
            _output.WriteLine(output);
            Succeed(_root, null, "pack", project, "-c", configuration, "-o", feed);
        }
    }

    private static void CheckPackage(string feed, string package)
    {
        string version = VersionOf(feed, package);
        string nupkg = Path.Combine(feed, $"{package}.{version}.nupkg");
        Assert.True(File.Exists(Path.Combine(feed, $"{package}.{version}.snupkg")), $"{package} has no symbol package");

        using var archive = ZipFile.OpenRead(nupkg);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        XDocument document;
        using (var stream = nuspec.Open())
        {
            document = XDocument.Load(stream);
        }

        var metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? valueOf(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", valueOf("readme"));
        Assert.Contains("README.md", entries);
        Assert.False(string.IsNullOrWhiteSpace(valueOf("description")), $"{package} has no description");
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);

        var libraries = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(libraries);
        foreach (string library in libraries)
        {
            Assert.Contains(Path.ChangeExtension(library, ".xml"), entries);
        }

        // Deterministic packing: entry times are fixed, not the time of the pack.
        Assert.All(archive.Entries, e => Assert.Equal(2026, e.LastWriteTime.Year));
        Assert.All(archive.Entries, e => Assert.Equal(1, e.LastWriteTime.DayOfYear));
    }

    private static string VersionOf(string feed, string package)
    {
        string prefix = package + ".";
        var versions = Directory.GetFiles(feed, prefix + "*.nupkg")
            .Select(Path.GetFileName)
            .Select(n => n![prefix.Length..^".nupkg".Length])
            .Where(v => v.Length > 0 && char.IsAsciiDigit(v[0]))
            .ToList();
        return Assert.Single(versions);
    }

    private string Succeed(string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var (exitCode, output) = DotnetCli.Run(directory, environment, arguments);
        _output.WriteLine($"$ dotnet {string.Join(' ', arguments)}\n{output}");
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    private static string ConsumerProject(string coreVersion, string simulationVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="ContactCenter.Core" Version="{coreVersion}" />
            <PackageReference Include="ContactCenter.Simulation" Version="{simulationVersion}" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsumerProgram = """
        using System;
        using System.Globalization;
        using ContactCenter.Core.Pacing;
        using ContactCenter.Core.StateMachines;
        using ContactCenter.Simulation;
        using NodaTime;

        var builder = new StateMachineBuilder<CallState, CallTrigger, Call>();
        builder.Configure(CallState.Ringing).Permit(CallTrigger.Answer, CallState.Talking);
        builder.Configure(CallState.Talking)
            .Permit(CallTrigger.Hold, CallState.OnHold)
            .Permit(CallTrigger.HangUp, CallState.Done);
        var machine = builder.Build(CallState.Ringing).CreateMachine(new Call());
        using (machine.Transitions.Subscribe(t => Console.WriteLine(t)))
        {
            machine.Fire(CallTrigger.Answer);
        }

        Console.WriteLine("permitted: " + string.Join(", ", machine.PermittedTriggers));

        var scenario = new SimulationScenario { Name = "consumer", Seed = 7, ShiftLength = Duration.FromMinutes(30) }.WithTeam(3);
        var report = Simulator.Run(scenario, new PacingSimulationDialer(new ProgressivePacing()));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "simulation: {0} calls placed, {1} live answers",
            report.Metrics.CallsPlaced,
            report.Metrics.LiveAnswers));

        enum CallState { Ringing, Talking, OnHold, Done }
        enum CallTrigger { Answer, Hold, HangUp }
        sealed class Call { }
        """;
}
