using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;
using static ContactCenter.Samples.Testing.SampleOutput;

namespace ContactCenter.Samples.Quickstart.Tests;

/// <summary>
/// The quickstart's output is part of the documentation: it is compared with the committed
/// expected-output.txt. After an intended change, run the tests once with CONTACTCENTER_UPDATE_SAMPLES=1
/// to rewrite that file, and review its diff.
/// </summary>
public sealed partial class QuickstartShiftTests
{
    private const string ExpectedOutputFile = "expected-output.txt";
    private const string UpdateVariable = "CONTACTCENTER_UPDATE_SAMPLES";

    [Fact]
    public void Output_matches_the_committed_expected_output()
    {
        string actual = RunShift();

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory("ContactCenter.Samples.Quickstart.Tests"), ExpectedOutputFile), actual);
            return;
        }

        string expected = Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, ExpectedOutputFile)));
        if (expected != actual)
        {
            Assert.Fail($"The quickstart's output differs from {ExpectedOutputFile}: {FirstDifference(expected, actual)}\n" +
                $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff of {ExpectedOutputFile}.");
        }
    }

    [Fact]
    public void Output_shows_no_phone_number_in_clear()
    {
        string output = RunShift();

        foreach (string number in new[] { QuickstartShift.FirstCallerNumber, QuickstartShift.SecondCallerNumber })
        {
            Assert.DoesNotContain(number, output, StringComparison.Ordinal);
            Assert.DoesNotContain(DigitsOf(number), DigitsOf(output), StringComparison.Ordinal);
        }

        Assert.False(PhoneNumberLike().IsMatch(output), $"Something like a phone number was printed: \"{PhoneNumberLike().Match(output).Value}\".");
    }

    [Fact]
    public void Two_runs_print_the_same()
    {
        Assert.Equal(RunShift(), RunShift());
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        string invariant = RunShift();

        // A culture with other separators everywhere (built by hand: no ICU data needed).
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NegativeSign = "~";
        odd.DateTimeFormat.TimeSeparator = ".";
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = odd;
            Assert.Equal(invariant, RunShift());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_shift_ends_with_the_agent_logged_out_and_a_summary()
    {
        string output = RunShift();

        Assert.Contains("AfterCallWork -> LoggedOut (AfterCallWorkTimedOut)", output, StringComparison.Ordinal);
        Assert.Contains("note added automatically (transfer reason)", output, StringComparison.Ordinal);
        Assert.Contains("\nSummary\n", output, StringComparison.Ordinal);
    }

    private static string RunShift()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        QuickstartShift.Run(output);
        return Normalize(output.ToString());
    }

    /// <summary>Seven or more digits, possibly separated by spaces, dots or dashes, with an optional leading +.</summary>
    [GeneratedRegex(@"\+?\d(?:[ .\-]?\d){6,}")]
    private static partial Regex PhoneNumberLike();
}
