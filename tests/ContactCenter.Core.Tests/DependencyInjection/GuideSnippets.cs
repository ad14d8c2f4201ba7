using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ContactCenter.Core.Tests.DependencyInjection;

/// <summary>
/// Reads the guides of docs/ and the examples that tests keep between <c>// begin: name</c> and <c>// end: name</c>
/// markers, so that a test can check a guide shows its example verbatim.
/// </summary>
internal static class GuideSnippets
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The text of docs/<paramref name="guide"/>, with Unix line ends.</summary>
    public static string Guide(string guide) => Normalize(File.ReadAllText(Path.Combine(s_root.Value, "docs", guide)));

    /// <summary>The code blocks of docs/<paramref name="guide"/> in <paramref name="language"/>, in order.</summary>
    public static string[] Blocks(string guide, string language) =>
        Regex.Matches(Guide(guide), "```" + language + "\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>The lines between the markers named <paramref name="name"/> of the test file <paramref name="file"/>, without their common indentation.</summary>
    public static string Example(string file, string name)
    {
        var lines = Normalize(File.ReadAllText(Path.Combine(s_root.Value, "tests", "ContactCenter.Core.Tests", file))).Split('\n');
        int begin = Array.FindIndex(lines, l => l.Trim() == "// begin: " + name);
        int end = Array.FindIndex(lines, l => l.Trim() == "// end: " + name);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"No example '{name}' in {file}.");
        }

        var body = lines.Skip(begin + 1).Take(end - begin - 1).ToArray();
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart())) + "\n";
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContactCenter.Core.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (ContactCenter.Core.sln) was not found.");
    }
}
