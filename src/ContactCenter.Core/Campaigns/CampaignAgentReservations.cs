using ContactCenter.Core.Agents;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Internal;
using NodaTime;

namespace ContactCenter.Core.Campaigns;

/// <summary>
/// How a dialer holds agents for the calls it places (progressive, predictive): the agent is reserved for the call's
/// interaction while it is being placed — which is what makes the agent's negotiated logout wait — and released when the
/// call fails; on a live answer the host accepts the offer (<see cref="Agent.AcceptOffer"/>) and the call is the agent's.
/// </summary>
public static class CampaignAgentReservations
{
    /// <summary>Reserves <paramref name="agent"/> for the call of <paramref name="task"/> (<see cref="MediaType.OutboundCampaign"/>).</summary>
    /// <param name="agent">The agent the dialer picked.</param>
    /// <param name="task">The call being placed.</param>
    /// <param name="queue">The queue (selects the after-call work duration), or <see langword="null"/>.</param>
    /// <param name="timeout">How long the reservation holds; <see cref="AgentOptions.OfferTimeout"/> when omitted.</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="AgentCommandRefusedException">The agent may not be reserved now (not ready, a logout pending...); nothing changed.</exception>
    public static void Reserve(Agent agent, DialTask task, string? queue = null, Duration? timeout = null)
    {
        Guard.NotNull(agent);
        Guard.NotNull(task);
        agent.Reserve(task.InteractionId, MediaType.OutboundCampaign, queue, timeout);
    }

    /// <summary>
    /// After a call's result: releases the agent's reservation for it unless the call was answered live. Does nothing
    /// when the agent's pending offer is not this call's (already released, timed out, or another offer).
    /// </summary>
    /// <param name="agent">The reserved agent.</param>
    /// <param name="task">The call.</param>
    /// <param name="result">How it ended.</param>
    /// <returns><see langword="true"/> when the reservation was released.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public static bool ReleaseUnlessAnswered(Agent agent, DialTask task, CampaignCallResult result)
    {
        Guard.NotNull(agent);
        Guard.NotNull(task);
        if (result == CampaignCallResult.LiveAnswer || agent.Offer?.InteractionId != task.InteractionId || !agent.Can(AgentCommand.ReleaseReservation))
        {
            return false;
        }

        agent.ReleaseReservation();
        return true;
    }
}
