namespace ContactCenter.Core.Interactions;

/// <summary>The medium of an interaction. Each medium runs its own machine definition (see <see cref="InteractionDefinitions"/>).</summary>
public enum MediaType
{
    /// <summary>A telephone call.</summary>
    Voice,

    /// <summary>A web chat session.</summary>
    Chat,

    /// <summary>An email, received or composed.</summary>
    Email,

    /// <summary>An SMS conversation.</summary>
    Sms,

    /// <summary>A callback (web or scheduled): offered to the agent, who then dials the contact. Behaves as voice.</summary>
    Callback,

    /// <summary>A call of an outbound campaign (preview, or passed to the agent once connected). Behaves as voice.</summary>
    OutboundCampaign,
}

/// <summary>Who started an interaction.</summary>
public enum InteractionDirection
{
    /// <summary>The contact reached the centre (routed, transferred or conferenced to the agent).</summary>
    Inbound,

    /// <summary>The agent or a dialer reached out to the contact.</summary>
    Outbound,

    /// <summary>Between two people of the centre (agent to agent).</summary>
    Internal,
}

/// <summary>
/// The state of an interaction. One enum serves every medium; each medium's definition uses the subset it
/// needs. <see cref="Connected"/> is a superstate: an interaction is never in it directly but in one of
/// its substates (<see cref="Talking"/>, <see cref="Held"/>, <see cref="Consulting"/>, <see cref="Conferenced"/>).
/// </summary>
public enum InteractionState
{
    /// <summary>Offered to the agent, who may accept or reject it (or it is auto-accepted).</summary>
    Offered,

    /// <summary>Owned by the agent but not yet connected: an outbound call or callback before dialling (the number may still be edited).</summary>
    Idle,

    /// <summary>An outbound call is ringing the contact.</summary>
    Dialing,

    /// <summary>Superstate of every state in which the agent is connected with the contact.</summary>
    Connected,

    /// <summary>The agent and the contact are connected (voice: talking; chat and SMS: the conversation is open).</summary>
    Talking,

    /// <summary>The contact is on hold (voice only).</summary>
    Held,

    /// <summary>A consultation with a target is open, for a transfer or a conference (voice: the contact is held, or the target after <c>Alternate</c>).</summary>
    Consulting,

    /// <summary>The contact, the agent and at least one more member are joined.</summary>
    Conferenced,

    /// <summary>An email is being worked (accepted or composed); there is no connection.</summary>
    Working,

    /// <summary>The exchange is over; wrap-up: disposition, notes, call result and custom data are still editable until <c>MarkDone</c>.</summary>
    Ended,

    /// <summary>Marked done: saved and closed. Terminal: nothing is permitted.</summary>
    Done,

    /// <summary>The agent rejected the offer. Terminal.</summary>
    Rejected,

    /// <summary>The contact left (or the network withdrew the offer) before the agent accepted. Terminal.</summary>
    Abandoned,
}

/// <summary>What the agent (or the desktop on the agent's behalf) asks of an interaction.</summary>
public enum InteractionCommand
{
    /// <summary>Accept the offer.</summary>
    Accept,

    /// <summary>Reject the offer.</summary>
    Reject,

    /// <summary>Dial the contact (outbound, callback), or open an outbound SMS conversation.</summary>
    Connect,

    /// <summary>Leave the interaction: hang up, close the chat. Ends the exchange (the interaction moves to wrap-up).</summary>
    Disconnect,

    /// <summary>Put the contact on hold.</summary>
    Hold,

    /// <summary>Take the contact off hold.</summary>
    Resume,

    /// <summary>Send DTMF digits on the active leg.</summary>
    SendDtmf,

    /// <summary>Open a consultation with a target, to transfer the contact to it.</summary>
    ConsultForTransfer,

    /// <summary>Open a consultation with a target, to bring it into a conference.</summary>
    ConsultForConference,

    /// <summary>Hand the contact over to the consulted target (only once the target is connected).</summary>
    CompleteTransfer,

