using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reactive.Subjects;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Time;
using ContactCenter.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace ContactCenter.Samples.Quickstart;

/// <summary>
/// A scripted shift of one agent, Alice, in virtual time: she logs in, takes an inbound call, consults a
/// colleague and transfers a second call, extends her after-call work and logs out. Every event of the
/// agent and of the calls is printed as it happens, then a summary.
/// </summary>
/// <remarks>
/// This is what an agent desktop does, minus the UI and the telephony: the script plays the router (which
/// offers calls), the network (which reports what the telephony did) and the agent's clicks. The run is
/// deterministic: the clock is virtual, nothing is random, and everything is formatted culture-invariantly.
/// </remarks>
public static class QuickstartShift
{
    /// <summary>The caller of the first call. Personal data: the desktop never prints it in clear.</summary>
    public const string FirstCallerNumber = "+33 6 12 34 56 78";

    /// <summary>The caller of the second call. Personal data: the desktop never prints it in clear.</summary>
    public const string SecondCallerNumber = "+44 20 7946 0958";

    /// <summary>The desktop's host id: the owner of the calls it keeps in the store, the same on every run.</summary>
    public const string HostId = "desk-1";

    /// <summary>
    /// Runs the whole shift, printing it to <paramref name="output"/>. The desktop's host keeps its data in the SQLite
    /// file <c>contactcenter.db</c> of <paramref name="dataFolder"/>: when it starts it recovers what the last run left
    /// (a call in flight when a run died would be listed as orphaned), and it writes each call's snapshot to the store
    /// after every event, so that a restart finds nothing orphaned after a clean shift.
    /// </summary>
    /// <param name="output">Where the event log and the summary are written.</param>
    /// <param name="dataFolder">The folder of the database file, created when missing.</param>
    /// <returns>A task that completes when the shift is over.</returns>
    /// <exception cref="AgentCommandRefusedException">The agent refused a command (the script is wrong).</exception>
    /// <exception cref="InteractionCommandRefusedException">A call refused a command (the script is wrong).</exception>
    /// <exception cref="InvalidOperationException">The shift did not end as scripted.</exception>
    public static async Task RunAsync(TextWriter output, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        string database = Path.Combine(dataFolder, SqliteDataFolder.DatabaseFileName);

        // The desktop's host: ContactCenter.Core with its store in SQLite. Starting it opens (creates, migrates) the
        // file and recovers what the last run left there.
        using var host = StartHost(database, At(8, 0));
        await host.StartAsync().ConfigureAwait(false);
        var store = host.Services.GetRequiredService<IContactCenterStore>();

        // One time source drives everything: the agent's timers (offer timeout, after-call work) and the
        // stamps of every event. A VirtualTimeSource only moves when told to, so a 14-minute shift runs in
        // milliseconds; in production, leave the host's system clock (SystemTimeSource.Instance) instead.
        var time = host.Services.GetRequiredService<VirtualTimeSource>();

        // The centre's configuration. After-call work lasts per queue; Alice may extend it twice, by 30 s.
        var agentOptions = new AgentOptions
        {
            NotReadyReasons = ["LoggedIn", "Break", "Lunch", "MissedOffers"],
            AfterCallWork = new AfterCallWorkPolicy
            {
                DurationByQueue = new Dictionary<string, Duration>
                {
                    ["support"] = Duration.FromSeconds(60),
                    ["sales"] = Duration.FromSeconds(45),
                },
                Extension = Duration.FromSeconds(30),
                MaxExtensions = 2,
            },
        };
        var callOptions = new InteractionOptions
        {
            Dispositions = ["Resolved", "Transferred", "CallBackLater"],
            DispositionRequired = true, // Mark done stays disabled until a disposition is set.
            TimeSource = time,
        };

        var alice = new Agent("alice", agentOptions, time);
        var log = new ShiftLog(output, time);

        log.Step("the desktop's host starts: it opens its store and recovers what the last run left");
        log.Host($"store contactcenter.db in the data folder; recovery found {Recovered(host)}");

        // The calls in flight are kept in the store: each call's snapshot (state, parties, data, notes,
        // disposition) is written after every event, owned by this host.
        using var snapshots = new InteractionSnapshots(store.Interactions, HostId, time);

        // The desktop's event log: the agent's events and those of every call, merged into one stream as
        // calls arrive. Everything here is synchronous, so lines come out in the order things happen.
        var arrivingCalls = new Subject<Interaction>();
        using var agentSubscription = alice.Events.Subscribe(log.Print);
        using var callSubscription = InteractionStreams.Merge(arrivingCalls).Subscribe(log.Print);

        // ----- Start of the shift ---------------------------------------------------------------------------
        log.Step("alice logs in");
        alice.LogIn(); // Logged in means NotReady ("LoggedIn") until she says she is ready.
        log.Buttons(alice);

        time.AdvanceTo(At(8, 0, 30));
        log.Step("alice clicks Ready");
        alice.SetReady();

        // ----- Call 1: accept, hold, resume, hang up --------------------------------------------------------
        time.AdvanceTo(At(8, 2));
        var call1 = Offer(log, arrivingCalls, callOptions, 1, FirstCallerNumber, "support");
        snapshots.Follow(call1);
        alice.Reserve(call1.Id, MediaType.Voice, "support"); // the router reserves Alice for it

        // The agent does not watch calls: the link tells it what the call does, carrying the call's correlation
        // ids. Accepted: AcceptOffer (Alice becomes Busy). Ended, here or by the caller hanging up: EndInteraction.
        using var following1 = AgentInteractionLink.Follow(alice, call1);
        log.Buttons(call1); // an offer: Accept or Reject

        time.AdvanceTo(At(8, 2, 4));
        log.Step("alice clicks Accept");
        call1.Accept(); // the link accepts the offer on Alice's side: she becomes Busy
        log.Buttons(call1); // a live call: hold, consult, transfer, DTMF, notes...

        time.AdvanceTo(At(8, 3, 30));
        log.Step("alice puts the caller on hold to check the order");
        call1.Hold();

        time.AdvanceTo(At(8, 4, 10));
        log.Step("alice takes the caller back");
        call1.Resume();
        call1.AddNote("Order 1187 delayed by the carrier; new delivery date given.");

        time.AdvanceTo(At(8, 6));
        log.Step("alice hangs up");
        call1.Disconnect(); // the call moves to wrap-up (Ended): disposition and notes are still editable

        // The link tells the agent that its last voice call ended, which starts after-call work by itself,
        // timed by the queue's configuration. (It does so whenever a call reaches Ended, including when the
        // caller hangs up: that arrives as OnNetworkEvent(NetworkEvent.RemoteHangUp).)
        log.Buttons(call1, InteractionCommand.MarkDone); // Mark done is disabled: no disposition yet

        time.AdvanceTo(At(8, 6, 25));
        log.Step("alice sets the disposition and marks the call done");
        call1.SetDisposition("Resolved");
        call1.MarkDone();

        time.AdvanceTo(At(8, 6, 40));
        log.Step("alice clicks Ready before her after-call work runs out");
        alice.SetReady(); // ends after-call work early

        // ----- Call 2: consult a colleague, transfer --------------------------------------------------------
        time.AdvanceTo(At(8, 10));
        var call2 = Offer(log, arrivingCalls, callOptions, 2, SecondCallerNumber, "sales");
        snapshots.Follow(call2);
        alice.Reserve(call2.Id, MediaType.Voice, "sales");
        using var following2 = AgentInteractionLink.Follow(alice, call2);

        time.AdvanceTo(At(8, 10, 3));
        log.Step("alice clicks Accept");
        call2.Accept();

        time.AdvanceTo(At(8, 12));
        log.Step("alice consults bruno to transfer the caller to him");
        call2.ConsultForTransfer("bruno", "Business contract: handled by the key-accounts team."); // the caller is held
        Network(call2, NetworkEvent.TargetRinging); // the network: bruno's phone rings
        log.Buttons(call2, InteractionCommand.CompleteTransfer); // not until bruno answers

        time.AdvanceTo(At(8, 12, 9));
        log.Step("network: bruno answers");
        Network(call2, NetworkEvent.TargetAnswered);
        log.Buttons(call2);

        time.AdvanceTo(At(8, 12, 40));
        log.Step("alice completes the transfer");
        call2.CompleteTransfer(); // the transfer reason is appended to the notes; the link: after-call work again ("sales")

        time.AdvanceTo(At(8, 13));
        log.Step("alice sets the disposition and marks the call done");
        call2.SetDisposition("Transferred");
        call2.MarkDone();

        // ----- End of the shift -----------------------------------------------------------------------------
        time.AdvanceTo(At(8, 13, 10));
        log.Step("alice needs more time to write up the contract request");
        alice.ExtendAfterCallWork(); // +30 s; a third extension would be refused (MaxExtensions = 2)
        log.Buttons(alice);

        time.AdvanceTo(At(8, 13, 20));
        log.Step("alice clicks Log out");
        alice.LogOut(); // during after-call work, a logout is deferred: a pending intent, granted when it ends
        log.Buttons(alice, AgentCommand.LogOut); // she may still cancel it (CancelIntent) or end her wrap-up now

        // No more clicks: the after-call work timer fires on the virtual clock and grants the logout.
        log.Step(alice.AfterCallWorkEndsAt!.Value, "alice's after-call work runs out (timer)");
        time.AdvanceTo(At(8, 15));

        log.ThrowIfFaulted();

        if (alice.State != AgentState.LoggedOut || call1.State != InteractionState.Done || call2.State != InteractionState.Done)
        {
            throw new InvalidOperationException($"The shift did not end as scripted: {alice}, {call1}, {call2}.");
        }

        // ----- The host stops; a restart on the same store ------------------------------------------------
        await snapshots.FlushAsync().ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);
        host.Dispose();
        log.Step("the host stops, and starts again on the same store");
        using (var restarted = StartHost(database, time.Now))
        {
            await restarted.StartAsync().ConfigureAwait(false);
            log.Host(string.Create(CultureInfo.InvariantCulture, $"{snapshots.Writes} call snapshots were written; recovery found {Recovered(restarted)}"));
            var report = restarted.Services.GetRequiredService<ContactCenterRecoveryState>().Report!;
            if (report.OrphanedInteractions.Any(o => o.LastKnown.Id == call1.Id || o.LastKnown.Id == call2.Id))
            {
                throw new InvalidOperationException("A clean shift left one of its calls orphaned in the store.");
            }

            await restarted.StopAsync().ConfigureAwait(false);
        }

