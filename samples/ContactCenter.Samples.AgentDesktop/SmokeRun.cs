using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// <c>--smoke</c>: starts the desk on 127.0.0.1 (a free port, a virtual clock), drives one whole call through the HTTP
/// API — log in, ready, the customer rings in, accept, hold, resume, consult a colleague, complete the transfer, set
/// the disposition, mark done, reschedule the customer's callback — checks the desk after every step (states, parties,
/// which buttons are enabled) and prints one transcript line per step.
/// </summary>
public static class SmokeRun
{
    /// <summary>Runs the smoke script.</summary>
    /// <param name="output">Where the transcript goes.</param>
    /// <returns>A task that completes when the run is over.</returns>
    /// <exception cref="InvalidOperationException">A step did not leave the desk as expected (the message says which).</exception>
    /// <exception cref="DeskRefusedException">The desk refused a step.</exception>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // A new store per run, in a temporary folder, so that every run starts from the same empty desk.
        string dataFolder = Path.Combine(Path.GetTempPath(), "cc-agent-desktop-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync(output, dataFolder).ConfigureAwait(false);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Never created.
            }
            catch (IOException)
            {
                // A file still held open: the system cleans its temporary folder.
            }
        }
    }

    private static async Task RunAsync(TextWriter output, string dataFolder)
    {
        var app = DeskApp.Create(new DeskOptions { VirtualTime = true, DataFolder = dataFolder });
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync().ConfigureAwait(false);
            var address = DeskApp.Address(app);
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var desk = new DeskClient(http);
            var view = await desk.GetAsync().ConfigureAwait(false);
            output.WriteLine($"Agent desktop on {address} (virtual clock: {view.Clock})");

            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                var (name, first) = await desk.FirstEventAsync(timeout.Token).ConfigureAwait(false);
                Check(name == "desk" && first.Agent.State == "LoggedOut", "the event stream's first event is the desk", first);
                output.WriteLine($"  {"GET /api/events",-40} first event '{name}': agent {first.Agent.State}");
            }

            Check(Enabled(view, "agent.LogIn") && !Enabled(view, "agent.SetReady"), "only Log in is enabled at first", view);

            view = await Step(output, desk, "agent", "LogIn", null, static v => v.Agent.State == "NotReady").ConfigureAwait(false);
            view = await Step(output, desk, "agent", "SetReady", null, static v => v.Agent.State == "Ready").ConfigureAwait(false);
            view = await Step(output, desk, "simulation", DeskProjection.IncomingCall, null, static v =>
                v.Interaction?.State == "Offered" && v.Agent.State == "Reserved" && Enabled(v, "interaction.Accept") && !Enabled(v, "interaction.Hold")).ConfigureAwait(false);
            view = await Step(output, desk, "interaction", "Accept", null, static v =>
                v.Interaction?.State == "Talking" && v.Agent.State == "Busy" && Enabled(v, "interaction.Hold") && !Enabled(v, "interaction.Resume")).ConfigureAwait(false);
            view = await Step(output, desk, "interaction", "Hold", null, static v =>
                v.Interaction?.State == "Held" && Party(v, "Customer") == "Held" && Enabled(v, "interaction.Resume")).ConfigureAwait(false);
            view = await Step(output, desk, "interaction", "Resume", null, static v =>
                v.Interaction?.State == "Talking" && Party(v, "Customer") == "Connected").ConfigureAwait(false);
            view = await Step(output, desk, "interaction", "ConsultForTransfer", DeskSession.ColleagueId, static v =>
                v.Interaction?.State == "Consulting" && Party(v, "ConsultTarget") == "Alerting" && !Enabled(v, "interaction.CompleteTransfer")).ConfigureAwait(false);
            output.WriteLine($"  {"",-40} Complete transfer greyed: {Button(view, "interaction.CompleteTransfer").Why}");
            view = await Step(output, desk, "simulation", DeskProjection.Advance, "5", static v =>
                Party(v, "ConsultTarget") == "Connected" && Enabled(v, "interaction.CompleteTransfer")).ConfigureAwait(false);
            view = await Step(output, desk, "interaction", "CompleteTransfer", null, static v =>
                v.Interaction?.State == "Ended" && v.Agent.State == "AfterCallWork" && !Enabled(v, "interaction.MarkDone")
                && v.Interaction.Notes.Any(static n => n.Contains("TransferReason", StringComparison.Ordinal))).ConfigureAwait(false);
            output.WriteLine($"  {"",-40} Mark done greyed: {Button(view, "interaction.MarkDone").Why}");
            view = await Step(output, desk, "interaction", "SetDisposition", "Transferred", static v =>
                v.Interaction?.Disposition == "Transferred" && Enabled(v, "interaction.MarkDone")).ConfigureAwait(false);
            view = await Step(output, desk, "interaction", "MarkDone", null, static v =>
                v.Interaction?.State == "Done" && v.Interaction.Buttons.All(static b => !b.Enabled)).ConfigureAwait(false);

            var grid = view.Callback.Grid;
            var full = grid.Days.SelectMany(static d => d.Slots).First(static s => s.Remaining == 0);
            using (var refused = await desk.SendAsync("callback", "Reschedule", full.Start).ConfigureAwait(false))
            {
                Check((int)refused.StatusCode == 409, "a full slot cannot be booked", view);
                output.WriteLine($"  {"callback/Reschedule (a full slot)",-40} refused, HTTP 409");
            }

            var free = grid.Days.SelectMany(static d => d.Slots).First(static s => s.Remaining > 0 && !s.Booked);
            string before = view.Callback.Due;
            view = await Step(output, desk, "callback", "Reschedule", free.Start, v =>
                v.Callback.State == "Scheduled" && v.Callback.Due != before
                && v.Callback.Grid.Days.SelectMany(static d => d.Slots).Single(static s => s.Booked).Start == free.Start).ConfigureAwait(false);
            output.WriteLine($"  {"",-40} callback moved from {before} to {view.Callback.Due}");
            output.WriteLine("Agent desktop smoke run: OK.");
        }
    }

    /// <summary>Whether the button <paramref name="key"/> of <paramref name="view"/> is enabled.</summary>
    /// <param name="view">The desk.</param>
    /// <param name="key">The button's key.</param>
    /// <returns><see langword="true"/> when enabled.</returns>
    public static bool Enabled(DeskView view, string key) => Button(view, key).Enabled;

    /// <summary>The button <paramref name="key"/> of <paramref name="view"/>, wherever it is on the desk.</summary>
    /// <param name="view">The desk.</param>
    /// <param name="key">The button's key.</param>
    /// <returns>The button.</returns>
    public static ButtonView Button(DeskView view, string key)
    {
        ArgumentNullException.ThrowIfNull(view);
        var all = view.Agent.Buttons.Concat(view.Interaction?.Buttons ?? []).Concat(view.Callback.Buttons).Concat(view.Simulation);
        return all.FirstOrDefault(b => b.Key == key) ?? throw new InvalidOperationException($"The desk has no button '{key}'.");
    }

    /// <summary>The state of the first party with <paramref name="role"/>, or <see langword="null"/>.</summary>
    /// <param name="view">The desk.</param>
    /// <param name="role">The role.</param>
    /// <returns>The party's state.</returns>
    public static string? Party(DeskView view, string role)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Interaction?.Parties.FirstOrDefault(p => p.Role == role)?.State;
    }

    private static async Task<DeskView> Step(TextWriter output, DeskClient desk, string scope, string command, string? argument, Func<DeskView, bool> expected)
    {
        var view = await desk.PostAsync(scope, command, argument).ConfigureAwait(false);
        string label = $"{scope}/{command}" + (argument is null ? string.Empty : $" {argument}");
        Check(expected(view), label, view);
        output.WriteLine($"  {label,-40} {Summary(view)}");
        return view;
    }

    private static string Summary(DeskView view)
    {
        string agent = $"agent {view.Agent.Status}";
        if (view.Interaction is not { } call)
        {
            return agent;
        }

        string parties = string.Join(", ", call.Parties.Select(static p => $"{p.Role} {p.State}"));
        return $"{agent}; call {call.State} ({parties})";
    }

    private static void Check(bool condition, string step, DeskView view)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"After '{step}' the desk is not as expected: agent {view.Agent.State}, call {view.Interaction?.State ?? "none"}, callback {view.Callback.State}.");
        }
    }
}
