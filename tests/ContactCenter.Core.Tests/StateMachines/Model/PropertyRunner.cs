using System;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ContactCenter.Core.Tests.StateMachines.Model;

/// <summary>
/// Runs an FsCheck property inside a plain xUnit fact with an explicit number of cases and a fixed,
/// printed seed. Set the environment variable <see cref="SeedVariable"/> to "seed,gamma" (or
/// "seed,gamma,size", as FsCheck prints on failure) to replay another run.
/// </summary>
internal static class PropertyRunner
{
    public const string SeedVariable = "CC_PROPERTY_SEED";

    public static void Check<T>(ITestOutputHelper output, string name, ulong defaultSeed, int maxTest, Arbitrary<T> arbitrary, Action<T> property)
    {
        var (seed, gamma, size) = ReadSeed(defaultSeed);
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true).WithName(name);
        config = size is { } startSize ? config.WithReplay(seed, gamma, startSize) : config.WithReplay(seed, gamma);
        string replay = $"{SeedVariable}={seed},{gamma}{(size is { } s ? $",{s}" : string.Empty)}";
        output.WriteLine($"{name}: {maxTest} cases, seed ({seed},{gamma}); replay with {replay}");

        try
        {
            Prop.ForAll(arbitrary, property).Check(config);
        }
        catch (Exception exception) when (exception is not XunitException)
        {
            // FsCheck's message holds the seed, the original and the shrunk counterexample and the
            // exception of the shrunk run; prefix it with how to replay.
            throw new XunitException($"Property {name} failed with seed ({seed},{gamma}); replay with {replay}.{Environment.NewLine}{exception.Message}");
        }

        output.WriteLine($"{name}: passed {maxTest} cases");
    }

    private static (ulong Seed, ulong Gamma, int? Size) ReadSeed(ulong defaultSeed)
    {
        string? text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (defaultSeed, new Rnd(defaultSeed).Gamma, null);
        }

        string[] parts = text.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries);
        ulong seed = ulong.Parse(parts[0], CultureInfo.InvariantCulture);
        ulong gamma = parts.Length > 1 ? ulong.Parse(parts[1], CultureInfo.InvariantCulture) : new Rnd(seed).Gamma;
        int? size = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        return (seed, gamma, size);
    }
}
