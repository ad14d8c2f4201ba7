using System;
using System.IO;
using System.Reflection;
using Xunit;

namespace ContactCenter.Samples.CallbackBooking.Tests;

/// <summary>
/// The sample's entry point, as CI runs it (<c>-- --smoke</c>). The only tests of this assembly that touch the
/// console: they redirect it for the time of the call.
/// </summary>
public sealed class ProgramTests
{
    [Fact]
    public void Smoke_run_returns_zero_and_prints_only_its_verdict()
    {
        var (exitCode, output, error) = RunMain("--smoke");

        Assert.Equal(0, exitCode);
        Assert.Equal("Callback booking smoke run: OK." + Environment.NewLine, output);
        Assert.Empty(error);
    }

    [Fact]
    public void Unknown_arguments_print_the_usage_and_return_two()
    {
        var (exitCode, output, error) = RunMain("--verbose");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("usage: ContactCenter.Samples.CallbackBooking [--smoke] [--data <folder>]", error, StringComparison.Ordinal);
        Assert.Equal(2, RunMain("--data").ExitCode);
    }

    [Fact]
    public void With_NO_COLOR_set_the_script_is_printed_without_colours()
    {
        string folder = Path.Combine(Path.GetTempPath(), "cc-booking-program-" + Guid.NewGuid().ToString("N"));
        string? previous = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            var (exitCode, output, error) = RunMain("--data", folder);

            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            Assert.Contains("The grid on the agent's desk", output, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', output);
            Assert.True(File.Exists(Path.Combine(folder, "contactcenter.db")));

            var (again, secondOutput, _) = RunMain("--data", folder);
            Assert.Equal(0, again);
            Assert.StartsWith("This data folder holds an earlier run", secondOutput, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", previous);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) RunMain(params string[] args)
    {
        MethodInfo main = typeof(CallbackBookingScript).Assembly.EntryPoint
            ?? throw new InvalidOperationException("The sample has no entry point.");
        var previousOut = Console.Out;
        var previousError = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            int exitCode = (int)main.Invoke(null, [args])!;
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
