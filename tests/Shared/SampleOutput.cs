using System;
using System.IO;
using System.Text.RegularExpressions;

namespace ContactCenter.Samples.Testing;

/// <summary>
/// What the samples' output tests share: each sample's output is compared with its committed
/// expected-output.txt, which CONTACTCENTER_UPDATE_SAMPLES=1 rewrites in the test project's folder.
/// Linked into every sample test project.
/// </summary>
internal static class SampleOutput
{
    /// <summary>Line endings as committed.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Only the digits of <paramref name="text"/>, to find a number however it is spaced.</summary>
    public static string DigitsOf(string text) => Regex.Replace(text, "[^0-9]", "");

    /// <summary>The first line where <paramref name="actual"/> differs from <paramref name="expected"/>, for a failure message.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        string[] expectedLines = expected.Split('\n');
        string[] actualLines = actual.Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? wanted = i < expectedLines.Length ? expectedLines[i] : null;
            string? got = i < actualLines.Length ? actualLines[i] : null;
            if (wanted != got)
            {
                return $"line {i + 1}: expected \"{wanted ?? "(end of output)"}\" but got \"{got ?? "(end of output)"}\".";
            }
        }

        return "(no line differs)";
    }

    /// <summary>The source folder of the test project <paramref name="testProject"/> (the copy in the build output is only read).</summary>
    public static string SourceDirectory(string testProject)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.Core.sln")))
            {
                return Path.Combine(directory.FullName, "tests", testProject);
            }
        }

        throw new InvalidOperationException($"ContactCenter.Core.sln not found above {AppContext.BaseDirectory}.");
    }
}