        log.PrintSummary();
    }

    /// <summary>A host with ContactCenter.Core in virtual time from <paramref name="start"/>, its store in SQLite at <paramref name="database"/>.</summary>
    private static IHost StartHost(string database, Instant start)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddContactCenter()
            .UseVirtualTime(start)
            .UseSqlite(database)
            .Configure(static o => o.Recovery = o.Recovery with { HostId = HostId });
        return builder.Build();
    }

    /// <summary>What recovery found when the host started, in a few words.</summary>
    private static string Recovered(IHost host)
    {
        var report = host.Services.GetRequiredService<ContactCenterRecoveryState>().Report!;
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Callbacks.Count} open callbacks, {report.Campaigns.Count} campaigns, {report.OrphanedInteractions.Count} orphaned calls");
    }

    /// <summary>The router offers an inbound voice call: the desktop creates it and adds it to its event log.</summary>
    private static Interaction Offer(ShiftLog log, Subject<Interaction> desktop, InteractionOptions options, int number, string caller, string queue)
    {
        var call = Interaction.Create(
            new InteractionSpec(MediaType.Voice, InteractionDirection.Inbound, caller)
            {
                Id = new InteractionId(new Guid(number, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), // given by the telephony; fixed here
                AgentAddress = "alice",
                AttachedData = new Dictionary<string, string> { ["queue"] = queue },
            },
            options);
        string name = log.Name(call, number);
        log.Step($"router offers {name} from the {queue} queue (caller {ShiftLog.Mask(caller)})");
        desktop.OnNext(call);
        return call;
    }

    /// <summary>The network reports what the telephony did; a network event is never refused, only ignored when it does not apply.</summary>
    private static void Network(Interaction call, NetworkEvent networkEvent)
    {
        if (!call.OnNetworkEvent(networkEvent))
        {
            throw new InvalidOperationException($"{networkEvent} did not apply to {call}.");
        }
    }

    /// <summary>An instant of the shift's day, 23 November 2026 (UTC).</summary>
    private static Instant At(int hour, int minute, int second = 0) => Instant.FromUtc(2026, 11, 23, hour, minute, second);
}
