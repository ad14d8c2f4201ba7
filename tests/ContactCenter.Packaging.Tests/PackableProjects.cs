using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace ContactCenter.Packaging.Tests;

/// <summary>The projects under src/ that produce NuGet packages (IsPackable true).</summary>
internal static class PackableProjects
{
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

    public static IReadOnlyList<string> Names() =>
        System.IO.Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src"))
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .Where(File.Exists)
            .Where(IsPackable)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    public static string DirectoryOf(string name) => Path.Combine(RepositoryRoot(), "src", name);

    public static string ProjectFile(string name) => Path.Combine(DirectoryOf(name), name + ".csproj");

    private static bool IsPackable(string projectFile) =>
        XDocument.Load(projectFile).Descendants("IsPackable").Any(e => string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
