using System.Collections.Generic;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// Everything the page shows, as one immutable value: sent by <c>GET /api/desk</c>, returned by every command, and
/// pushed over server-sent events after every event of the agent, the interaction and the callback.
/// </summary>
/// <param name="Version">Increases with every view built; the page ignores an older one.</param>
/// <param name="Clock">The engine's time, in the centre's zone (e.g. "Mon 23 Nov 2026 15:00:05 Europe/Paris").</param>
/// <param name="VirtualTime">Whether the clock is virtual (it moves only when advanced).</param>
/// <param name="Agent">The agent's state and buttons.</param>
/// <param name="Interaction">The current interaction, or <see langword="null"/> before the first call.</param>
/// <param name="Callback">The customer's callback and the slot grid for rescheduling it.</param>
/// <param name="Simulation">The buttons of the simulated other side of the call.</param>
/// <param name="Log">The latest events, newest last.</param>
public sealed record DeskView(
    long Version,
    string Clock,
    bool VirtualTime,
    AgentView Agent,
    InteractionView? Interaction,
    CallbackView Callback,
    IReadOnlyList<ButtonView> Simulation,
    IReadOnlyList<string> Log);

/// <summary>
/// One button of the desktop. <see cref="Enabled"/> comes from the aggregate's <c>PermittedCommands</c>; a greyed
/// button carries the aggregate's <c>WhyNot</c> message in <see cref="Why"/> (the page shows it as a tooltip).
/// </summary>
/// <param name="Key">Unique on the page, e.g. "interaction.SetDisposition.Resolved".</param>
/// <param name="Scope">"agent", "interaction", "callback" or "simulation": the endpoint is <c>POST /api/{scope}/{command}</c>.</param>
/// <param name="Command">The command's name, e.g. "Hold".</param>
/// <param name="Argument">The command's fixed argument (a reason code, a disposition code), or <see langword="null"/>.</param>
/// <param name="Input">The id of the page's text field holding the argument (consult target, note), or <see langword="null"/>.</param>
/// <param name="Label">The button's text.</param>
/// <param name="Enabled">Whether the command is permitted now.</param>
/// <param name="Why">Why it is not, or <see langword="null"/> when enabled.</param>
public sealed record ButtonView(string Key, string Scope, string Command, string? Argument, string? Input, string Label, bool Enabled, string? Why);

/// <summary>The agent panel.</summary>
/// <param name="Id">The agent's id.</param>
/// <param name="State">The agent's state (<c>AgentState</c> name).</param>
/// <param name="NotReadyReason">The reason code while not ready.</param>
/// <param name="Status">The state as the agent reads it, e.g. "Not ready (Break)", "After-call work until 15:03:10".</param>
/// <param name="Buttons">The agent's own buttons.</param>
public sealed record AgentView(string Id, string State, string? NotReadyReason, string Status, IReadOnlyList<ButtonView> Buttons);

/// <summary>The interaction panel.</summary>
/// <param name="Id">The interaction's id.</param>
/// <param name="State">Its state (<c>InteractionState</c> name).</param>
/// <param name="Media">Its medium.</param>
/// <param name="Direction">Its direction.</param>
/// <param name="Parties">Its parties, in the order they joined.</param>
/// <param name="Consultation">The open consultation, e.g. "Transfer to bruno", or <see langword="null"/>.</param>
/// <param name="AttachedData">Attached data (read-only to the agent), sorted by key.</param>
/// <param name="Notes">The notes, oldest first.</param>
/// <param name="Disposition">The disposition code, once set.</param>
/// <param name="Buttons">The interaction's buttons.</param>
public sealed record InteractionView(
    string Id,
    string State,
    string Media,
    string Direction,
    IReadOnlyList<PartyView> Parties,
    string? Consultation,
    IReadOnlyList<KeyValuePair<string, string>> AttachedData,
    IReadOnlyList<string> Notes,
    string? Disposition,
    IReadOnlyList<ButtonView> Buttons);

/// <summary>A party of the interaction.</summary>
/// <param name="Id">The party's id within the interaction, e.g. "party-1".</param>
/// <param name="Role">Customer, Agent, ConsultTarget or ConferenceMember.</param>
/// <param name="Address">The agent id, or the phone number redacted.</param>
/// <param name="State">The party's state.</param>
public sealed record PartyView(string Id, string Role, string Address, string State);

/// <summary>The callback panel: the customer's callback and the slot grid.</summary>
/// <param name="Id">The callback's id.</param>
/// <param name="State">Its state (<c>CallbackState</c> name).</param>
/// <param name="Due">When it is due, in the customer's and the centre's time.</param>
/// <param name="Number">The number to call, redacted.</param>
/// <param name="Buttons">The callback's buttons (rescheduling is done by picking a slot).</param>
/// <param name="Grid">The slots the customer may pick.</param>
public sealed record CallbackView(string Id, string State, string Due, string Number, IReadOnlyList<ButtonView> Buttons, SlotGridView Grid);

/// <summary>The slot grid: one column per day of the search, in the customer's dates.</summary>
/// <param name="CustomerZone">The customer's zone (the grid's times).</param>
/// <param name="CentreZone">The centre's zone.</param>
/// <param name="TzdbVersion">The tz database the grid was computed with.</param>
/// <param name="CanReschedule">Whether the callback may be rescheduled now (its <c>PermittedCommands</c>).</param>
/// <param name="WhyNotReschedule">Why not, or <see langword="null"/>.</param>
/// <param name="Days">The days, in order.</param>
public sealed record SlotGridView(string CustomerZone, string CentreZone, string TzdbVersion, bool CanReschedule, string? WhyNotReschedule, IReadOnlyList<SlotDayView> Days);

/// <summary>One day of the grid: its slots, or why it has none.</summary>
/// <param name="Date">The customer's date, ISO (e.g. "2026-11-24").</param>
/// <param name="Label">The date as shown (e.g. "Tue 24 Nov").</param>
/// <param name="Slots">The slots of the day, full ones included (greyed).</param>
/// <param name="NoSlotReason">Why the day has no slot, or <see langword="null"/>.</param>
public sealed record SlotDayView(string Date, string Label, IReadOnlyList<SlotView> Slots, string? NoSlotReason);

/// <summary>One slot.</summary>
/// <param name="Start">Its start instant, ISO (the argument of <c>POST /api/callback/Reschedule</c>).</param>
/// <param name="CustomerTime">Its start, the customer's time (e.g. "10:30").</param>
/// <param name="CentreTime">Its start, the centre's time.</param>
/// <param name="Remaining">Seats left.</param>
/// <param name="Total">Seats in all.</param>
/// <param name="Booked">Whether the customer's callback is booked in this slot.</param>
public sealed record SlotView(string Start, string CustomerTime, string CentreTime, int Remaining, int Total, bool Booked);

/// <summary>Why a command was refused (HTTP 409): the engine's own refusal.</summary>
/// <param name="Scope">"agent", "interaction", "callback" or "simulation".</param>
/// <param name="Command">The refused command.</param>
/// <param name="Message">Why, as the engine says it.</param>
/// <param name="Permitted">The commands permitted now.</param>
public sealed record CommandRefusal(string Scope, string Command, string Message, IReadOnlyList<string> Permitted);

/// <summary>The body of a command that takes an argument.</summary>
/// <param name="Argument">The argument: a reason code, a disposition code, a consult target, a note, a slot's start.</param>
public sealed record CommandBody(string? Argument);
