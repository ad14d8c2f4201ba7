using System;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// A trigger that carries typed arguments. Obtained from
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}.SetTriggerParameters{T1}(TTrigger)"/>
/// and its overloads; pass it to <c>Fire</c> with the arguments.
/// </summary>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
public abstract class TriggerWithParameters<TTrigger>
    where TTrigger : struct, Enum
{
    private protected TriggerWithParameters(TTrigger trigger) => Trigger = trigger;

    /// <summary>The underlying trigger value.</summary>
    public TTrigger Trigger { get; }

    /// <summary>The types of the arguments, in order.</summary>
    public abstract Type[] ParameterTypes { get; }

    internal abstract object Signature { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Trigger}({string.Join(", ", Array.ConvertAll(ParameterTypes, static t => t.Name))})";
}

/// <summary>A trigger that carries one typed argument.</summary>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="T1">The type of the argument.</typeparam>
public sealed class TriggerWithParameters<TTrigger, T1> : TriggerWithParameters<TTrigger>
    where TTrigger : struct, Enum
{
    internal TriggerWithParameters(TTrigger trigger)
        : base(trigger)
    {
    }

    /// <inheritdoc />
    public override Type[] ParameterTypes => [typeof(T1)];

    internal override object Signature => TriggerArgs<T1>.Signature;
}

/// <summary>A trigger that carries two typed arguments.</summary>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="T1">The type of the first argument.</typeparam>
/// <typeparam name="T2">The type of the second argument.</typeparam>
public sealed class TriggerWithParameters<TTrigger, T1, T2> : TriggerWithParameters<TTrigger>
    where TTrigger : struct, Enum
{
    internal TriggerWithParameters(TTrigger trigger)
        : base(trigger)
    {
    }

    /// <inheritdoc />
    public override Type[] ParameterTypes => [typeof(T1), typeof(T2)];

    internal override object Signature => TriggerArgs<T1, T2>.Signature;
}

/// <summary>A trigger that carries three typed arguments.</summary>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="T1">The type of the first argument.</typeparam>
/// <typeparam name="T2">The type of the second argument.</typeparam>
/// <typeparam name="T3">The type of the third argument.</typeparam>
public sealed class TriggerWithParameters<TTrigger, T1, T2, T3> : TriggerWithParameters<TTrigger>
    where TTrigger : struct, Enum
{
    internal TriggerWithParameters(TTrigger trigger)
        : base(trigger)
    {
    }

    /// <inheritdoc />
    public override Type[] ParameterTypes => [typeof(T1), typeof(T2), typeof(T3)];

    internal override object Signature => TriggerArgs<T1, T2, T3>.Signature;
}
