using System;

namespace ContactCenter.Core.Interactions;

/// <summary>The argument every trigger of an interaction's machine carries: the correlation id and the command's operands.</summary>
internal readonly struct InteractionInput
{
    public InteractionInput(InteractionTrigger trigger, Guid correlationId, string? text = null, string? text2 = null, int number = 0)
    {
        Trigger = trigger;
        CorrelationId = correlationId;
        Text = text;
        Text2 = text2;
        Number = number;
    }

    public InteractionTrigger Trigger { get; }

    public Guid CorrelationId { get; }

    /// <summary>Digits, target, number, note, code, key, forward address.</summary>
    public string? Text { get; }

    /// <summary>Reason, custom/attached data value.</summary>
    public string? Text2 { get; }

    /// <summary>Call result or party id.</summary>
    public int Number { get; }
}

/// <summary>What a medium's effects depend on, beside its definition.</summary>
internal sealed class MediumTraits
{
    public MediumTraits(bool connectionless, bool holdsForConsultation, bool connectIsImmediate)
    {
        Connectionless = connectionless;
        HoldsForConsultation = holdsForConsultation;
        ConnectIsImmediate = connectIsImmediate;
    }

    /// <summary>Email: no connection; accepted interactions are <see cref="InteractionState.Working"/>.</summary>
    public bool Connectionless { get; }

    /// <summary>Voice: consulting puts the contact on hold.</summary>
    public bool HoldsForConsultation { get; }

    /// <summary>SMS: connecting opens the conversation at once (no ringing).</summary>
    public bool ConnectIsImmediate { get; }
}

/// <summary>The life phase of an interaction, beside what its parties say.</summary>
internal enum Lifecycle
{
    Offered,
    Accepted,
    Rejected,
    Abandoned,
    Done,
}
