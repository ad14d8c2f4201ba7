using System;
using System.Collections.Generic;
using ContactCenter.Core.Campaigns;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Contacts;
using ContactCenter.Core.Internal;

namespace ContactCenter.Simulation;

/// <summary>
/// The real <see cref="Campaign"/> a scenario drives instead of the synthetic list: its calling list, its options
/// (retry rules...) and its compliance profile. Every run builds a new campaign from it, in
/// <see cref="DeliveryMode.Predictive"/> mode on the run's virtual clock, with a new <see cref="InMemoryCallHistory"/>
/// for the frequency caps (the run records every dial there) and a <see cref="DialingCompliance"/> on that history; so
/// the same scenario can be run again and gives the same run.
/// </summary>
/// <remarks>
/// <para>The run takes records with <see cref="Campaign.TakeRecords"/> as many as the dialer asks for, places each
/// <see cref="DialTask"/> on the network with the fate of (record's position in the list, attempt), and reports the
/// result: <see cref="Campaign.Connected"/> when an agent takes the live answer, <see cref="Campaign.Complete"/> with a
/// disposition drawn from <see cref="Dispositions"/> when the talk ends, <see cref="CampaignCallResult.Dropped"/> for an
/// abandoned call, and the network's outcome otherwise. A record that compliance does not allow now is not delivered:
/// it waits in the campaign (<see cref="Campaign.WaitingRecords"/>) until its window opens, however far the run goes.</para>
/// </remarks>
/// <example>
/// <code>
/// var campaign = new SimulatedCampaign(list)
/// {
///     Options = new CampaignOptions { RetryRules = new Dictionary&lt;CampaignCallResult, RetryRule&gt; { [CampaignCallResult.NoAnswer] = new(Duration.FromMinutes(30), 3) } },
/// };
/// var report = Simulator.Run(scenario.WithCampaign(campaign), new PacingSimulationDialer(new PredictivePacing()));
/// Console.WriteLine(report.Campaign!.WaitingRecords.Count);
/// </code>
/// </example>
public sealed record SimulatedCampaign
{
    /// <summary>Describes a campaign on <paramref name="list"/> with the default options and compliance.</summary>
    /// <param name="list">The calling list.</param>
    /// <exception cref="ArgumentNullException"><paramref name="list"/> is null.</exception>
    public SimulatedCampaign(CallingList list) => List = Guard.NotNull(list);

    /// <summary>The calling list. The position of a record in it is the record index of the run's events.</summary>
    public CallingList List { get; init; }

    /// <summary>The campaign's id. Default "simulated-campaign".</summary>
    public string Id { get; init; } = "simulated-campaign";

    /// <summary>The campaign's name. Default "Simulated campaign".</summary>
    public string Name { get; init; } = "Simulated campaign";

    /// <summary>The campaign's policy: retry rules, attempt limit, dispositions, purpose. Default <see cref="CampaignOptions.Default"/>.</summary>
    public CampaignOptions Options { get; init; } = CampaignOptions.Default;

    /// <summary>The calling-window policies every dial is checked against; <see langword="null"/> for no compliance check. Default <see cref="ComplianceProfile.Default"/>.</summary>
    public ComplianceProfile? Compliance { get; init; } = ComplianceProfile.Default;

    /// <summary>Where numbers ring, for the numbers that carry no zones of their own. Default <see cref="CompositePhoneNumberLocator.Default"/>.</summary>
    public IPhoneNumberLocator Locator { get; init; } = CompositePhoneNumberLocator.Default;

    /// <summary>The do-not-call list; <see langword="null"/> (the default) for an empty one.</summary>
    public IDoNotCallList? DoNotCall { get; init; }

    /// <summary>
    /// The dispositions an agent gives a connected record at the end of the talk, each equally likely (drawn with
    /// <see cref="RandomDraw.Disposition"/>, so a record's disposition is the same under every dialer). Each must be
    /// one of the options' dispositions. Default "Sale" and "Not interested".
    /// </summary>
    public IReadOnlyList<string> Dispositions { get; init; } = ["Sale", "Not interested"];

    /// <summary>Checks every setting (the options' too).</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        AddProblems(problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid simulated campaign: " + string.Join(" ", problems));
        }
    }

    internal void AddProblems(List<string> problems)
    {
        if (List is null)
        {
            problems.Add("Campaign.List must not be null.");
        }

        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("Campaign.Id and Campaign.Name must not be blank.");
        }

        if (Locator is null)
        {
            problems.Add("Campaign.Locator must not be null.");
        }

        if (Options is null)
        {
            problems.Add("Campaign.Options must not be null.");
            return;
        }

        try
        {
            Options.Validate();
        }
        catch (ArgumentException invalid)
        {
            problems.Add("Campaign.Options: " + invalid.Message);
            return;
        }

        if (Dispositions is null || Dispositions.Count == 0)
        {
            problems.Add("Campaign.Dispositions must hold at least one disposition.");
            return;
        }

        foreach (var disposition in Dispositions)
        {
            if (disposition is null || !Contains(Options.Dispositions, disposition))
            {
                problems.Add($"Campaign.Dispositions: \"{disposition}\" is not one of the options' dispositions.");
            }
        }
    }

    private static bool Contains(IReadOnlyCollection<string> configured, string disposition)
    {
        foreach (var candidate in configured)
        {
            if (string.Equals(candidate, disposition, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
