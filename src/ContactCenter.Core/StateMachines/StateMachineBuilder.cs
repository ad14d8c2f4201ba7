using System;
using System.Collections.Generic;
using System.Linq;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// Configures a state machine once and builds an immutable, thread-safe
/// <see cref="StateMachineDefinition{TState, TTrigger, TContext}"/> that any number of instances share.
/// </summary>
/// <typeparam name="TState">The state type: an enum.</typeparam>
/// <typeparam name="TTrigger">The trigger type: an enum.</typeparam>
/// <typeparam name="TContext">The type of the per-instance context object that guards and actions receive.</typeparam>
/// <example>
/// <code>
/// var builder = new StateMachineBuilder&lt;CallState, CallTrigger, Call&gt;();
/// builder.Configure(CallState.Idle).Permit(CallTrigger.Dial, CallState.Ringing);
/// builder.Configure(CallState.Ringing)
///     .PermitIf(CallTrigger.Answer, CallState.Connected, static call =&gt; call.AgentAvailable, "an agent is available")
///     .Permit(CallTrigger.HangUp, CallState.Idle);
/// var definition = builder.Build(CallState.Idle);
/// var machine = definition.CreateMachine(new Call());
/// machine.Fire(CallTrigger.Dial);
/// </code>
/// </example>
public sealed class StateMachineBuilder<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly StateConfiguration<TState, TTrigger, TContext>?[] _configurations =
        new StateConfiguration<TState, TTrigger, TContext>?[EnumIndex<TState>.Instance.Count];

    private readonly TriggerWithParameters<TTrigger>?[] _parameters =
        new TriggerWithParameters<TTrigger>?[EnumIndex<TTrigger>.Instance.Count];

    private Action<TContext, Transition<TState, TTrigger>, Exception>? _subscriberErrorHandler;

    /// <summary>Returns the configuration of <paramref name="state"/>, creating it on first use.</summary>
    /// <param name="state">A defined value of <typeparamref name="TState"/>.</param>
    /// <returns>The state's fluent configuration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined value.</exception>
    public StateConfiguration<TState, TTrigger, TContext> Configure(TState state)
    {
        int index = RequireDefined(state, nameof(state));
        return _configurations[index] ??= new StateConfiguration<TState, TTrigger, TContext>(this, state, index);
    }

    /// <summary>Declares that <paramref name="trigger"/> carries one typed argument.</summary>
    /// <typeparam name="T1">The type of the argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The parameterised trigger to configure and fire with.</returns>
    /// <exception cref="InvalidOperationException">The trigger's parameters were already declared.</exception>
    public TriggerWithParameters<TTrigger, T1> SetTriggerParameters<T1>(TTrigger trigger) =>
        Register(new TriggerWithParameters<TTrigger, T1>(trigger));

    /// <summary>Declares that <paramref name="trigger"/> carries two typed arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The parameterised trigger to configure and fire with.</returns>
    /// <exception cref="InvalidOperationException">The trigger's parameters were already declared.</exception>
    public TriggerWithParameters<TTrigger, T1, T2> SetTriggerParameters<T1, T2>(TTrigger trigger) =>
        Register(new TriggerWithParameters<TTrigger, T1, T2>(trigger));

    /// <summary>Declares that <paramref name="trigger"/> carries three typed arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The parameterised trigger to configure and fire with.</returns>
    /// <exception cref="InvalidOperationException">The trigger's parameters were already declared.</exception>
    public TriggerWithParameters<TTrigger, T1, T2, T3> SetTriggerParameters<T1, T2, T3>(TTrigger trigger) =>
        Register(new TriggerWithParameters<TTrigger, T1, T2, T3>(trigger));

    /// <summary>
    /// Handles exceptions thrown by subscribers of <see cref="StateMachine{TState, TTrigger, TContext}.Transitions"/>.
    /// Without a handler, such exceptions are gathered and thrown by <c>Fire</c> as a
    /// <see cref="TransitionObserverException"/> once the firing is complete. Either way the faulting
    /// subscriber is detached and the others are still notified.
    /// </summary>
    /// <param name="handler">Receives the context, the transition being published and the exception.</param>
    /// <returns>This builder.</returns>
    public StateMachineBuilder<TState, TTrigger, TContext> OnSubscriberError(Action<TContext, Transition<TState, TTrigger>, Exception> handler)
    {
        _subscriberErrorHandler = Guard.NotNull(handler);
        return this;
    }

    /// <summary>
    /// Validates the configuration and builds the immutable definition. The builder may be configured
    /// further and built again; definitions already built do not change.
    /// </summary>
    /// <param name="initialState">The state new instances start in (its initial transitions are followed).</param>
    /// <returns>The definition.</returns>
    /// <exception cref="StateMachineDefinitionException">The configuration is invalid; the message lists every problem.</exception>
    public StateMachineDefinition<TState, TTrigger, TContext> Build(TState initialState)
    {
        int initialIndex = RequireDefined(initialState, nameof(initialState));
        var errors = new List<string>();
        var states = EnumIndex<TState>.Instance;
        int count = states.Count;

        var parent = new int[count];
        var initialChild = new int[count];
        for (int i = 0; i < count; i++)
        {
            var configuration = _configurations[i];
            parent[i] = configuration?.Superstate is { } super ? states.IndexOf(super) : -1;
            initialChild[i] = configuration?.InitialChild is { } child ? states.IndexOf(child) : -1;
        }

        ValidateHierarchy(states, parent, errors);
        for (int i = 0; i < count; i++)
        {
            if (initialChild[i] >= 0 && parent[initialChild[i]] != i)
            {
                errors.Add($"State {states.Values[i]} has an initial transition to {states.Values[initialChild[i]]}, which is not a direct substate of {states.Values[i]}.");
            }

            if (_configurations[i] is { } configuration)
            {
                ValidateBehaviours(configuration, errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new StateMachineDefinitionException(typeof(TState), typeof(TTrigger), errors);
        }

        var signatures = _parameters.Select(static p => p?.Signature).ToArray();
        return new StateMachineDefinition<TState, TTrigger, TContext>(
            _configurations, parent, initialChild, initialIndex, signatures, _subscriberErrorHandler);
    }

    internal static int RequireDefined(TState state, string parameterName)
    {
        int index = EnumIndex<TState>.Instance.IndexOf(state);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, state, $"{state} is not a defined value of {typeof(TState).Name}, so it is not a known state.");
        }

        return index;
    }

    internal static int TriggerIndexOf(TTrigger trigger)
    {
        int index = EnumIndex<TTrigger>.Instance.IndexOf(trigger);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trigger), trigger, $"{trigger} is not a defined value of {typeof(TTrigger).Name}, so it is not a known trigger.");
        }

        return index;
    }

    internal void RequireRegistered(TriggerWithParameters<TTrigger> trigger)
    {
        var registered = _parameters[TriggerIndexOf(trigger.Trigger)];
        if (registered is null || registered.Signature != trigger.Signature)
        {
            throw new ArgumentException(
                $"Trigger {trigger} was not declared with these parameters on this builder; call SetTriggerParameters first.", nameof(trigger));
        }
    }

    private T Register<T>(T trigger)
        where T : TriggerWithParameters<TTrigger>
    {
        int index = TriggerIndexOf(trigger.Trigger);
        if (_parameters[index] is { } existing)
        {
            throw new InvalidOperationException($"The parameters of trigger {trigger.Trigger} are already declared as {existing}.");
        }

        _parameters[index] = trigger;
        return trigger;
    }

    private static void ValidateHierarchy(EnumIndex<TState> states, int[] parent, List<string> errors)
    {
        for (int i = 0; i < parent.Length; i++)
        {
            int steps = 0;
            for (int p = parent[i]; p >= 0; p = parent[p])
            {
                if (p == i || ++steps > parent.Length)
                {
                    errors.Add($"SubstateOf forms a cycle through state {states.Values[i]}.");
                    break;
                }
            }
        }
    }

    private static void ValidateBehaviours(StateConfiguration<TState, TTrigger, TContext> configuration, List<string> errors)
    {
        foreach (var group in configuration.Behaviours.GroupBy(static b => b.TriggerIndex))
        {
            var behaviours = group.ToList();
            if (behaviours.Count < 2)
            {
                continue;
            }

            var trigger = behaviours[0].Trigger;
            int unguarded = behaviours.Count(static b => !b.HasGuard);
            if (unguarded > 0)
            {
                errors.Add(
                    $"State {configuration.State} has {behaviours.Count} behaviours for trigger {trigger} and {unguarded} of them have no guard, so they cannot be told apart; give each a guard that distinguishes it.");
                continue;
            }

            var sameGuard = behaviours
                .GroupBy(static b => (Delegate?)b.Guard ?? b.ArgsGuard)
                .FirstOrDefault(static g => g.Count() > 1);
            if (sameGuard is not null)
            {
                errors.Add(
                    $"State {configuration.State} has {sameGuard.Count()} behaviours for trigger {trigger} with the same guard ({sameGuard.First().GuardDescription}), so they cannot be told apart.");
            }
        }
    }
}