    /// <summary>Join the contact, the agent and the consulted target (only once the target is connected).</summary>
    CompleteConference,

    /// <summary>Release every conference member and continue with the contact alone.</summary>
    EndConference,

    /// <summary>Release one conference member.</summary>
    DropParty,

    /// <summary>During a consultation, swap which of the contact and the target is on hold.</summary>
    Alternate,

    /// <summary>Abandon the consultation and take the contact back.</summary>
    Reconnect,

    /// <summary>Transfer the contact to a target without consulting it first (single-step).</summary>
    BlindTransfer,

    /// <summary>Record the outcome of the attempt.</summary>
    SetCallResult,

    /// <summary>Set the disposition code (from the configured set).</summary>
    SetDisposition,

    /// <summary>Add a note to the interaction.</summary>
    AddNote,

    /// <summary>Change the value of one of the interaction's custom data keys.</summary>
    SetCustomData,

    /// <summary>Mask DTMF digits from now on (e.g. card entry).</summary>
    EnterSecureMode,

    /// <summary>Stop masking DTMF digits.</summary>
    ExitSecureMode,

    /// <summary>Send the reply to an email (or the composed outbound email).</summary>
    Reply,

    /// <summary>Forward an email to another address.</summary>
    Forward,

    /// <summary>Save everything and close the interaction: the end of its life.</summary>
    MarkDone,
}

/// <summary>What the telephony (or messaging platform) reports; a separate input from the agent's commands.</summary>
public enum NetworkEvent
{
    /// <summary>The contact's phone is ringing.</summary>
    CustomerRinging,

    /// <summary>The contact answered.</summary>
    CustomerAnswered,

    /// <summary>The contact rejected the call.</summary>
    CustomerRejected,

    /// <summary>The contact's line was busy.</summary>
    CustomerBusy,

    /// <summary>The contact did not answer.</summary>
    CustomerNoAnswer,

    /// <summary>The contact hung up (or left the chat).</summary>
    RemoteHangUp,

    /// <summary>The consultation target is ringing.</summary>
    TargetRinging,

    /// <summary>The consultation target answered.</summary>
    TargetAnswered,

    /// <summary>The consultation target could not be reached (busy, no answer, rejected).</summary>
    TargetFailed,

    /// <summary>The consultation target hung up after answering.</summary>
    TargetHangUp,

    /// <summary>A given party was dropped by the network (see <see cref="Interaction.OnPartyDropped"/>).</summary>
    PartyDropped,
}

/// <summary>
/// Every input of an interaction's state machine: the <see cref="InteractionCommand"/> values (same names,
/// same numbers) and the <see cref="NetworkEvent"/> values (same names, numbered from 100). It is the trigger
/// type of the definitions exposed by <see cref="InteractionDefinitions"/>, and the cause of every event.
/// </summary>
public enum InteractionTrigger
{
    /// <summary><see cref="InteractionCommand.Accept"/>.</summary>
    Accept = InteractionCommand.Accept,

    /// <summary><see cref="InteractionCommand.Reject"/>.</summary>
    Reject = InteractionCommand.Reject,

    /// <summary><see cref="InteractionCommand.Connect"/>.</summary>
    Connect = InteractionCommand.Connect,

    /// <summary><see cref="InteractionCommand.Disconnect"/>.</summary>
    Disconnect = InteractionCommand.Disconnect,

    /// <summary><see cref="InteractionCommand.Hold"/>.</summary>
    Hold = InteractionCommand.Hold,

    /// <summary><see cref="InteractionCommand.Resume"/>.</summary>
    Resume = InteractionCommand.Resume,

    /// <summary><see cref="InteractionCommand.SendDtmf"/>.</summary>
    SendDtmf = InteractionCommand.SendDtmf,

    /// <summary><see cref="InteractionCommand.ConsultForTransfer"/>.</summary>
    ConsultForTransfer = InteractionCommand.ConsultForTransfer,

