using System;
using System.Threading;
using System.Threading.Tasks;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// The arguments of one firing, carried as a struct so that value-type arguments are never boxed.
/// Each implementation knows how to invoke the typed delegates registered for its arity.
/// </summary>
internal interface ITriggerArgs
{
    /// <summary>The signature object of this argument list (null when there are no arguments).</summary>
    object? Signature { get; }

    /// <summary>False for the "arguments not known" list used by argument-less queries.</summary>
    bool IsKnown { get; }

    bool InvokeGuard<TContext>(Delegate guard, TContext context);

    void InvokeAction<TContext, TState, TTrigger>(Delegate action, TContext context, Transition<TState, TTrigger> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum;

    ValueTask InvokeActionAsync<TContext, TState, TTrigger>(
        Delegate action, TContext context, Transition<TState, TTrigger> transition, CancellationToken cancellationToken)
        where TState : struct, Enum
        where TTrigger : struct, Enum;

    TState InvokeSelector<TContext, TState>(Delegate selector, TContext context);
}

/// <summary>No arguments.</summary>
internal readonly struct NoArgs : ITriggerArgs
{
    public object? Signature => null;

    public bool IsKnown => true;

    public bool InvokeGuard<TContext>(Delegate guard, TContext context) => throw ArityMismatch();

    public void InvokeAction<TContext, TState, TTrigger>(Delegate action, TContext context, Transition<TState, TTrigger> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum => throw ArityMismatch();

    public ValueTask InvokeActionAsync<TContext, TState, TTrigger>(
        Delegate action, TContext context, Transition<TState, TTrigger> transition, CancellationToken cancellationToken)
        where TState : struct, Enum
        where TTrigger : struct, Enum => throw ArityMismatch();

    public TState InvokeSelector<TContext, TState>(Delegate selector, TContext context) => throw ArityMismatch();

    private static InvalidOperationException ArityMismatch() =>
        new("A delegate expecting trigger arguments was invoked for a trigger fired without arguments.");
}

/// <summary>
/// Arguments that are not known (a query such as <c>CanFire(trigger)</c> made without them): guards
/// that read arguments are treated as satisfied; nothing else may be invoked.
/// </summary>
internal readonly struct UnknownArgs : ITriggerArgs
{
    public object? Signature => null;

    public bool IsKnown => false;

    public bool InvokeGuard<TContext>(Delegate guard, TContext context) => true;

    public void InvokeAction<TContext, TState, TTrigger>(Delegate action, TContext context, Transition<TState, TTrigger> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum => throw NotInvocable();

    public ValueTask InvokeActionAsync<TContext, TState, TTrigger>(
        Delegate action, TContext context, Transition<TState, TTrigger> transition, CancellationToken cancellationToken)
        where TState : struct, Enum
        where TTrigger : struct, Enum => throw NotInvocable();

    public TState InvokeSelector<TContext, TState>(Delegate selector, TContext context) => throw NotInvocable();

    private static InvalidOperationException NotInvocable() => new("Actions cannot run for a query made without trigger arguments.");
}

/// <summary>One argument.</summary>
internal readonly struct TriggerArgs<T1> : ITriggerArgs
{
    public static readonly object Signature = new();

    private readonly T1 _a1;

    public TriggerArgs(T1 a1) => _a1 = a1;

    object? ITriggerArgs.Signature => Signature;

    public bool IsKnown => true;

    public bool InvokeGuard<TContext>(Delegate guard, TContext context) =>
        ((Func<TContext, T1, bool>)guard)(context, _a1);

    public void InvokeAction<TContext, TState, TTrigger>(Delegate action, TContext context, Transition<TState, TTrigger> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        ((Action<TContext, T1, Transition<TState, TTrigger>>)action)(context, _a1, transition);

    public ValueTask InvokeActionAsync<TContext, TState, TTrigger>(
        Delegate action, TContext context, Transition<TState, TTrigger> transition, CancellationToken cancellationToken)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        ((Func<TContext, T1, Transition<TState, TTrigger>, CancellationToken, ValueTask>)action)(context, _a1, transition, cancellationToken);

    public TState InvokeSelector<TContext, TState>(Delegate selector, TContext context) =>
        ((Func<TContext, T1, TState>)selector)(context, _a1);
}

/// <summary>Two arguments.</summary>
internal readonly struct TriggerArgs<T1, T2> : ITriggerArgs
{
    public static readonly object Signature = new();

    private readonly T1 _a1;
    private readonly T2 _a2;

    public TriggerArgs(T1 a1, T2 a2)
    {
        _a1 = a1;
        _a2 = a2;
    }

    object? ITriggerArgs.Signature => Signature;

    public bool IsKnown => true;

    public bool InvokeGuard<TContext>(Delegate guard, TContext context) =>
        ((Func<TContext, T1, T2, bool>)guard)(context, _a1, _a2);

    public void InvokeAction<TContext, TState, TTrigger>(Delegate action, TContext context, Transition<TState, TTrigger> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        ((Action<TContext, T1, T2, Transition<TState, TTrigger>>)action)(context, _a1, _a2, transition);

    public ValueTask InvokeActionAsync<TContext, TState, TTrigger>(
        Delegate action, TContext context, Transition<TState, TTrigger> transition, CancellationToken cancellationToken)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        ((Func<TContext, T1, T2, Transition<TState, TTrigger>, CancellationToken, ValueTask>)action)(context, _a1, _a2, transition, cancellationToken);

    public TState InvokeSelector<TContext, TState>(Delegate selector, TContext context) =>
        ((Func<TContext, T1, T2, TState>)selector)(context, _a1, _a2);
}

/// <summary>Three arguments.</summary>
internal readonly struct TriggerArgs<T1, T2, T3> : ITriggerArgs
{
    public static readonly object Signature = new();

    private readonly T1 _a1;
    private readonly T2 _a2;
    private readonly T3 _a3;

    public TriggerArgs(T1 a1, T2 a2, T3 a3)
    {
        _a1 = a1;
        _a2 = a2;
        _a3 = a3;
    }

    object? ITriggerArgs.Signature => Signature;

    public bool IsKnown => true;

    public bool InvokeGuard<TContext>(Delegate guard, TContext context) =>
        ((Func<TContext, T1, T2, T3, bool>)guard)(context, _a1, _a2, _a3);

    public void InvokeAction<TContext, TState, TTrigger>(Delegate action, TContext context, Transition<TState, TTrigger> transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        ((Action<TContext, T1, T2, T3, Transition<TState, TTrigger>>)action)(context, _a1, _a2, _a3, transition);

    public ValueTask InvokeActionAsync<TContext, TState, TTrigger>(
        Delegate action, TContext context, Transition<TState, TTrigger> transition, CancellationToken cancellationToken)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        ((Func<TContext, T1, T2, T3, Transition<TState, TTrigger>, CancellationToken, ValueTask>)action)(context, _a1, _a2, _a3, transition, cancellationToken);

    public TState InvokeSelector<TContext, TState>(Delegate selector, TContext context) =>
        ((Func<TContext, T1, T2, T3, TState>)selector)(context, _a1, _a2, _a3);
}
