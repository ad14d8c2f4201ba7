using System;
using System.Collections.Generic;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Campaigns;

/// <summary>Why a campaign command is refused, for the UI to show.</summary>
/// <param name="Command">The refused command.</param>
/// <param name="State">The campaign's state.</param>
/// <param name="Mode">The campaign's delivery mode.</param>
/// <param name="Reason">The reason, as a value.</param>
/// <param name="Message">The reason, for people.</param>
public sealed record CampaignCommandRefusal(CampaignCommand Command, CampaignState State, DeliveryMode Mode, CampaignRefusalReason Reason, string Message);

/// <summary>Why a calling-record command is refused, for the UI to show.</summary>
/// <param name="Command">The refused command.</param>
/// <param name="State">The record's state.</param>
/// <param name="Reason">The reason, as a value.</param>
/// <param name="Message">The reason, for people.</param>
public sealed record CallingRecordCommandRefusal(CallingRecordCommand Command, CallingRecordState State, CallingRecordRefusalReason Reason, string Message);

/// <summary>
/// Thrown when a campaign refuses a command. Nothing changed: no state, no record, no timer, no event. The message names
/// the campaign, the state, the command, the reason and the permitted commands.
/// </summary>
public sealed class CampaignCommandRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="refusal">Why.</param>
    /// <param name="permittedCommands">The commands permitted now.</param>
    public CampaignCommandRefusedException(string campaignId, CampaignCommandRefusal refusal, IReadOnlyList<CampaignCommand> permittedCommands)
        : base(FormatMessage(campaignId, refusal, permittedCommands))
    {
        CampaignId = campaignId;
        Refusal = refusal;
        PermittedCommands = permittedCommands;
    }

    /// <summary>The campaign.</summary>
    public string CampaignId { get; }

    /// <summary>Why the command was refused.</summary>
    public CampaignCommandRefusal Refusal { get; }

    /// <summary>The campaign's state.</summary>
    public CampaignState State => Refusal.State;

    /// <summary>The refused command.</summary>
    public CampaignCommand Command => Refusal.Command;

    /// <summary>The commands permitted now.</summary>
    public IReadOnlyList<CampaignCommand> PermittedCommands { get; }

    private static string FormatMessage(string campaignId, CampaignCommandRefusal refusal, IReadOnlyList<CampaignCommand> permitted)
    {
        Guard.NotNull(refusal);
        Guard.NotNull(permitted);
        string list = permitted.Count == 0 ? "none" : string.Join(", ", permitted);
        return $"Campaign {campaignId} refused {refusal.Command} in state {refusal.State} (mode {refusal.Mode}, {refusal.Reason}): {refusal.Message} Permitted commands: {list}.";
    }
}

/// <summary>
/// Thrown when a calling record refuses a command. Nothing changed: no state, no attempt, no timer, no event. The
/// message names the campaign, the record, the state, the command, the reason and the permitted commands.
/// </summary>
public sealed class CallingRecordCommandRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="refusal">Why.</param>
    /// <param name="permittedCommands">The commands permitted in the record's state.</param>
    public CallingRecordCommandRefusedException(string campaignId, string recordId, CallingRecordCommandRefusal refusal, IReadOnlyList<CallingRecordCommand> permittedCommands)
        : base(FormatMessage(campaignId, recordId, refusal, permittedCommands))
    {
        CampaignId = campaignId;
        RecordId = recordId;
        Refusal = refusal;
        PermittedCommands = permittedCommands;
    }

    /// <summary>The campaign.</summary>
    public string CampaignId { get; }

    /// <summary>The record.</summary>
    public string RecordId { get; }

    /// <summary>Why the command was refused.</summary>
    public CallingRecordCommandRefusal Refusal { get; }

    /// <summary>The record's state.</summary>
    public CallingRecordState State => Refusal.State;

    /// <summary>The refused command.</summary>
    public CallingRecordCommand Command => Refusal.Command;

    /// <summary>The commands permitted in <see cref="State"/>.</summary>
    public IReadOnlyList<CallingRecordCommand> PermittedCommands { get; }

    private static string FormatMessage(string campaignId, string recordId, CallingRecordCommandRefusal refusal, IReadOnlyList<CallingRecordCommand> permitted)
    {
        Guard.NotNull(refusal);
        Guard.NotNull(permitted);
        string list = permitted.Count == 0 ? "none" : string.Join(", ", permitted);
        return $"Record {recordId} of campaign {campaignId} refused {refusal.Command} in state {refusal.State} ({refusal.Reason}): {refusal.Message} Permitted commands: {list}.";
    }
}
