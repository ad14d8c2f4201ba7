using System;

namespace ContactCenter.Core.StateMachines;

/// <summary>What a state does with a trigger.</summary>
internal enum BehaviourKind : byte
{
    /// <summary>Move to a fixed destination.</summary>
    Transition,

    /// <summary>Exit and re-enter the configuring state.</summary>
    Reentry,

    /// <summary>Move to a destination computed when the trigger fires.</summary>
    Dynamic,

    /// <summary>Accept the trigger and do nothing.</summary>
    Ignore,

    /// <summary>Run an action without leaving the state.</summary>
    Internal,
}

/// <summary>One configured reaction of a state to a trigger (immutable once built).</summary>
internal sealed class TriggerBehaviour<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public BehaviourKind Kind { get; init; }

    public int OwnerIndex { get; init; }

    public int TriggerIndex { get; init; }

    public TTrigger Trigger { get; init; }

    /// <summary>Destination ordinal for <see cref="BehaviourKind.Transition"/> and <see cref="BehaviourKind.Reentry"/>.</summary>
    public int DestinationIndex { get; init; } = -1;

    /// <summary>A guard that reads only the context.</summary>
    public Func<TContext, bool>? Guard { get; init; }

    /// <summary>A guard that also reads the trigger arguments (arity &gt; 0).</summary>
    public Delegate? ArgsGuard { get; init; }

    public string? GuardDescription { get; init; }

    public bool HasGuard => Guard is not null || ArgsGuard is not null;

    /// <summary>Selector of a dynamic transition reading only the context.</summary>
    public Func<TContext, TState>? Selector { get; init; }

    /// <summary>Selector of a dynamic transition that also reads the trigger arguments.</summary>
    public Delegate? ArgsSelector { get; init; }

    public string? SelectorDescription { get; init; }

    public TState[] PossibleDestinations { get; init; } = [];

    /// <summary>The action of an internal transition.</summary>
    public StateAction<TState, TTrigger, TContext>? InternalAction { get; init; }

    public bool GuardPasses<TArgs>(TContext context, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        if (Guard is { } guard)
        {
            return guard(context);
        }

        return ArgsGuard is null || args.InvokeGuard(ArgsGuard, context);
    }
}

/// <summary>An entry, exit or internal-transition action (immutable once built).</summary>
internal sealed class StateAction<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>The trigger ordinal this entry action is restricted to, or -1 for every trigger.</summary>
    public int TriggerIndex { get; init; } = -1;

    public Action<TContext, Transition<TState, TTrigger>>? Action { get; init; }

    /// <summary>An action that also reads the trigger arguments.</summary>
    public Delegate? ArgsAction { get; init; }

    public Func<TContext, Transition<TState, TTrigger>, System.Threading.CancellationToken, System.Threading.Tasks.ValueTask>? AsyncAction { get; init; }

    /// <summary>An asynchronous action that also reads the trigger arguments.</summary>
    public Delegate? ArgsAsyncAction { get; init; }

    public string? Description { get; init; }

    public bool IsAsync => AsyncAction is not null || ArgsAsyncAction is not null;

    public bool AppliesTo(int triggerIndex) => TriggerIndex < 0 || TriggerIndex == triggerIndex;
}
