using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ContactCenter.Docs.Tests;

/// <summary>One fenced C# block of a Markdown page, with the page line its code starts on.</summary>
internal sealed record CodeBlock(string Page, int FirstLine, string Code, bool IsFragment);

/// <summary>
/// Finds the C# examples of the repository's Markdown pages. A block fenced as <c>```csharp</c> is
/// an example and must compile; a block fenced as <c>```csharp fragment</c> is a deliberate excerpt
/// (a member, a line of configuration) and is only shown.
/// </summary>
internal static class MarkdownExamples
{
    private static readonly string[] s_languages = ["csharp", "cs", "c#"];

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ContactCenter.Core.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Every Markdown page a reader meets: the README, docs/, and the samples' and benchmarks' pages.</summary>
    public static IReadOnlyList<string> Pages()
    {
        string root = RepositoryRoot();
        var pages = new List<string> { "README.md" };
        foreach (string folder in new[] { "docs", "samples", "benchmarks" })
        {
            pages.AddRange(Directory.EnumerateFiles(Path.Combine(root, folder), "*.md", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !p.Contains($"{Path.DirectorySeparatorChar}BenchmarkDotNet.Artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(p => Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/')));
        }

        return pages.OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<CodeBlock> Blocks(string page)
    {
        string[] lines = File.ReadAllText(Path.Combine(RepositoryRoot(), page)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            int indent = lines[i].Length - trimmed.Length;
            string[] info = trimmed[3..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            if (info.Length > 0 && s_languages.Contains(info[0], StringComparer.OrdinalIgnoreCase))
            {
                var body = lines[(i + 1)..end].Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart());
                blocks.Add(new CodeBlock(page, i + 2, string.Join("\n", body), info.Contains("fragment", StringComparer.Ordinal)));
            }

            i = end;
        }

        return blocks;
    }
}
