namespace ContactCenter.Core.Agents;

/// <summary>
/// What the agent, a supervisor, the desktop host, a router or a dialer asks of an <see cref="Agent"/>;
/// each value has one method on <see cref="Agent"/>. Used by <see cref="Agent.PermittedCommands"/>,
/// <see cref="Agent.Can"/> and <see cref="Agent.WhyNot"/> to enable or grey buttons.
/// <see cref="AgentCommands.SourceOf"/> tells who issues each one; <see cref="Agent.PermittedAgentCommands"/>
/// keeps the agent's own.
/// </summary>
public enum AgentCommand
{
    /// <summary><see cref="Agent.LogIn"/>.</summary>
    LogIn = AgentTrigger.LogIn,

    /// <summary><see cref="Agent.LogOut"/>.</summary>
    LogOut = AgentTrigger.LogOut,

    /// <summary><see cref="Agent.SetReady"/>.</summary>
    SetReady = AgentTrigger.SetReady,

    /// <summary><see cref="Agent.SetNotReady"/>.</summary>
    SetNotReady = AgentTrigger.SetNotReady,

    /// <summary><see cref="Agent.Reserve"/> (router or dialer).</summary>
    Reserve = AgentTrigger.Reserve,

    /// <summary><see cref="Agent.AcceptOffer"/>.</summary>
    AcceptOffer = AgentTrigger.AcceptOffer,

    /// <summary><see cref="Agent.RejectOffer"/>.</summary>
    RejectOffer = AgentTrigger.RejectOffer,

    /// <summary><see cref="Agent.ReleaseReservation"/> (router or dialer).</summary>
    ReleaseReservation = AgentTrigger.ReleaseReservation,

    /// <summary><see cref="Agent.StartInteraction"/> (desktop host).</summary>
    StartInteraction = AgentTrigger.StartInteraction,

    /// <summary><see cref="Agent.EndInteraction"/> (desktop host).</summary>
    EndInteraction = AgentTrigger.EndInteraction,

    /// <summary><see cref="Agent.ExtendAfterCallWork"/>.</summary>
    ExtendAfterCallWork = AgentTrigger.ExtendAfterCallWork,

    /// <summary><see cref="Agent.EndAfterCallWork"/>.</summary>
    EndAfterCallWork = AgentTrigger.EndAfterCallWork,

    /// <summary><see cref="Agent.CancelIntent"/> (the agent withdraws its deferred intent).</summary>
    CancelIntent = AgentTrigger.CancelIntent,

    /// <summary><see cref="Agent.OverrideIntent"/> (a supervisor overrides the deferred intent).</summary>
    OverrideIntent = AgentTrigger.OverrideIntent,
}
