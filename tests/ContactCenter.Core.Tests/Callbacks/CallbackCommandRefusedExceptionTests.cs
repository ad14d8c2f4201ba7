using System;
using ContactCenter.Core.Callbacks;
using Xunit;

namespace ContactCenter.Core.Tests.Callbacks;

public sealed class CallbackCommandRefusedExceptionTests
{
    [Fact]
    public void The_exception_exposes_the_refusal_and_names_everything_in_its_message()
    {
        var id = CallbackId.New();
        var refusal = new CallbackCommandRefusal(CallbackCommand.MarkDone, CallbackState.Accepted, CallbackRefusalReason.NoPendingReschedule, "Dial first.");

        var exception = new CallbackCommandRefusedException(id, refusal, [CallbackCommand.Dial, CallbackCommand.Cancel]);

        Assert.Equal((id, CallbackState.Accepted, CallbackCommand.MarkDone), (exception.CallbackId, exception.State, exception.Command));
        Assert.Same(refusal, exception.Refusal);
        Assert.Equal([CallbackCommand.Dial, CallbackCommand.Cancel], exception.PermittedCommands);
        Assert.Equal($"Callback {id} refused MarkDone in state Accepted (NoPendingReschedule): Dial first. Permitted commands: Dial, Cancel.", exception.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(exception);
    }

    [Fact]
    public void No_permitted_command_reads_none()
    {
        var refusal = new CallbackCommandRefusal(CallbackCommand.Cancel, CallbackState.Completed, CallbackRefusalReason.WrongState, "Over.");
        Assert.EndsWith("Permitted commands: none.", new CallbackCommandRefusedException(CallbackId.New(), refusal, []).Message, StringComparison.Ordinal);
    }
}
