using ContactCenter.Core.Interactions;
using Xunit;

namespace ContactCenter.Core.Tests.Interactions;

public sealed class InteractionCommandRefusedExceptionTests
{
    [Fact]
    public void The_message_names_state_command_reason_and_permitted_commands()
    {
        var exception = new InteractionCommandRefusedException(
            InteractionId.New(), MediaType.Voice, InteractionState.Held, InteractionCommand.SendDtmf,
            [InteractionCommand.Resume, InteractionCommand.Disconnect],
            new InteractionRefusal(InteractionRefusalReason.WrongState, "Not while held."));
        Assert.Contains("SendDtmf", exception.Message);
        Assert.Contains("Held", exception.Message);
        Assert.Contains("Resume, Disconnect", exception.Message);
        Assert.Contains("WrongState", exception.Message);
        Assert.IsAssignableFrom<System.InvalidOperationException>(exception);
    }
}
