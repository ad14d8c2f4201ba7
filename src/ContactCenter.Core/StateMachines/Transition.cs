using System;
using System.Collections.Generic;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// One transition of a state machine: where it came from, where it went, and the trigger that caused it.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <remarks>
/// <see cref="Destination"/> is the state the machine rests in once the transition is complete, that
/// is after any <c>InitialTransition</c> of the target superstate has been followed. For an internal
/// transition <see cref="Source"/> and <see cref="Destination"/> are equal and
/// <see cref="IsReentry"/> is <see langword="false"/>.
/// </remarks>
public readonly struct Transition<TState, TTrigger> : IEquatable<Transition<TState, TTrigger>>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>Creates a transition record.</summary>
    /// <param name="source">The state the machine was in when the trigger was fired.</param>
    /// <param name="destination">The state the machine is in once the transition is complete.</param>
    /// <param name="trigger">The trigger that caused the transition.</param>
    /// <param name="isReentry">Whether the transition left and re-entered a state.</param>
    public Transition(TState source, TState destination, TTrigger trigger, bool isReentry)
    {
        Source = source;
        Destination = destination;
        Trigger = trigger;
        IsReentry = isReentry;
    }

    /// <summary>The state the machine was in when the trigger was fired.</summary>
    public TState Source { get; }

    /// <summary>The state the machine is in once the transition is complete.</summary>
    public TState Destination { get; }

    /// <summary>The trigger that caused the transition.</summary>
    public TTrigger Trigger { get; }

    /// <summary>
    /// <see langword="true"/> when the transition exited and re-entered a state (configured with
    /// <c>PermitReentry</c>, or a dynamic or superstate transition that resolved to the current state).
    /// </summary>
    public bool IsReentry { get; }

    /// <inheritdoc />
    public bool Equals(Transition<TState, TTrigger> other) =>
        EqualityComparer<TState>.Default.Equals(Source, other.Source)
        && EqualityComparer<TState>.Default.Equals(Destination, other.Destination)
        && EqualityComparer<TTrigger>.Default.Equals(Trigger, other.Trigger)
        && IsReentry == other.IsReentry;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Transition<TState, TTrigger> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = EqualityComparer<TState>.Default.GetHashCode(Source);
            hash = (hash * 397) ^ EqualityComparer<TState>.Default.GetHashCode(Destination);
            hash = (hash * 397) ^ EqualityComparer<TTrigger>.Default.GetHashCode(Trigger);
            return (hash * 397) ^ (IsReentry ? 1 : 0);
        }
    }

    /// <summary>Compares two transitions for equality.</summary>
    /// <param name="left">The first transition.</param>
    /// <param name="right">The second transition.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public static bool operator ==(Transition<TState, TTrigger> left, Transition<TState, TTrigger> right) => left.Equals(right);

    /// <summary>Compares two transitions for inequality.</summary>
    /// <param name="left">The first transition.</param>
    /// <param name="right">The second transition.</param>
    /// <returns><see langword="true"/> when any member differs.</returns>
    public static bool operator !=(Transition<TState, TTrigger> left, Transition<TState, TTrigger> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() =>
        IsReentry
            ? $"{Source} --{Trigger}--> {Destination} (reentry)"
            : $"{Source} --{Trigger}--> {Destination}";
}