    /// <summary><see cref="InteractionCommand.ConsultForConference"/>.</summary>
    ConsultForConference = InteractionCommand.ConsultForConference,

    /// <summary><see cref="InteractionCommand.CompleteTransfer"/>.</summary>
    CompleteTransfer = InteractionCommand.CompleteTransfer,

    /// <summary><see cref="InteractionCommand.CompleteConference"/>.</summary>
    CompleteConference = InteractionCommand.CompleteConference,

    /// <summary><see cref="InteractionCommand.EndConference"/>.</summary>
    EndConference = InteractionCommand.EndConference,

    /// <summary><see cref="InteractionCommand.DropParty"/>.</summary>
    DropParty = InteractionCommand.DropParty,

    /// <summary><see cref="InteractionCommand.Alternate"/>.</summary>
    Alternate = InteractionCommand.Alternate,

    /// <summary><see cref="InteractionCommand.Reconnect"/>.</summary>
    Reconnect = InteractionCommand.Reconnect,

    /// <summary><see cref="InteractionCommand.BlindTransfer"/>.</summary>
    BlindTransfer = InteractionCommand.BlindTransfer,

    /// <summary><see cref="InteractionCommand.SetCallResult"/>.</summary>
    SetCallResult = InteractionCommand.SetCallResult,

    /// <summary><see cref="InteractionCommand.SetDisposition"/>.</summary>
    SetDisposition = InteractionCommand.SetDisposition,

    /// <summary><see cref="InteractionCommand.AddNote"/>.</summary>
    AddNote = InteractionCommand.AddNote,

    /// <summary><see cref="InteractionCommand.SetCustomData"/>.</summary>
    SetCustomData = InteractionCommand.SetCustomData,

    /// <summary><see cref="InteractionCommand.EnterSecureMode"/>.</summary>
    EnterSecureMode = InteractionCommand.EnterSecureMode,

    /// <summary><see cref="InteractionCommand.ExitSecureMode"/>.</summary>
    ExitSecureMode = InteractionCommand.ExitSecureMode,

    /// <summary><see cref="InteractionCommand.Reply"/>.</summary>
    Reply = InteractionCommand.Reply,

    /// <summary><see cref="InteractionCommand.Forward"/>.</summary>
    Forward = InteractionCommand.Forward,

    /// <summary><see cref="InteractionCommand.MarkDone"/>.</summary>
    MarkDone = InteractionCommand.MarkDone,

    /// <summary><see cref="NetworkEvent.CustomerRinging"/>.</summary>
    CustomerRinging = 100 + NetworkEvent.CustomerRinging,

    /// <summary><see cref="NetworkEvent.CustomerAnswered"/>.</summary>
    CustomerAnswered = 100 + NetworkEvent.CustomerAnswered,

    /// <summary><see cref="NetworkEvent.CustomerRejected"/>.</summary>
    CustomerRejected = 100 + NetworkEvent.CustomerRejected,

    /// <summary><see cref="NetworkEvent.CustomerBusy"/>.</summary>
    CustomerBusy = 100 + NetworkEvent.CustomerBusy,

    /// <summary><see cref="NetworkEvent.CustomerNoAnswer"/>.</summary>
    CustomerNoAnswer = 100 + NetworkEvent.CustomerNoAnswer,

    /// <summary><see cref="NetworkEvent.RemoteHangUp"/>.</summary>
    RemoteHangUp = 100 + NetworkEvent.RemoteHangUp,

    /// <summary><see cref="NetworkEvent.TargetRinging"/>.</summary>
    TargetRinging = 100 + NetworkEvent.TargetRinging,

    /// <summary><see cref="NetworkEvent.TargetAnswered"/>.</summary>
    TargetAnswered = 100 + NetworkEvent.TargetAnswered,

    /// <summary><see cref="NetworkEvent.TargetFailed"/>.</summary>
    TargetFailed = 100 + NetworkEvent.TargetFailed,

    /// <summary><see cref="NetworkEvent.TargetHangUp"/>.</summary>
    TargetHangUp = 100 + NetworkEvent.TargetHangUp,

