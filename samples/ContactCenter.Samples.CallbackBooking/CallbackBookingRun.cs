using System.Collections.Generic;
using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Compliance;
using ContactCenter.Core.Scheduling;

namespace ContactCenter.Samples.CallbackBooking;

/// <summary>What the script did, for checking it: the grid the agents saw and what came of each step.</summary>
/// <param name="Query">The slot search: the centre, the customer, the windows, the capacity, the notice.</param>
/// <param name="Grid">The grid shown to the agents, computed before the customer booked.</param>
/// <param name="EarlierBookings">The callbacks other customers had booked before the script starts.</param>
/// <param name="CustomerBooking">The customer's booking of the last seat of a slot.</param>
/// <param name="RivalBooking">The second customer's try at the same seat, with its alternatives.</param>
/// <param name="Callback">The callback created for the customer's slot.</param>
/// <param name="CallbackEvents">Every event of that callback.</param>
/// <param name="DispatchEvents">Every event of the dispatcher.</param>
/// <param name="LateSolicitation">The compliance check of a sales call to the customer's number at 21:30, their time.</param>
public sealed record CallbackBookingRun(
    SlotQuery Query,
    SlotSearchResult Grid,
    IReadOnlyList<SlotBooking> EarlierBookings,
    SlotBookingResult CustomerBooking,
    SlotBookingResult RivalBooking,
    Callback Callback,
    IReadOnlyList<CallbackEvent> CallbackEvents,
    IReadOnlyList<CallbackDispatchEvent> DispatchEvents,
    DialDecision LateSolicitation);
