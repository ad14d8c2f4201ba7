using System;
using System.IO;
using System.Threading.Tasks;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ContactCenter.Samples.AgentDesktop.Tests;

/// <summary>
/// The page in a real browser: Debian's Chromium, headless, driven by Playwright (its driver ships in the NuGet
/// package; no browser is downloaded). The desk runs in-process on a real socket with a virtual clock; every step waits
/// on the page itself (Playwright's expectations), never on the wall clock.
/// </summary>
/// <remarks>
/// <para><c>CONTACTCENTER_CHROMIUM</c> overrides the browser (default <c>/usr/bin/chromium</c>); a missing browser fails
/// the test with how to install it. Screenshots go to <c>CONTACTCENTER_TEST_ARTIFACTS</c> (default
/// <c>artifacts</c> in the test output folder): <c>agent-desktop.png</c> at the end, <c>agent-desktop-failure.png</c>
/// when a step fails.</para>
/// </remarks>
public sealed class DeskBrowserTests(ITestOutputHelper output)
{
    private const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] s_chromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    [Fact]
    public async Task The_agent_takes_a_call_holds_consults_transfers_and_marks_it_done_in_a_real_browser()
    {
        string chromium = ChromiumPath();
        await using var host = await DeskHost.StartAsync();
        string profile = Path.Combine(Path.GetTempPath(), "contactcenter-desk-profile-" + Guid.NewGuid().ToString("N"));
        using var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = s_chromiumArgs,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        SetDefaultExpectTimeout(15_000);
        try
        {
            await page.GotoAsync(host.Address.ToString());
            await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
            await Expect(page.Locator("#agent-status")).ToHaveTextAsync("Logged out");
            await Expect(Button(page, "agent.LogIn")).ToBeEnabledAsync();
            await ExpectGreyed(page, "agent.SetReady", AgentWhy(host, AgentCommand.SetReady));
            await Expect(page.Locator("#no-interaction")).ToBeVisibleAsync();

            await Click(page, "agent.LogIn");
            await Expect(page.Locator("#agent-status")).ToHaveTextAsync("Not ready (LoggedIn)");
            await Click(page, "agent.SetReady");
            await Expect(page.Locator("#agent-status")).ToHaveTextAsync("Ready");

            // The router offers the customer's call: only Accept and Reject are enabled.
            await Click(page, "simulation.IncomingCall");
            await Expect(page.Locator("#interaction-state")).ToHaveTextAsync("Offered");
            await Expect(Button(page, "interaction.Accept")).ToBeEnabledAsync();
            await ExpectParty(page, "Agent", "Alerting");
            await ExpectGreyed(page, "interaction.Hold", CallWhy(host, InteractionCommand.Hold));

            await Click(page, "interaction.Accept");
            await Expect(page.Locator("#interaction-state")).ToHaveTextAsync("Talking");
            await Expect(page.Locator("#agent-status")).ToHaveTextAsync("Busy");
            await ExpectParty(page, "Customer", "Connected");
            await ExpectParty(page, "Agent", "Connected");
            await Expect(Button(page, "interaction.Hold")).ToBeEnabledAsync();
            await ExpectGreyed(page, "interaction.Resume", CallWhy(host, InteractionCommand.Resume));
            await ExpectGreyed(page, "interaction.MarkDone", CallWhy(host, InteractionCommand.MarkDone));
            await Expect(page.Locator("#attached-data")).ToContainTextAsync("AC-1187");

            await Click(page, "interaction.Hold");
            await Expect(page.Locator("#interaction-state")).ToHaveTextAsync("Held");
            await ExpectParty(page, "Customer", "Held");
            await Expect(Button(page, "interaction.Resume")).ToBeEnabledAsync();
            await ExpectGreyed(page, "interaction.Hold", CallWhy(host, InteractionCommand.Hold));

            await Click(page, "interaction.Resume");
            await Expect(page.Locator("#interaction-state")).ToHaveTextAsync("Talking");
            await ExpectParty(page, "Customer", "Connected");

            // Consult a colleague: the transfer cannot complete until they answer.
            await page.Locator("#consult-target").FillAsync(DeskSession.ColleagueId);
            await Click(page, "interaction.ConsultForTransfer");
            await Expect(page.Locator("#interaction-state")).ToHaveTextAsync("Consulting");
            await ExpectParty(page, "ConsultTarget", "Alerting");
            await ExpectParty(page, "Customer", "Held");
            await ExpectGreyed(page, "interaction.CompleteTransfer", CallWhy(host, InteractionCommand.CompleteTransfer));
            await Expect(page.Locator("#consultation")).ToContainTextAsync("Transfer with bruno");

            // The simulated colleague answers within 4 s of virtual time.
            await Click(page, "simulation.Advance.5");
            await ExpectParty(page, "ConsultTarget", "Connected");
            await Expect(Button(page, "interaction.CompleteTransfer")).ToBeEnabledAsync();

            await Click(page, "interaction.CompleteTransfer");
            await Expect(page.Locator("#interaction-state")).ToHaveTextAsync("Ended");
            await Expect(page.Locator("#agent-status")).ToContainTextAsync("After-call work until");
            await Expect(page.Locator("#notes")).ToContainTextAsync("Transferred by alice to bruno.");
            await ExpectGreyed(page, "interaction.MarkDone", CallWhy(host, InteractionCommand.MarkDone));
            await ExpectGreyed(page, "interaction.Hold", CallWhy(host, InteractionCommand.Hold));

            await Click(page, "interaction.SetDisposition.Transferred");
            await Expect(page.Locator("#disposition")).ToHaveTextAsync("Transferred");
            await Expect(Button(page, "interaction.MarkDone")).ToBeEnabledAsync();

            await Click(page, "interaction.MarkDone");
            await Expect(page.Locator("#interaction-state")).ToHaveTextAsync("Done");
            await Expect(page.Locator("#interaction-buttons button:enabled")).ToHaveCountAsync(0);
            await Expect(Button(page, "agent.SetReady")).ToBeEnabledAsync();

            // The customer's callback: a full slot is greyed; a free one moves the callback there.
            await Expect(page.Locator("#slot-grid button[title^='Fully booked']").First).ToBeDisabledAsync();
            string due = await page.Locator("#callback-due").InnerTextAsync();
            var free = page.Locator("#slot-grid button:enabled").Last;
            string slot = await free.GetAttributeAsync("data-key") ?? throw new InvalidOperationException("A slot without a key.");
            await free.ClickAsync();
            await Expect(page.Locator($"#slot-grid button[data-key='{slot}']")).ToHaveClassAsync("booked");
            await Expect(page.Locator("#callback-due")).Not.ToHaveTextAsync(due);
            await Expect(page.Locator("#error")).ToBeHiddenAsync();

            await Screenshot(page, "agent-desktop.png");
        }
        catch
        {
            await Screenshot(page, "agent-desktop-failure.png");
            throw;
        }
        finally
        {
            await browser.CloseAsync();
            TryDelete(profile);
        }
    }

    /// <summary>The browser to drive: <c>CONTACTCENTER_CHROMIUM</c>, else Debian's. Missing, the test fails saying how to install it.</summary>
    private static string ChromiumPath()
    {
        string path = Environment.GetEnvironmentVariable("CONTACTCENTER_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultChromium;
        Assert.True(File.Exists(path),
            $"Chromium was not found at {path}. The browser test drives the system's Chromium (no browser is downloaded): "
            + "install it with `apt-get install -y chromium` (Debian; as root), or set CONTACTCENTER_CHROMIUM to a Chromium or Chrome executable.");
        return path;
    }

    /// <summary>The engine's reason for refusing an agent command now: the tooltip the page must show on its greyed button.</summary>
    private static string AgentWhy(DeskHost host, AgentCommand command) =>
        host.Session.Agent.WhyNot(command)?.Message ?? throw new InvalidOperationException($"{command} is permitted.");

    /// <summary>The engine's reason for refusing an interaction command now.</summary>
    private static string CallWhy(DeskHost host, InteractionCommand command) =>
        host.Session.Interaction?.WhyNot(command)?.Message ?? throw new InvalidOperationException($"{command} is permitted, or there is no call.");

    private static ILocator Button(IPage page, string key) => page.Locator($"button[data-key='{key}']");

    private static Task Click(IPage page, string key) => Button(page, key).ClickAsync();

    private static async Task ExpectGreyed(IPage page, string key, string why)
    {
        var button = Button(page, key);
        await Expect(button).ToBeDisabledAsync();
        await Expect(button).ToHaveAttributeAsync("title", why);
    }

    private static Task ExpectParty(IPage page, string role, string state) =>
        Expect(page.Locator($"#parties tr[data-role='{role}'] td.party-state")).ToHaveTextAsync(state);

    private async Task Screenshot(IPage page, string name)
    {
        string folder = Environment.GetEnvironmentVariable("CONTACTCENTER_TEST_ARTIFACTS") is { Length: > 0 } custom
            ? custom
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by an exiting browser: the folder is in the temporary directory anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
