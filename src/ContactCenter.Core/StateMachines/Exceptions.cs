using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// Thrown when a trigger is fired in a state that does not accept it (no behaviour, or every guard
/// failed). Nothing changed: the state, the queue and the context are as before the call.
/// </summary>
public sealed class UnhandledTriggerException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="state">The state the machine is in.</param>
    /// <param name="trigger">The refused trigger.</param>
    /// <param name="permittedTriggers">The triggers the state accepts now.</param>
    /// <param name="unmetGuards">The descriptions of the guards that failed.</param>
    public UnhandledTriggerException(Enum state, Enum trigger, IReadOnlyList<Enum> permittedTriggers, IReadOnlyList<string> unmetGuards)
        : base(BuildMessage(state, trigger, permittedTriggers, unmetGuards))
    {
        State = state;
        Trigger = trigger;
        PermittedTriggers = permittedTriggers;
        UnmetGuards = unmetGuards;
    }

    /// <summary>The state the machine was (and still is) in.</summary>
    public Enum State { get; }

    /// <summary>The refused trigger.</summary>
    public Enum Trigger { get; }

    /// <summary>The triggers the state accepts now.</summary>
    public IReadOnlyList<Enum> PermittedTriggers { get; }

    /// <summary>The descriptions of the guards that were evaluated and failed; empty when no behaviour exists for the trigger.</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    private static string BuildMessage(Enum state, Enum trigger, IReadOnlyList<Enum> permitted, IReadOnlyList<string> unmet)
    {
        string allowed = permitted.Count == 0 ? "none" : string.Join(", ", permitted);
        return unmet.Count == 0
            ? $"Trigger {trigger} is not permitted in state {state}. Permitted triggers: {allowed}."
            : $"Trigger {trigger} is not permitted in state {state}: guard(s) not met: {string.Join("; ", unmet.Select(static g => $"'{g}'"))}. Permitted triggers: {allowed}.";
    }
}

/// <summary>Thrown by <c>Build</c> when a state-machine configuration is invalid; lists every problem found.</summary>
public sealed class StateMachineDefinitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stateType">The state type of the definition.</param>
    /// <param name="triggerType">The trigger type of the definition.</param>
    /// <param name="errors">The problems found.</param>
    public StateMachineDefinitionException(Type stateType, Type triggerType, IReadOnlyList<string> errors)
        : base($"The state machine of {stateType?.Name} and {triggerType?.Name} is invalid:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}

/// <summary>
/// Thrown by <c>Fire</c> when one or more subscribers of the transition stream threw and the definition
/// has no subscriber-error handler. The transition itself (and any queued firing) completed; the
/// faulting subscribers were detached and the others were notified.
/// </summary>
public sealed class TransitionObserverException : AggregateException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="innerExceptions">The exceptions thrown by subscribers.</param>
    public TransitionObserverException(IEnumerable<Exception> innerExceptions)
        : base("A subscriber of the transition stream threw; it was detached and the transition completed.", innerExceptions)
    {
    }
}
