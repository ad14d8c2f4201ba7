using System;

namespace ContactCenter.Core.Agents;

/// <summary>Facts about <see cref="AgentCommand"/> values.</summary>
public static class AgentCommands
{
    /// <summary>
    /// Who issues <paramref name="command"/>: <see cref="AgentCommandSource.Agent"/> for the buttons of the
    /// agent's desktop, else the router (or dialer), the desktop host or a supervisor.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <returns>Its source.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="command"/> is not a defined command.</exception>
    public static AgentCommandSource SourceOf(AgentCommand command) => command switch
    {
        AgentCommand.LogIn or AgentCommand.LogOut or AgentCommand.SetReady or AgentCommand.SetNotReady
            or AgentCommand.AcceptOffer or AgentCommand.RejectOffer or AgentCommand.ExtendAfterCallWork
            or AgentCommand.EndAfterCallWork or AgentCommand.CancelIntent => AgentCommandSource.Agent,
        AgentCommand.Reserve or AgentCommand.ReleaseReservation => AgentCommandSource.Router,
        AgentCommand.StartInteraction or AgentCommand.EndInteraction => AgentCommandSource.Host,
        AgentCommand.OverrideIntent => AgentCommandSource.Supervisor,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, $"{command} is not a defined agent command."),
    };
}
