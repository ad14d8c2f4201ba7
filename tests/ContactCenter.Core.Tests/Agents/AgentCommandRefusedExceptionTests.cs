using ContactCenter.Core.Agents;
using Xunit;

namespace ContactCenter.Core.Tests.Agents;

public sealed class AgentCommandRefusedExceptionTests
{
    [Fact]
    public void The_message_names_agent_state_command_reason_and_permitted_commands()
    {
        var refusal = new AgentCommandRefusal(AgentCommand.Reserve, AgentState.NotReady, AgentRefusalReason.WrongState, "The agent is not ready.");

        var exception = new AgentCommandRefusedException("a1", refusal, [AgentCommand.LogOut, AgentCommand.SetReady]);

        Assert.Equal("Agent a1 refused Reserve in state NotReady (WrongState): The agent is not ready. Permitted commands: LogOut, SetReady.", exception.Message);
        Assert.Equal((AgentState.NotReady, AgentCommand.Reserve), (exception.State, exception.Command));
    }

    [Fact]
    public void No_permitted_commands_reads_none()
    {
        var refusal = new AgentCommandRefusal(AgentCommand.LogIn, AgentState.Ready, AgentRefusalReason.WrongState, "x.");

        Assert.EndsWith("Permitted commands: none.", new AgentCommandRefusedException("a", refusal, []).Message, System.StringComparison.Ordinal);
    }
}
