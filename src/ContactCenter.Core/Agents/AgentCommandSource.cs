namespace ContactCenter.Core.Agents;

/// <summary>
/// Who issues an <see cref="AgentCommand"/> (<see cref="AgentCommands.SourceOf"/>): the agent itself, from its
/// desktop, or another party acting on the agent. A desktop offers buttons for the agent's own commands only
/// (<see cref="Agent.PermittedAgentCommands"/>).
/// </summary>
public enum AgentCommandSource
{
    /// <summary>
    /// The agent, with a button of its desktop: <see cref="AgentCommand.LogIn"/>, <see cref="AgentCommand.LogOut"/>,
    /// <see cref="AgentCommand.SetReady"/>, <see cref="AgentCommand.SetNotReady"/>, <see cref="AgentCommand.AcceptOffer"/>,
    /// <see cref="AgentCommand.RejectOffer"/>, <see cref="AgentCommand.ExtendAfterCallWork"/>,
    /// <see cref="AgentCommand.EndAfterCallWork"/> and <see cref="AgentCommand.CancelIntent"/>.
    /// </summary>
    Agent,

    /// <summary>
    /// A router or a dialer, whichever reserves the agent for offers: <see cref="AgentCommand.Reserve"/> and
    /// <see cref="AgentCommand.ReleaseReservation"/>. (Both issue the same commands, so they are one source.)
    /// </summary>
    Router,

    /// <summary>
    /// The desktop host, reporting what the agent's interactions do: <see cref="AgentCommand.StartInteraction"/>
    /// and <see cref="AgentCommand.EndInteraction"/>.
    /// </summary>
    Host,

    /// <summary>A supervisor: <see cref="AgentCommand.OverrideIntent"/>.</summary>
    Supervisor,
}
