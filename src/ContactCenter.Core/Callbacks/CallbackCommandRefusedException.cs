using System;
using System.Collections.Generic;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.Callbacks;

/// <summary>
/// Thrown when a callback refuses a command. Nothing changed: not the state, not the data, no timer, and no event
/// was published. The message names the callback, the state, the command, the reason and the permitted commands.
/// </summary>
public sealed class CallbackCommandRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="callbackId">The callback.</param>
    /// <param name="refusal">Why the command was refused.</param>
    /// <param name="permittedCommands">The commands permitted in the callback's state.</param>
    public CallbackCommandRefusedException(CallbackId callbackId, CallbackCommandRefusal refusal, IReadOnlyList<CallbackCommand> permittedCommands)
        : base(FormatMessage(callbackId, refusal, permittedCommands))
    {
        CallbackId = callbackId;
        Refusal = refusal;
        PermittedCommands = permittedCommands;
    }

    /// <summary>The callback.</summary>
    public CallbackId CallbackId { get; }

    /// <summary>The callback's state when the command was refused.</summary>
    public CallbackState State => Refusal.State;

    /// <summary>The refused command.</summary>
    public CallbackCommand Command => Refusal.Command;

    /// <summary>The commands permitted in <see cref="State"/>.</summary>
    public IReadOnlyList<CallbackCommand> PermittedCommands { get; }

    /// <summary>Why the command was refused.</summary>
    public CallbackCommandRefusal Refusal { get; }

    private static string FormatMessage(CallbackId callbackId, CallbackCommandRefusal refusal, IReadOnlyList<CallbackCommand> permitted)
    {
        Guard.NotNull(refusal);
        Guard.NotNull(permitted);
        string list = permitted.Count == 0 ? "none" : string.Join(", ", permitted);
        return $"Callback {callbackId} refused {refusal.Command} in state {refusal.State} ({refusal.Reason}): {refusal.Message} Permitted commands: {list}.";
    }
}