    /// <summary><see cref="NetworkEvent.PartyDropped"/>.</summary>
    PartyDropped = 100 + NetworkEvent.PartyDropped,

    /// <summary>A host input, not an agent command: attached data set by the host or routing (<see cref="Interaction.SetAttachedData"/>).</summary>
    SetAttachedData = 200,
}

/// <summary>The role of a party in an interaction.</summary>
public enum PartyRole
{
    /// <summary>The contact (customer): the caller, the chat visitor, the email sender or recipient.</summary>
    Customer,

    /// <summary>The agent who owns this interaction.</summary>
    Agent,

    /// <summary>The target of a consultation (another agent or a number).</summary>
    ConsultTarget,

    /// <summary>A member joined to a conference (a former consultation target).</summary>
    ConferenceMember,
}

/// <summary>
/// The state of one party. For email, which has no connection, <see cref="Connected"/> means the exchange is
/// open and <see cref="Disconnected"/> that it is over.
/// </summary>
public enum PartyState
{
    /// <summary>Known but not yet reached (an outbound contact before dialling, a callback request).</summary>
    Idle,

    /// <summary>Being dialled.</summary>
    Dialing,

    /// <summary>Ringing: the contact's phone, the consultation target, or the agent (an offer).</summary>
    Alerting,

    /// <summary>Connected to the interaction.</summary>
    Connected,

    /// <summary>Connected but on hold.</summary>
    Held,

    /// <summary>Gone; a party never comes back once disconnected.</summary>
    Disconnected,
}

/// <summary>The outcome of an attempt to reach the contact.</summary>
public enum CallResult
{
    /// <summary>The contact was reached.</summary>
    Success,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>An answering machine answered.</summary>
    AnsweringMachine,

    /// <summary>A fax answered.</summary>
    Fax,

    /// <summary>The number does not belong to the contact.</summary>
    WrongNumber,

    /// <summary>The contact rejected the call.</summary>
    Rejected,

    /// <summary>The call was dropped (network failure).</summary>
    Dropped,
}

/// <summary>Whether a consultation prepares a transfer or a conference.</summary>
public enum ConsultationKind
{
    /// <summary>The consultation ends with <see cref="InteractionCommand.CompleteTransfer"/>.</summary>
    Transfer,

    /// <summary>The consultation ends with <see cref="InteractionCommand.CompleteConference"/>.</summary>
    Conference,
}

/// <summary>Where a note comes from.</summary>
public enum NoteKind
{
    /// <summary>Written by the agent.</summary>
    Agent,

    /// <summary>Appended automatically: the reason given for a transfer.</summary>
    TransferReason,
}

/// <summary>Which data set of an interaction a <see cref="DataChanged"/> event is about.</summary>
public enum DataScope
{
    /// <summary>Attached data: set by the host or routing, read-only to the agent.</summary>
    Attached,

    /// <summary>Custom data: fixed keys, values editable by the agent.</summary>
    Custom,
}

/// <summary>How an email left the agent's hands.</summary>
public enum MessageKind
{
    /// <summary>A reply (or a composed outbound email) was sent.</summary>
    Reply,

    /// <summary>The email was forwarded.</summary>
    Forward,
}

/// <summary>Why a command is refused.</summary>
public enum InteractionRefusalReason
{
    /// <summary>The command exists for this medium but not in the current state.</summary>
    WrongState,

    /// <summary>The state accepts the command but a condition does not hold now (e.g. the target is not connected yet).</summary>
    GuardFailed,

    /// <summary><see cref="InteractionCommand.MarkDone"/> while a disposition is mandatory and missing.</summary>
    MissingDisposition,

    /// <summary>An argument is invalid (DTMF digits, unknown disposition code or custom data key, unknown party...).</summary>
    InvalidArgument,

    /// <summary>The medium has no such operation (e.g. hold on a chat, DTMF on an email).</summary>
    NotSupportedByMedium,
}
