using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ContactCenter.Samples.Testing;
using Xunit;

namespace ContactCenter.Packaging.Tests;

/// <summary>
/// Each package's public surface is checked in beside its project as <c>PublicAPI.txt</c>. A change
/// to the surface fails here until the file is regenerated (CONTACTCENTER_UPDATE_API=1), so every
/// addition, removal or signature change shows up in review.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages()
    {
        var data = new TheoryData<string>();
        foreach (string name in PackableProjects.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_surface_matches_the_checked_in_baseline(string package)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(package));
        }
        catch (FileNotFoundException)
        {
            throw new InvalidOperationException(
                $"{package} is a package of src/ but this test project does not reference it: add a ProjectReference to tests/ContactCenter.Packaging.Tests.");
        }

        string actual = PublicApiFormatter.Format(assembly);
        string path = Path.Combine(PackableProjects.DirectoryOf(package), "PublicAPI.txt");
        if (Environment.GetEnvironmentVariable("CONTACTCENTER_UPDATE_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with CONTACTCENTER_UPDATE_API=1 to create it.");
        string expected = SampleOutput.Normalize(File.ReadAllText(path));
        Assert.True(
            expected == SampleOutput.Normalize(actual),
            $"The public API of {package} changed; review the change and regenerate {path} with CONTACTCENTER_UPDATE_API=1. "
            + SampleOutput.FirstDifference(expected, SampleOutput.Normalize(actual)));
    }

    [Fact]
    public void The_formatter_shows_members_with_their_nullability_defaults_and_constraints()
    {
        string text = PublicApiFormatter.Format(typeof(PublicApiTests).Assembly);
        string[] lines = text.Split('\n');

        Assert.Contains("  public sealed class PublicApiSample<T> : System.IDisposable where T : class", lines);
        Assert.Contains("    public const int Limit = 3", lines);
        Assert.Contains("    public .ctor(string? name = null, int count = 2)", lines);
        Assert.Contains("    public string? Name { get; init; }", lines);
        Assert.Contains("    public System.Collections.Generic.IReadOnlyList<T?> Items { get; }", lines);
        Assert.Contains("    public void Dispose()", lines);
        Assert.Contains("    public bool TryFind(string key, out T? value)", lines);
        Assert.Contains("  public enum PublicApiSampleKind : byte", lines);
        Assert.Contains("    Second = 2", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Hidden", StringComparison.Ordinal));
    }
}

/// <summary>A type of known shape for the formatter's own test.</summary>
public sealed class PublicApiSample<T> : IDisposable
    where T : class
{
    public const int Limit = 3;

    public PublicApiSample(string? name = null, int count = 2)
    {
        Name = name;
        Items = new List<T?>(count);
    }

    public string? Name { get; init; }

    public IReadOnlyList<T?> Items { get; }

    internal int Hidden { get; set; }

    public void Dispose() => Hidden = 0;

    public bool TryFind(string key, out T? value)
    {
        value = Items.FirstOrDefault(i => i?.ToString() == key);
        return value is not null;
    }
}

/// <summary>An enum with a non-default underlying type for the formatter's own test.</summary>
public enum PublicApiSampleKind : byte
{
    First = 1,
    Second = 2,
}
