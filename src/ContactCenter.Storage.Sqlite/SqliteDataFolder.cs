using System;
using System.IO;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// Where an application keeps its database by default: the user's local application-data folder
/// (<see cref="Environment.SpecialFolder.LocalApplicationData"/>: <c>%LOCALAPPDATA%</c> on Windows,
/// <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS), then the
/// application's name, then <c>contactcenter.db</c>.
/// </summary>
public static class SqliteDataFolder
{
    /// <summary>The database file's name in the data folder.</summary>
    public const string DatabaseFileName = "contactcenter.db";

    /// <summary>The application's data folder: the local application-data folder, then <paramref name="applicationName"/>.</summary>
    /// <param name="applicationName">A folder name for the application (no path separators).</param>
    /// <returns>The folder's full path (not created).</returns>
    /// <exception cref="ArgumentException">A blank name, or one with path separators or invalid characters.</exception>
    public static string For(string applicationName)
    {
        ArgumentGuard.NotNull(applicationName);
        if (string.IsNullOrWhiteSpace(applicationName) || applicationName is "." or ".."
            || applicationName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || applicationName.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0)
        {
            throw new ArgumentException($"'{applicationName}' is not a usable folder name.", nameof(applicationName));
        }

        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(root, applicationName);
    }

    /// <summary>The default database file of an application: <see cref="For"/>(<paramref name="applicationName"/>)/<see cref="DatabaseFileName"/>.</summary>
    /// <param name="applicationName">A folder name for the application.</param>
    /// <returns>The file's full path (neither it nor its folder is created; <see cref="SqliteContactCenterStore.Open"/> creates them).</returns>
    public static string DefaultDatabasePath(string applicationName) => Path.Combine(For(applicationName), DatabaseFileName);
}
