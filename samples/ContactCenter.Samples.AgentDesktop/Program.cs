using System;
using System.Globalization;
using System.Threading.Tasks;
using ContactCenter.Samples.AgentDesktop;
using Microsoft.Extensions.Hosting;

// Serves one agent's desktop on 127.0.0.1 (a free port unless --port says which). --virtual runs it on a virtual clock
// that moves only with the page's "+5 s" / "+1 min" buttons. --smoke (CI) drives one whole call through the HTTP API,
// prints the transcript and exits: 0 when every step left the desk as expected, 1 otherwise. The engine keeps its data in
// SQLite, in the application's data folder (~/.local/share/ContactCenter.Samples.AgentDesktop on Linux) or in
// --data <folder>; --smoke uses a new temporary folder.
bool smoke = false;
bool virtualTime = false;
int port = 0;
string? dataFolder = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--smoke":
            smoke = true;
            break;
        case "--virtual":
            virtualTime = true;
            break;
        case "--data" when dataFolder is null && i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]):
            dataFolder = args[++i];
            break;
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535:
            i++;
            break;
        default:
            Console.Error.WriteLine("usage: ContactCenter.Samples.AgentDesktop [--virtual] [--port N] [--data <folder>] | --smoke");
            return 2;
    }
}

try
{
    if (smoke)
    {
        await SmokeRun.RunAsync(Console.Out).ConfigureAwait(false);
        return 0;
    }

    var app = DeskApp.Create(new DeskOptions { VirtualTime = virtualTime, Port = port, DataFolder = dataFolder });
    await using (app.ConfigureAwait(false))
    {
        await app.StartAsync().ConfigureAwait(false);
        Console.WriteLine($"Agent desktop: {DeskApp.Address(app)} ({(virtualTime ? "virtual clock: use the page's +5 s and +1 min buttons" : "system clock")}). Ctrl+C stops it.");
        await app.WaitForShutdownAsync().ConfigureAwait(false);
    }

    return 0;
}
#pragma warning disable CA1031 // The sample's entry point reports any failure as a non-zero exit code.
catch (Exception exception)
#pragma warning restore CA1031
{
    Console.Error.WriteLine($"The agent desktop failed: {exception}");
    return 1;
}
