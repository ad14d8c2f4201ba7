using System;
using System.Collections.Generic;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Agents;

/// <summary>
/// Thrown when an agent refuses a command. Nothing changed: not the state, not the data, and no event
/// was published. The message names the state, the command, the reason and the permitted commands.
/// </summary>
public sealed class AgentCommandRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="refusal">Why the command was refused.</param>
    /// <param name="permittedCommands">The commands permitted in the state the agent is in.</param>
    public AgentCommandRefusedException(string agentId, AgentCommandRefusal refusal, IReadOnlyList<AgentCommand> permittedCommands)
        : base(FormatMessage(agentId, refusal, permittedCommands))
    {
        AgentId = agentId;
        Refusal = refusal;
        PermittedCommands = permittedCommands;
    }

    /// <summary>The agent.</summary>
    public string AgentId { get; }

    /// <summary>The agent's state when the command was refused.</summary>
    public AgentState State => Refusal.State;

    /// <summary>The refused command.</summary>
    public AgentCommand Command => Refusal.Command;

    /// <summary>The commands permitted in <see cref="State"/>.</summary>
    public IReadOnlyList<AgentCommand> PermittedCommands { get; }

    /// <summary>Why the command was refused.</summary>
    public AgentCommandRefusal Refusal { get; }

    private static string FormatMessage(string agentId, AgentCommandRefusal refusal, IReadOnlyList<AgentCommand> permitted)
    {
        Guard.NotNull(refusal);
        Guard.NotNull(permitted);
        string list = permitted.Count == 0 ? "none" : string.Join(", ", permitted);
        return $"Agent {agentId} refused {refusal.Command} in state {refusal.State} ({refusal.Reason}): {refusal.Message} Permitted commands: {list}.";
    }
}
