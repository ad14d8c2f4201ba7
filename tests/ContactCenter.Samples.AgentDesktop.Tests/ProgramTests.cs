using System;
using System.IO;
using System.Reflection;
using Xunit;

namespace ContactCenter.Samples.AgentDesktop.Tests;

/// <summary>The sample's entry point, as CI runs it (<c>-- --smoke</c>). The only tests of this assembly that touch the console.</summary>
[Collection(nameof(ProgramTests))]
public sealed class ProgramTests
{
    [Fact]
    public void Smoke_run_drives_a_whole_call_prints_the_transcript_and_returns_zero()
    {
        var (exitCode, output, error) = RunMain("--smoke");

        Assert.True(exitCode == 0, error);
        Assert.Empty(error);
        string[] lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.StartsWith("Agent desktop on http://127.0.0.1:", lines[0], StringComparison.Ordinal);
        Assert.Equal("Agent desktop smoke run: OK.", lines[^1]);
        foreach (string step in new[] { "interaction/Accept", "interaction/Hold", "interaction/Resume", "interaction/ConsultForTransfer bruno",
                     "interaction/CompleteTransfer", "interaction/SetDisposition Transferred", "interaction/MarkDone", "callback/Reschedule" })
        {
            Assert.Contains(lines, line => line.TrimStart().StartsWith(step, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("5550142", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_arguments_print_the_usage_and_return_two()
    {
        var (exitCode, output, error) = RunMain("--verbose");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("usage: ContactCenter.Samples.AgentDesktop [--virtual] [--port N] [--data <folder>] | --smoke", error, StringComparison.Ordinal);
        Assert.Equal(2, RunMain("--data").ExitCode);
    }

    private static (int ExitCode, string Output, string Error) RunMain(params string[] args)
    {
        MethodInfo main = typeof(DeskApp).Assembly.EntryPoint ?? throw new InvalidOperationException("The sample has no entry point.");
        var previousOut = Console.Out;
        var previousError = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            object? result = main.Invoke(null, [args]);
            int exitCode = result is System.Threading.Tasks.Task<int> task ? task.GetAwaiter().GetResult() : (int)result!;
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
