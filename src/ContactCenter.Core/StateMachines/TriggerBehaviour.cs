using System;
using System.Threading;

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

/// <summary>
/// What one behaviour does when it fires from one particular current state, computed once when the
/// definition is built: the exit actions (innermost state first), the resting state, the entry
/// actions (outermost state first, <c>OnEntryFrom</c> actions of other triggers left out) and the
/// transition record passed to every action (immutable).
/// </summary>
internal sealed class TransitionPlan<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public TransitionPlan(
        BehaviourKind kind,
        int final,
        StateAction<TState, TTrigger, TContext>[] exitActions,
        StateAction<TState, TTrigger, TContext>[] entryActions,
        StateAction<TState, TTrigger, TContext>? internalAction,
        Transition<TState, TTrigger> transition)
    {
        Kind = kind;
        Final = final;
        ExitActions = exitActions;
        EntryActions = entryActions;
        InternalAction = internalAction;
        Transition = transition;
    }

    /// <summary>Ignore, Internal, or one of the kinds that move (Transition, Reentry, Dynamic).</summary>
    public BehaviourKind Kind { get; }

    /// <summary>The ordinal of the state the machine rests in afterwards (initial transitions followed).</summary>
    public int Final { get; }

    /// <summary>The exit actions to run, innermost state first, each state's in registration order.</summary>
    public StateAction<TState, TTrigger, TContext>[] ExitActions { get; }

    /// <summary>The entry actions to run, outermost state first, each state's in registration order.</summary>
    public StateAction<TState, TTrigger, TContext>[] EntryActions { get; }

    /// <summary>The action of an internal transition.</summary>
    public StateAction<TState, TTrigger, TContext>? InternalAction { get; }

    /// <summary>The record passed to the actions and published.</summary>
    public Transition<TState, TTrigger> Transition { get; }
}

/// <summary>
/// A behaviour as a candidate for one trigger in one particular current state: the behaviour, its
/// guard, whether it is the last candidate of its state's level in the resolution order, and its
/// precomputed <see cref="TransitionPlan{TState, TTrigger, TContext}"/> from that state (immutable,
/// except for the lazily filled, thread-safe cache of dynamic plans).
/// </summary>
internal sealed class ResolvedBehaviour<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly StateMachineDefinition<TState, TTrigger, TContext> _definition;
    private readonly int _source;
    private TransitionPlan<TState, TTrigger, TContext>?[]? _dynamicPlans;

    public ResolvedBehaviour(
        StateMachineDefinition<TState, TTrigger, TContext> definition,
        int source,
        TriggerBehaviour<TState, TTrigger, TContext> behaviour,
        bool endsLevel)
    {
        _definition = definition;
        _source = source;
        Behaviour = behaviour;
        Guard = behaviour.Guard;
        ArgsGuard = behaviour.ArgsGuard;
        IsUnguardedAlone = endsLevel && !behaviour.HasGuard;
        EndsLevel = endsLevel;
        Plan = behaviour.Kind == BehaviourKind.Dynamic ? null : definition.CreatePlan(source, behaviour, behaviour.DestinationIndex);
    }

    public TriggerBehaviour<TState, TTrigger, TContext> Behaviour { get; }

    /// <summary>A guard that reads only the context.</summary>
    public Func<TContext, bool>? Guard { get; }

    /// <summary>A guard that also reads the trigger arguments.</summary>
    public Delegate? ArgsGuard { get; }

    /// <summary>Unguarded and the only candidate of its level: it wins without evaluating anything.</summary>
    public bool IsUnguardedAlone { get; }

    /// <summary>Whether this is the last candidate of its state (the next one belongs to a superstate).</summary>
    public bool EndsLevel { get; }

    /// <summary>The plan from the current state; null for a dynamic transition (see <see cref="PlanTo"/>).</summary>
    public TransitionPlan<TState, TTrigger, TContext>? Plan { get; }

    /// <summary>
    /// The behaviour's guard, evaluated from the copies held here: the resolution loop then reads one
    /// object per candidate instead of two (the hot path of <c>Fire</c> and <c>CanFire</c>).
    /// </summary>
    public bool GuardPasses<TArgs>(TContext context, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        if (Guard is { } guard)
        {
            return guard(context);
        }

        return ArgsGuard is null || args.InvokeGuard(ArgsGuard, context);
    }

    /// <summary>The plan of a dynamic transition to <paramref name="target"/>, computed on first use and cached.</summary>
    /// <param name="target">The ordinal of the selected destination.</param>
    /// <returns>The plan.</returns>
    public TransitionPlan<TState, TTrigger, TContext> PlanTo(int target)
    {
        var plans = Volatile.Read(ref _dynamicPlans);
        if (plans is null)
        {
            Interlocked.CompareExchange(ref _dynamicPlans, new TransitionPlan<TState, TTrigger, TContext>?[_definition.Nodes.Length], null);
            plans = _dynamicPlans!;
        }

        var plan = Volatile.Read(ref plans[target]);
        if (plan is null)
        {
            // Racing threads compute equal immutable plans; either may be kept.
            plan = _definition.CreatePlan(_source, Behaviour, target);
            Volatile.Write(ref plans[target], plan);
        }

        return plan;
    }
}
