using System;
using System.IO;
using ContactCenter.Samples.CallbackBooking;
using ContactCenter.Storage.Sqlite;

// Prints the booking desk's script. The host keeps its bookings and callbacks in SQLite, in the sample's data folder
// (SqliteDataFolder: ~/.local/share/ContactCenter.Samples.CallbackBooking on Linux) or in --data <folder>. With --smoke
// (CI), runs the same script in a new temporary folder without printing it: any failure (a booking that does not go
// as scripted, a callback that is not offered) exits non-zero.
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
        Console.Error.WriteLine("usage: ContactCenter.Samples.CallbackBooking [--smoke] [--data <folder>]");
        return 2;
    }
}

string? temporary = null;
try
{
    if (smoke)
    {
        temporary = dataFolder is null ? Path.Combine(Path.GetTempPath(), "cc-callback-booking-" + Guid.NewGuid().ToString("N")) : null;
        using var output = new StringWriter();
        _ = await CallbackBookingScript.RunAsync(output, dataFolder ?? temporary!).ConfigureAwait(false);
        Console.WriteLine("Callback booking smoke run: OK.");
    }
    else
    {
        // Full slots are greyed with ANSI colours on a real terminal only (and not when NO_COLOR is set).
        bool colours = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        _ = await CallbackBookingScript.RunAsync(Console.Out, dataFolder ?? SqliteDataFolder.For("ContactCenter.Samples.CallbackBooking"), colours).ConfigureAwait(false);
    }

    return 0;
}
#pragma warning disable CA1031 // The sample's entry point reports any failure as a non-zero exit code.
catch (Exception exception)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"The callback booking script failed: {exception}");
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
