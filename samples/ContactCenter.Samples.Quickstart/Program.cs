using System;
using System.IO;
using ContactCenter.Samples.Quickstart;
using ContactCenter.Storage.Sqlite;

// Prints the scripted shift. The desktop's host keeps its data in SQLite, in the sample's data folder
// (SqliteDataFolder: ~/.local/share/ContactCenter.Samples.Quickstart on Linux) or in --data <folder>. With --smoke
// (CI), runs the same script in a new temporary folder without printing it: any failure (a refused command, an
// unexpected final state) exits non-zero.
bool smoke = false;
string? dataFolder = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--smoke" && !smoke)
    {
        smoke = true;
    }
    else if (args[i] == "--data" && dataFolder is null && i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]))
    {
        dataFolder = args[++i];
    }
    else
    {
        Console.Error.WriteLine("usage: ContactCenter.Samples.Quickstart [--smoke] [--data <folder>]");
        return 2;
    }
}

string? temporary = smoke && dataFolder is null ? Path.Combine(Path.GetTempPath(), "cc-quickstart-" + Guid.NewGuid().ToString("N")) : null;
try
{
    if (smoke)
    {
        using var output = new StringWriter();
        await QuickstartShift.RunAsync(output, dataFolder ?? temporary!).ConfigureAwait(false);
        Console.WriteLine("Quickstart smoke run: OK.");
    }
    else
    {
        await QuickstartShift.RunAsync(Console.Out, dataFolder ?? SqliteDataFolder.For("ContactCenter.Samples.Quickstart")).ConfigureAwait(false);
    }

    return 0;
}
#pragma warning disable CA1031 // The sample's entry point reports any failure as a non-zero exit code.
catch (Exception exception)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"The quickstart shift failed: {exception}");
    return 1;
}
finally
{
    if (temporary is not null && Directory.Exists(temporary))
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(temporary, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the system cleans its temporary folder.
        }
    }
}
