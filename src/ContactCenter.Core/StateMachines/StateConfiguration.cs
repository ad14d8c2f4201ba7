using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// The fluent configuration of one state, returned by
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}.Configure(TState)"/>. The vocabulary is
/// Stateless's: <c>Permit</c>, <c>PermitIf</c>, <c>PermitReentry</c>, <c>PermitDynamic</c>, <c>Ignore</c>,
/// <c>IgnoreIf</c>, <c>InternalTransition</c>, <c>SubstateOf</c>, <c>InitialTransition</c>,
/// <c>OnEntry</c>, <c>OnEntryFrom</c> and <c>OnExit</c>.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The type of the context object that guards and actions receive.</typeparam>
/// <remarks>
/// Guards, selectors and actions receive the instance's context (and, where relevant, the transition
/// and the typed trigger arguments) as parameters, so they can be <see langword="static"/> lambdas and
/// one definition can serve any number of instances. Guard descriptions default to the source text of
/// the guard expression; they appear in refusals and in the exported graphs.
/// </remarks>
public sealed class StateConfiguration<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly StateMachineBuilder<TState, TTrigger, TContext> _builder;

    internal StateConfiguration(StateMachineBuilder<TState, TTrigger, TContext> builder, TState state, int index)
    {
        _builder = builder;
        State = state;
        Index = index;
    }

    /// <summary>The state being configured.</summary>
    public TState State { get; }

    internal int Index { get; }

    internal TState? Superstate { get; private set; }

    internal TState? InitialChild { get; private set; }

    internal List<TriggerBehaviour<TState, TTrigger, TContext>> Behaviours { get; } = [];

    internal List<StateAction<TState, TTrigger, TContext>> EntryActions { get; } = [];

    internal List<StateAction<TState, TTrigger, TContext>> ExitActions { get; } = [];

    // ----- transitions -------------------------------------------------------------------------

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> fires.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The destination state; it must differ from the configured state.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Permit(TTrigger trigger, TState destination) =>
        AddTransition(trigger, destination, null, null, null);

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> fires and <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="destination">The destination state; it must differ from the configured state.</param>
    /// <param name="guard">The guard, evaluated against the instance's context.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf(
        TTrigger trigger,
        TState destination,
        Func<TContext, bool> guard,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        AddTransition(trigger, destination, NotNull(guard, nameof(guard)), null, guardDescription);

    /// <summary>Moves to <paramref name="destination"/> when the parameterised <paramref name="trigger"/> fires and <paramref name="guard"/> holds for its argument.</summary>
    /// <typeparam name="T1">The type of the trigger argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="destination">The destination state; it must differ from the configured state.</param>
    /// <param name="guard">The guard, evaluated against the context and the argument.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf<T1>(
        TriggerWithParameters<TTrigger, T1> trigger,
        TState destination,
        Func<TContext, T1, bool> guard,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        AddTransition(Checked(trigger), destination, null, NotNull(guard, nameof(guard)), guardDescription);

    /// <summary>Moves to <paramref name="destination"/> when the parameterised <paramref name="trigger"/> fires and <paramref name="guard"/> holds for its arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="destination">The destination state; it must differ from the configured state.</param>
    /// <param name="guard">The guard, evaluated against the context and the arguments.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf<T1, T2>(
        TriggerWithParameters<TTrigger, T1, T2> trigger,
        TState destination,
        Func<TContext, T1, T2, bool> guard,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        AddTransition(Checked(trigger), destination, null, NotNull(guard, nameof(guard)), guardDescription);

    /// <summary>Moves to <paramref name="destination"/> when the parameterised <paramref name="trigger"/> fires and <paramref name="guard"/> holds for its arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="destination">The destination state; it must differ from the configured state.</param>
    /// <param name="guard">The guard, evaluated against the context and the arguments.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitIf<T1, T2, T3>(
        TriggerWithParameters<TTrigger, T1, T2, T3> trigger,
        TState destination,
        Func<TContext, T1, T2, T3, bool> guard,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        AddTransition(Checked(trigger), destination, null, NotNull(guard, nameof(guard)), guardDescription);

    /// <summary>
    /// Exits and re-enters the configured state when <paramref name="trigger"/> fires: every state from
    /// the current one up to and including the configured state is exited, then the configured state is
    /// entered again (and its initial transition followed).
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentry(TTrigger trigger) =>
        Add(BehaviourKind.Reentry, trigger, Index, null, null, null);

    /// <summary>Exits and re-enters the configured state when <paramref name="trigger"/> fires and <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The guard, evaluated against the instance's context.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitReentryIf(
        TTrigger trigger,
        Func<TContext, bool> guard,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        Add(BehaviourKind.Reentry, trigger, Index, NotNull(guard, nameof(guard)), null, guardDescription);

    /// <summary>
    /// Moves to the state computed by <paramref name="selector"/> when <paramref name="trigger"/> fires.
    /// A selector that returns the current state re-enters it.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="selector">Computes the destination from the context.</param>
    /// <param name="possibleDestinations">The destinations the selector may return, drawn in exported graphs.</param>
    /// <param name="selectorDescription">Describes the selector in graphs; defaults to its source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitDynamic(
        TTrigger trigger,
        Func<TContext, TState> selector,
        IEnumerable<TState>? possibleDestinations = null,
        [CallerArgumentExpression(nameof(selector))] string? selectorDescription = null) =>
        AddDynamic(trigger, NotNull(selector, nameof(selector)), null, possibleDestinations, selectorDescription);

    /// <summary>Moves to the state computed from the context and the trigger's argument.</summary>
    /// <typeparam name="T1">The type of the trigger argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="selector">Computes the destination.</param>
    /// <param name="possibleDestinations">The destinations the selector may return, drawn in exported graphs.</param>
    /// <param name="selectorDescription">Describes the selector in graphs; defaults to its source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitDynamic<T1>(
        TriggerWithParameters<TTrigger, T1> trigger,
        Func<TContext, T1, TState> selector,
        IEnumerable<TState>? possibleDestinations = null,
        [CallerArgumentExpression(nameof(selector))] string? selectorDescription = null) =>
        AddDynamic(Checked(trigger), null, NotNull(selector, nameof(selector)), possibleDestinations, selectorDescription);

    /// <summary>Moves to the state computed from the context and the trigger's arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="selector">Computes the destination.</param>
    /// <param name="possibleDestinations">The destinations the selector may return, drawn in exported graphs.</param>
    /// <param name="selectorDescription">Describes the selector in graphs; defaults to its source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitDynamic<T1, T2>(
        TriggerWithParameters<TTrigger, T1, T2> trigger,
        Func<TContext, T1, T2, TState> selector,
        IEnumerable<TState>? possibleDestinations = null,
        [CallerArgumentExpression(nameof(selector))] string? selectorDescription = null) =>
        AddDynamic(Checked(trigger), null, NotNull(selector, nameof(selector)), possibleDestinations, selectorDescription);

    /// <summary>Moves to the state computed from the context and the trigger's arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="selector">Computes the destination.</param>
    /// <param name="possibleDestinations">The destinations the selector may return, drawn in exported graphs.</param>
    /// <param name="selectorDescription">Describes the selector in graphs; defaults to its source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> PermitDynamic<T1, T2, T3>(
        TriggerWithParameters<TTrigger, T1, T2, T3> trigger,
        Func<TContext, T1, T2, T3, TState> selector,
        IEnumerable<TState>? possibleDestinations = null,
        [CallerArgumentExpression(nameof(selector))] string? selectorDescription = null) =>
        AddDynamic(Checked(trigger), null, NotNull(selector, nameof(selector)), possibleDestinations, selectorDescription);

    /// <summary>Accepts <paramref name="trigger"/> in this state (and its substates) and does nothing: no exit, no entry, no event.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> Ignore(TTrigger trigger) =>
        Add(BehaviourKind.Ignore, trigger, -1, null, null, null);

    /// <summary>Accepts and ignores <paramref name="trigger"/> while <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The guard, evaluated against the instance's context.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> IgnoreIf(
        TTrigger trigger,
        Func<TContext, bool> guard,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        Add(BehaviourKind.Ignore, trigger, -1, NotNull(guard, nameof(guard)), null, guardDescription);

    /// <summary>Runs <paramref name="action"/> when <paramref name="trigger"/> fires, without exiting or entering any state.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="action">The action; it receives a transition whose source and destination are the current state.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition(
        TTrigger trigger, Action<TContext, Transition<TState, TTrigger>> action) =>
        AddInternal(trigger, null, null, null, new StateAction<TState, TTrigger, TContext> { Action = NotNull(action, nameof(action)) });

    /// <summary>Runs <paramref name="action"/> without changing state when <paramref name="trigger"/> fires and <paramref name="guard"/> holds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="guard">The guard, evaluated against the instance's context.</param>
    /// <param name="action">The action.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf(
        TTrigger trigger,
        Func<TContext, bool> guard,
        Action<TContext, Transition<TState, TTrigger>> action,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        AddInternal(trigger, NotNull(guard, nameof(guard)), null, guardDescription, new StateAction<TState, TTrigger, TContext> { Action = NotNull(action, nameof(action)) });

    /// <summary>Runs <paramref name="action"/> with the trigger's argument without changing state.</summary>
    /// <typeparam name="T1">The type of the trigger argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The action.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition<T1>(
        TriggerWithParameters<TTrigger, T1> trigger, Action<TContext, T1, Transition<TState, TTrigger>> action) =>
        AddInternal(Checked(trigger), null, null, null, new StateAction<TState, TTrigger, TContext> { ArgsAction = NotNull(action, nameof(action)) });

    /// <summary>
    /// Runs <paramref name="action"/> with the trigger's argument without changing state, when
    /// <paramref name="trigger"/> fires and <paramref name="guard"/> holds.
    /// </summary>
    /// <typeparam name="T1">The type of the trigger argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="guard">The guard, evaluated against the instance's context.</param>
    /// <param name="action">The action.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf<T1>(
        TriggerWithParameters<TTrigger, T1> trigger,
        Func<TContext, bool> guard,
        Action<TContext, T1, Transition<TState, TTrigger>> action,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        AddInternal(
            Checked(trigger),
            NotNull(guard, nameof(guard)),
            null,
            guardDescription,
            new StateAction<TState, TTrigger, TContext> { ArgsAction = NotNull(action, nameof(action)) });

    /// <summary>
    /// Runs <paramref name="action"/> with the trigger's argument without changing state, when
    /// <paramref name="trigger"/> fires and <paramref name="guard"/> holds for its argument.
    /// </summary>
    /// <typeparam name="T1">The type of the trigger argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="guard">The guard, evaluated against the context and the argument.</param>
    /// <param name="action">The action.</param>
    /// <param name="guardDescription">Describes the guard in refusals and graphs; defaults to the guard's source text.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionIf<T1>(
        TriggerWithParameters<TTrigger, T1> trigger,
        Func<TContext, T1, bool> guard,
        Action<TContext, T1, Transition<TState, TTrigger>> action,
        [CallerArgumentExpression(nameof(guard))] string? guardDescription = null) =>
        AddInternal(
            Checked(trigger),
            null,
            NotNull(guard, nameof(guard)),
            guardDescription,
            new StateAction<TState, TTrigger, TContext> { ArgsAction = NotNull(action, nameof(action)) });

    /// <summary>Runs <paramref name="action"/> with the trigger's arguments without changing state.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The action.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition<T1, T2>(
        TriggerWithParameters<TTrigger, T1, T2> trigger, Action<TContext, T1, T2, Transition<TState, TTrigger>> action) =>
        AddInternal(Checked(trigger), null, null, null, new StateAction<TState, TTrigger, TContext> { ArgsAction = NotNull(action, nameof(action)) });

    /// <summary>Runs <paramref name="action"/> with the trigger's arguments without changing state.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The action.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransition<T1, T2, T3>(
        TriggerWithParameters<TTrigger, T1, T2, T3> trigger, Action<TContext, T1, T2, T3, Transition<TState, TTrigger>> action) =>
        AddInternal(Checked(trigger), null, null, null, new StateAction<TState, TTrigger, TContext> { ArgsAction = NotNull(action, nameof(action)) });

    /// <summary>Runs the asynchronous <paramref name="action"/> without changing state; fire with <c>FireAsync</c>.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="action">The asynchronous action.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InternalTransitionAsync(
        TTrigger trigger, Func<TContext, Transition<TState, TTrigger>, CancellationToken, ValueTask> action) =>
        AddInternal(trigger, null, null, null, new StateAction<TState, TTrigger, TContext> { AsyncAction = NotNull(action, nameof(action)) });

    // ----- hierarchy ---------------------------------------------------------------------------

    /// <summary>
    /// Makes the configured state a substate of <paramref name="superstate"/>: it inherits the
    /// superstate's trigger behaviours (its own take precedence), and moving between substates of one
    /// superstate neither exits nor enters the superstate.
    /// </summary>
    /// <param name="superstate">The parent state.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> SubstateOf(TState superstate)
    {
        StateMachineBuilder<TState, TTrigger, TContext>.RequireDefined(superstate, nameof(superstate));
        if (Superstate is { } existing && !EqualityComparer<TState>.Default.Equals(existing, superstate))
        {
            throw new InvalidOperationException($"State {State} is already a substate of {existing}; a state has one superstate.");
        }

        Superstate = superstate;
        return this;
    }

    /// <summary>
    /// When the configured (super)state is entered as a transition's target, continue into the
    /// direct substate <paramref name="substate"/>. Validated by <c>Build</c>.
    /// </summary>
    /// <param name="substate">A direct substate of the configured state.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> InitialTransition(TState substate)
    {
        StateMachineBuilder<TState, TTrigger, TContext>.RequireDefined(substate, nameof(substate));
        if (InitialChild is not null)
        {
            throw new InvalidOperationException($"State {State} already has an initial transition (to {InitialChild}).");
        }

        InitialChild = substate;
        return this;
    }

    // ----- entry and exit actions ----------------------------------------------------------------

    /// <summary>Runs <paramref name="action"/> whenever the state is entered.</summary>
    /// <param name="action">The action; it receives the context and the transition.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntry(Action<TContext, Transition<TState, TTrigger>> action, string? description = null) =>
        AddEntry(new StateAction<TState, TTrigger, TContext> { Action = NotNull(action, nameof(action)), Description = description });

    /// <summary>Runs <paramref name="action"/> whenever the state is entered.</summary>
    /// <param name="action">The action; it receives the context.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntry(Action<TContext> action, string? description = null)
    {
        NotNull(action, nameof(action));
        return OnEntry((context, _) => action(context), description);
    }

    /// <summary>Runs <paramref name="action"/> when the state is entered through <paramref name="trigger"/>.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="action">The action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFrom(
        TTrigger trigger, Action<TContext, Transition<TState, TTrigger>> action, string? description = null) =>
        AddEntry(new StateAction<TState, TTrigger, TContext>
        {
            TriggerIndex = StateMachineBuilder<TState, TTrigger, TContext>.TriggerIndexOf(trigger),
            Action = NotNull(action, nameof(action)),
            Description = description,
        });

    /// <summary>Runs <paramref name="action"/> with the trigger's argument when the state is entered through <paramref name="trigger"/>.</summary>
    /// <typeparam name="T1">The type of the trigger argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFrom<T1>(
        TriggerWithParameters<TTrigger, T1> trigger, Action<TContext, T1, Transition<TState, TTrigger>> action, string? description = null) =>
        AddEntryWithArgs(trigger, NotNull(action, nameof(action)), false, description);

    /// <summary>Runs <paramref name="action"/> with the trigger's arguments when the state is entered through <paramref name="trigger"/>.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFrom<T1, T2>(
        TriggerWithParameters<TTrigger, T1, T2> trigger, Action<TContext, T1, T2, Transition<TState, TTrigger>> action, string? description = null) =>
        AddEntryWithArgs(trigger, NotNull(action, nameof(action)), false, description);

    /// <summary>Runs <paramref name="action"/> with the trigger's arguments when the state is entered through <paramref name="trigger"/>.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFrom<T1, T2, T3>(
        TriggerWithParameters<TTrigger, T1, T2, T3> trigger, Action<TContext, T1, T2, T3, Transition<TState, TTrigger>> action, string? description = null) =>
        AddEntryWithArgs(trigger, NotNull(action, nameof(action)), false, description);

    /// <summary>Runs <paramref name="action"/> whenever the state is exited.</summary>
    /// <param name="action">The action; it receives the context and the transition.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnExit(Action<TContext, Transition<TState, TTrigger>> action, string? description = null)
    {
        ExitActions.Add(new StateAction<TState, TTrigger, TContext> { Action = NotNull(action, nameof(action)), Description = description });
        return this;
    }

    /// <summary>Runs <paramref name="action"/> whenever the state is exited.</summary>
    /// <param name="action">The action; it receives the context.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnExit(Action<TContext> action, string? description = null)
    {
        NotNull(action, nameof(action));
        return OnExit((context, _) => action(context), description);
    }

    /// <summary>Runs the asynchronous <paramref name="action"/> whenever the state is entered; fire with <c>FireAsync</c>.</summary>
    /// <param name="action">The asynchronous action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryAsync(
        Func<TContext, Transition<TState, TTrigger>, CancellationToken, ValueTask> action, string? description = null) =>
        AddEntry(new StateAction<TState, TTrigger, TContext> { AsyncAction = NotNull(action, nameof(action)), Description = description });

    /// <summary>Runs the asynchronous <paramref name="action"/> when the state is entered through <paramref name="trigger"/>.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="action">The asynchronous action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFromAsync(
        TTrigger trigger, Func<TContext, Transition<TState, TTrigger>, CancellationToken, ValueTask> action, string? description = null) =>
        AddEntry(new StateAction<TState, TTrigger, TContext>
        {
            TriggerIndex = StateMachineBuilder<TState, TTrigger, TContext>.TriggerIndexOf(trigger),
            AsyncAction = NotNull(action, nameof(action)),
            Description = description,
        });

    /// <summary>Runs the asynchronous <paramref name="action"/> with the trigger's argument when the state is entered through <paramref name="trigger"/>.</summary>
    /// <typeparam name="T1">The type of the trigger argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The asynchronous action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFromAsync<T1>(
        TriggerWithParameters<TTrigger, T1> trigger,
        Func<TContext, T1, Transition<TState, TTrigger>, CancellationToken, ValueTask> action,
        string? description = null) =>
        AddEntryWithArgs(trigger, NotNull(action, nameof(action)), true, description);

    /// <summary>Runs the asynchronous <paramref name="action"/> with the trigger's arguments when the state is entered through <paramref name="trigger"/>.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The asynchronous action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFromAsync<T1, T2>(
        TriggerWithParameters<TTrigger, T1, T2> trigger,
        Func<TContext, T1, T2, Transition<TState, TTrigger>, CancellationToken, ValueTask> action,
        string? description = null) =>
        AddEntryWithArgs(trigger, NotNull(action, nameof(action)), true, description);

    /// <summary>Runs the asynchronous <paramref name="action"/> with the trigger's arguments when the state is entered through <paramref name="trigger"/>.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="action">The asynchronous action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnEntryFromAsync<T1, T2, T3>(
        TriggerWithParameters<TTrigger, T1, T2, T3> trigger,
        Func<TContext, T1, T2, T3, Transition<TState, TTrigger>, CancellationToken, ValueTask> action,
        string? description = null) =>
        AddEntryWithArgs(trigger, NotNull(action, nameof(action)), true, description);

    /// <summary>Runs the asynchronous <paramref name="action"/> whenever the state is exited; fire with <c>FireAsync</c>.</summary>
    /// <param name="action">The asynchronous action.</param>
    /// <param name="description">Describes the action in exported graphs; omitted when null.</param>
    /// <returns>This configuration.</returns>
    public StateConfiguration<TState, TTrigger, TContext> OnExitAsync(
        Func<TContext, Transition<TState, TTrigger>, CancellationToken, ValueTask> action, string? description = null)
    {
        ExitActions.Add(new StateAction<TState, TTrigger, TContext> { AsyncAction = NotNull(action, nameof(action)), Description = description });
        return this;
    }

    // ----- helpers ---------------------------------------------------------------------------------

    private StateConfiguration<TState, TTrigger, TContext> AddTransition(
        TTrigger trigger, TState destination, Func<TContext, bool>? guard, Delegate? argsGuard, string? guardDescription)
    {
        int destinationIndex = StateMachineBuilder<TState, TTrigger, TContext>.RequireDefined(destination, nameof(destination));
        if (destinationIndex == Index)
        {
            throw new ArgumentException(
                $"Permit in state {State} for trigger {trigger} targets the state itself. To accept a trigger without changing state use Ignore or InternalTransition; to exit and re-enter use PermitReentry.",
                nameof(destination));
        }

        return Add(BehaviourKind.Transition, trigger, destinationIndex, guard, argsGuard, guardDescription);
    }

    private StateConfiguration<TState, TTrigger, TContext> AddDynamic(
        TTrigger trigger, Func<TContext, TState>? selector, Delegate? argsSelector, IEnumerable<TState>? possible, string? description)
    {
        var destinations = possible?.ToArray() ?? [];
        foreach (var destination in destinations)
        {
            StateMachineBuilder<TState, TTrigger, TContext>.RequireDefined(destination, "possibleDestinations");
        }

        Behaviours.Add(new TriggerBehaviour<TState, TTrigger, TContext>
        {
            Kind = BehaviourKind.Dynamic,
            OwnerIndex = Index,
            TriggerIndex = StateMachineBuilder<TState, TTrigger, TContext>.TriggerIndexOf(trigger),
            Trigger = trigger,
            Selector = selector,
            ArgsSelector = argsSelector,
            SelectorDescription = description,
            PossibleDestinations = destinations,
        });
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> AddInternal(
        TTrigger trigger, Func<TContext, bool>? guard, Delegate? argsGuard, string? guardDescription, StateAction<TState, TTrigger, TContext> action)
    {
        Behaviours.Add(new TriggerBehaviour<TState, TTrigger, TContext>
        {
            Kind = BehaviourKind.Internal,
            OwnerIndex = Index,
            TriggerIndex = StateMachineBuilder<TState, TTrigger, TContext>.TriggerIndexOf(trigger),
            Trigger = trigger,
            Guard = guard,
            ArgsGuard = argsGuard,
            GuardDescription = guard is null && argsGuard is null ? null : guardDescription ?? "guard",
            InternalAction = action,
        });
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> Add(
        BehaviourKind kind, TTrigger trigger, int destinationIndex, Func<TContext, bool>? guard, Delegate? argsGuard, string? guardDescription)
    {
        Behaviours.Add(new TriggerBehaviour<TState, TTrigger, TContext>
        {
            Kind = kind,
            OwnerIndex = Index,
            TriggerIndex = StateMachineBuilder<TState, TTrigger, TContext>.TriggerIndexOf(trigger),
            Trigger = trigger,
            DestinationIndex = destinationIndex,
            Guard = guard,
            ArgsGuard = argsGuard,
            GuardDescription = guard is null && argsGuard is null ? null : guardDescription ?? "guard",
        });
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> AddEntry(StateAction<TState, TTrigger, TContext> action)
    {
        EntryActions.Add(action);
        return this;
    }

    private StateConfiguration<TState, TTrigger, TContext> AddEntryWithArgs(
        TriggerWithParameters<TTrigger> trigger, Delegate action, bool isAsync, string? description) =>
        AddEntry(new StateAction<TState, TTrigger, TContext>
        {
            TriggerIndex = StateMachineBuilder<TState, TTrigger, TContext>.TriggerIndexOf(Checked(trigger)),
            ArgsAction = isAsync ? null : action,
            ArgsAsyncAction = isAsync ? action : null,
            Description = description,
        });

    private TTrigger Checked(TriggerWithParameters<TTrigger> trigger)
    {
        NotNull(trigger, nameof(trigger));
        _builder.RequireRegistered(trigger);
        return trigger.Trigger;
    }

    private static T NotNull<T>(T value, string name)
        where T : class =>
        Guard.NotNull(value, name);
}
