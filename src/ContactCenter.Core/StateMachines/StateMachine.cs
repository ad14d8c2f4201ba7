using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Internal;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// A light state-machine instance: its current state, a reference to its context object and the
/// shared <see cref="StateMachineDefinition{TState, TTrigger, TContext}"/>.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The type of the context object that guards and actions receive.</typeparam>
/// <remarks>
/// <para><b>Run to completion.</b> A trigger fired from inside an action or a transition subscriber
/// (on the firing thread, or inside an asynchronous action of <c>FireAsync</c>) is queued and runs after
/// the current transition has completed, in order. Firings from other threads are serialised: each
/// waits for the one under way, so no transition is ever torn.</para>
/// <para><b>Order of work for one transition.</b> Guards are evaluated; exit actions run from the
/// current state outwards; the state is set; entry actions run from the outermost entered state
/// inwards (following initial transitions); the transition is published; queued firings run.</para>
/// <para><b>When something throws.</b> A throwing guard, dynamic selector or exit action leaves the
/// state unchanged. A throwing entry or internal action leaves the machine in the destination state
/// (it has been exited from the source), skips the remaining entry actions and publishes nothing. In
/// every case the exception propagates to the caller of <c>Fire</c> and the triggers queued during
/// this firing are discarded. A subscriber that throws is detached; see
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}.OnSubscriberError"/>.</para>
/// <para><b>Queries.</b> <see cref="CanFire(TTrigger)"/>, <see cref="PermittedTriggers"/> and
/// <see cref="State"/> read a snapshot and may be called from any thread.</para>
/// </remarks>
public sealed class StateMachine<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly StateMachineDefinition<TState, TTrigger, TContext> _definition;
    private readonly TContext _context;
    private readonly AsyncGate? _asyncGate;
    private int _state;

    // 0 when no firing is under way, otherwise the managed thread id of the firing thread.
    private int _gate;
    private Queue<PendingFire>? _queue;
    private List<Exception>? _subscriberFaults;
    private TransitionStream? _stream;

    internal StateMachine(StateMachineDefinition<TState, TTrigger, TContext> definition, TContext context, int state)
    {
        _definition = definition;
        _context = context;
        _state = state;
        if (definition.HasAsyncActions)
        {
            _asyncGate = new AsyncGate();
        }
    }

    /// <summary>The current state (always a leaf of the hierarchy unless rehydrated at a superstate).</summary>
    public TState State => _definition.Nodes[Volatile.Read(ref _state)].State;

    /// <summary>The context object that guards and actions receive.</summary>
    public TContext Context => _context;

    /// <summary>The shared definition this instance runs.</summary>
    public StateMachineDefinition<TState, TTrigger, TContext> Definition => _definition;

    /// <summary>
    /// Every transition that changes or re-enters the state, in order, published after the entry
    /// actions ran. Ignored triggers and internal transitions are not published. Nothing is allocated
    /// until the first subscription; the stream never completes.
    /// </summary>
    public IObservable<Transition<TState, TTrigger>> Transitions
    {
        get
        {
            var stream = Volatile.Read(ref _stream);
            if (stream is null)
            {
                Interlocked.CompareExchange(ref _stream, new TransitionStream(this), null);
                stream = _stream!;
            }

            return stream;
        }
    }

    /// <summary>The triggers accepted in the current state now (guards that read trigger arguments are taken as satisfied).</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers => _definition.PermittedTriggers(Volatile.Read(ref _state), _context);

    /// <summary>Whether the current state is <paramref name="state"/> or one of its substates.</summary>
    /// <param name="state">The state to test.</param>
    /// <returns><see langword="true"/> when the machine is in <paramref name="state"/> (hierarchy-aware).</returns>
    public bool IsInState(TState state)
    {
        int index = EnumIndex<TState>.Instance.IndexOf(state);
        return index >= 0 && _definition.IsAncestorOrSelf(index, Volatile.Read(ref _state));
    }

    /// <summary>Writes the triggers accepted now into <paramref name="destination"/> without allocating.</summary>
    /// <param name="destination">The buffer; <c>Definition.Triggers.Count</c> entries always suffice.</param>
    /// <param name="written">The number of triggers written.</param>
    /// <returns><see langword="false"/> when the buffer was too small.</returns>
    public bool TryGetPermittedTriggers(Span<TTrigger> destination, out int written)
    {
        written = _definition.PermittedTriggers(Volatile.Read(ref _state), _context, destination, throwIfTooSmall: false);
        if (written < 0)
        {
            written = 0;
            return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="trigger"/> would be accepted now. Guards that read trigger arguments are taken as satisfied.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> when a behaviour accepts the trigger.</returns>
    public bool CanFire(TTrigger trigger) =>
        _definition.Find(Volatile.Read(ref _state), TriggerIndex(trigger), _context, default(UnknownArgs)) is not null;

    /// <summary>Whether <paramref name="trigger"/> would be accepted now, and if not, which guards failed.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="unmetGuards">The descriptions of the failed guards (empty when accepted, or when no behaviour exists).</param>
    /// <returns><see langword="true"/> when a behaviour accepts the trigger.</returns>
    public bool CanFire(TTrigger trigger, out IReadOnlyList<string> unmetGuards)
    {
        int state = Volatile.Read(ref _state);
        int index = TriggerIndex(trigger);
        if (_definition.Find(state, index, _context, default(UnknownArgs)) is not null)
        {
            unmetGuards = [];
            return true;
        }

        unmetGuards = _definition.UnmetGuards(state, index, _context, default(UnknownArgs));
        return false;
    }

    /// <summary>Whether the parameterised <paramref name="trigger"/> would be accepted now with this argument.</summary>
    /// <typeparam name="T1">The type of the argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The argument.</param>
    /// <returns><see langword="true"/> when a behaviour accepts the trigger.</returns>
    public bool CanFire<T1>(TriggerWithParameters<TTrigger, T1> trigger, T1 arg1) =>
        _definition.Find(Volatile.Read(ref _state), SignatureChecked(trigger), _context, new TriggerArgs<T1>(arg1), firstMatch: true) is not null;

    /// <summary>Whether the parameterised <paramref name="trigger"/> would be accepted now with these arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The first argument.</param>
    /// <param name="arg2">The second argument.</param>
    /// <returns><see langword="true"/> when a behaviour accepts the trigger.</returns>
    public bool CanFire<T1, T2>(TriggerWithParameters<TTrigger, T1, T2> trigger, T1 arg1, T2 arg2) =>
        _definition.Find(Volatile.Read(ref _state), SignatureChecked(trigger), _context, new TriggerArgs<T1, T2>(arg1, arg2), firstMatch: true) is not null;

    /// <summary>Whether the parameterised <paramref name="trigger"/> would be accepted now with these arguments.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The first argument.</param>
    /// <param name="arg2">The second argument.</param>
    /// <param name="arg3">The third argument.</param>
    /// <returns><see langword="true"/> when a behaviour accepts the trigger.</returns>
    public bool CanFire<T1, T2, T3>(TriggerWithParameters<TTrigger, T1, T2, T3> trigger, T1 arg1, T2 arg2, T3 arg3) =>
        _definition.Find(Volatile.Read(ref _state), SignatureChecked(trigger), _context, new TriggerArgs<T1, T2, T3>(arg1, arg2, arg3), firstMatch: true) is not null;

    /// <summary>Fires <paramref name="trigger"/>.</summary>
    /// <param name="trigger">The trigger; it must not be declared with parameters.</param>
    /// <exception cref="UnhandledTriggerException">The current state does not accept the trigger; nothing changed.</exception>
    /// <exception cref="ArgumentException">The trigger is declared with parameters.</exception>
    /// <exception cref="InvalidOperationException">The definition has asynchronous actions (use <c>FireAsync</c>).</exception>
    /// <exception cref="TransitionObserverException">A subscriber threw (the transition completed).</exception>
    public void Fire(TTrigger trigger) => FireSync(ArgumentlessChecked(trigger), default(NoArgs));

    /// <summary>Fires the parameterised <paramref name="trigger"/> with its argument (value types are not boxed).</summary>
    /// <typeparam name="T1">The type of the argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The argument.</param>
    public void Fire<T1>(TriggerWithParameters<TTrigger, T1> trigger, T1 arg1) =>
        FireSync(SignatureChecked(trigger), new TriggerArgs<T1>(arg1));

    /// <summary>Fires the parameterised <paramref name="trigger"/> with its arguments (value types are not boxed).</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The first argument.</param>
    /// <param name="arg2">The second argument.</param>
    public void Fire<T1, T2>(TriggerWithParameters<TTrigger, T1, T2> trigger, T1 arg1, T2 arg2) =>
        FireSync(SignatureChecked(trigger), new TriggerArgs<T1, T2>(arg1, arg2));

    /// <summary>Fires the parameterised <paramref name="trigger"/> with its arguments (value types are not boxed).</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The first argument.</param>
    /// <param name="arg2">The second argument.</param>
    /// <param name="arg3">The third argument.</param>
    public void Fire<T1, T2, T3>(TriggerWithParameters<TTrigger, T1, T2, T3> trigger, T1 arg1, T2 arg2, T3 arg3) =>
        FireSync(SignatureChecked(trigger), new TriggerArgs<T1, T2, T3>(arg1, arg2, arg3));

    /// <summary>
    /// Fires <paramref name="trigger"/>, awaiting asynchronous actions. Completes synchronously, on the
    /// calling thread and without allocating, when every action involved is synchronous.
    /// </summary>
    /// <param name="trigger">The trigger; it must not be declared with parameters.</param>
    /// <param name="cancellationToken">Cancels waiting for another firing, and is passed to asynchronous actions.</param>
    /// <returns>A task that completes when the transition and any queued firings have completed.</returns>
    public ValueTask FireAsync(TTrigger trigger, CancellationToken cancellationToken = default) =>
        FireAsyncCore(ArgumentlessChecked(trigger), default(NoArgs), cancellationToken);

    /// <summary>Fires the parameterised <paramref name="trigger"/> with its argument, awaiting asynchronous actions.</summary>
    /// <typeparam name="T1">The type of the argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The argument.</param>
    /// <param name="cancellationToken">Cancels waiting for another firing, and is passed to asynchronous actions.</param>
    /// <returns>A task that completes when the transition and any queued firings have completed.</returns>
    public ValueTask FireAsync<T1>(TriggerWithParameters<TTrigger, T1> trigger, T1 arg1, CancellationToken cancellationToken = default) =>
        FireAsyncCore(SignatureChecked(trigger), new TriggerArgs<T1>(arg1), cancellationToken);

    /// <summary>Fires the parameterised <paramref name="trigger"/> with its arguments, awaiting asynchronous actions.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The first argument.</param>
    /// <param name="arg2">The second argument.</param>
    /// <param name="cancellationToken">Cancels waiting for another firing, and is passed to asynchronous actions.</param>
    /// <returns>A task that completes when the transition and any queued firings have completed.</returns>
    public ValueTask FireAsync<T1, T2>(TriggerWithParameters<TTrigger, T1, T2> trigger, T1 arg1, T2 arg2, CancellationToken cancellationToken = default) =>
        FireAsyncCore(SignatureChecked(trigger), new TriggerArgs<T1, T2>(arg1, arg2), cancellationToken);

    /// <summary>Fires the parameterised <paramref name="trigger"/> with its arguments, awaiting asynchronous actions.</summary>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="trigger">The parameterised trigger.</param>
    /// <param name="arg1">The first argument.</param>
    /// <param name="arg2">The second argument.</param>
    /// <param name="arg3">The third argument.</param>
    /// <param name="cancellationToken">Cancels waiting for another firing, and is passed to asynchronous actions.</param>
    /// <returns>A task that completes when the transition and any queued firings have completed.</returns>
    public ValueTask FireAsync<T1, T2, T3>(
        TriggerWithParameters<TTrigger, T1, T2, T3> trigger, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken = default) =>
        FireAsyncCore(SignatureChecked(trigger), new TriggerArgs<T1, T2, T3>(arg1, arg2, arg3), cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"StateMachine {State}";

    // ----- synchronous firing ----------------------------------------------------------------------

    private void FireSync<TArgs>(int trigger, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        if (_asyncGate is not null)
        {
            throw new InvalidOperationException(
                $"The state machine of {typeof(TState).Name} has asynchronous actions; fire it with FireAsync.");
        }

        int thread = Environment.CurrentManagedThreadId;
        int owner = Interlocked.CompareExchange(ref _gate, thread, 0);
        if (owner != 0)
        {
            if (owner == thread)
            {
                (_queue ??= new Queue<PendingFire>()).Enqueue(new PendingFire<TArgs>(trigger, args));
                return;
            }

            var spin = default(SpinWait);
            while (Interlocked.CompareExchange(ref _gate, thread, 0) != 0)
            {
                spin.SpinOnce();
            }
        }

        List<Exception>? faults;
        try
        {
            Step(trigger, args);
            while (_queue is { Count: > 0 } queue)
            {
                queue.Dequeue().Run(this);
            }
        }
        catch
        {
            _queue?.Clear();
            throw;
        }
        finally
        {
            faults = _subscriberFaults;
            _subscriberFaults = null;
            Volatile.Write(ref _gate, 0);
        }

        if (faults is not null)
        {
            throw new TransitionObserverException(faults);
        }
    }

    private void Step<TArgs>(int trigger, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        var plan = Plan(trigger, args);
        if (plan is null)
        {
            return;
        }

        if (plan.InternalAction is { } internalAction)
        {
            Run(internalAction, plan.Transition, args);
            return;
        }

        var exits = plan.ExitActions;
        for (int i = 0; i < exits.Length; i++)
        {
            Run(exits[i], plan.Transition, args);
        }

        Volatile.Write(ref _state, plan.Final);
        var entries = plan.EntryActions;
        for (int i = 0; i < entries.Length; i++)
        {
            Run(entries[i], plan.Transition, args);
        }

        _stream?.Publish(plan.Transition);
    }

    private void Run<TArgs>(StateAction<TState, TTrigger, TContext> action, Transition<TState, TTrigger> transition, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        if (action.Action is { } run)
        {
            run(_context, transition);
        }
        else
        {
            args.InvokeAction(action.ArgsAction!, _context, transition);
        }
    }

    // ----- asynchronous firing ---------------------------------------------------------------------

    private ValueTask FireAsyncCore<TArgs>(int trigger, TArgs args, CancellationToken cancellationToken)
        where TArgs : struct, ITriggerArgs
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new ValueTask(Task.FromCanceled(cancellationToken));
        }

        if (_asyncGate is null)
        {
            try
            {
                FireSync(trigger, args);
                return default;
            }
            catch (Exception exception)
            {
                return new ValueTask(Task.FromException(exception));
            }
        }

        return FireWithAsyncActions(_asyncGate, trigger, args, cancellationToken);
    }

    private async ValueTask FireWithAsyncActions<TArgs>(AsyncGate gate, int trigger, TArgs args, CancellationToken cancellationToken)
        where TArgs : struct, ITriggerArgs
    {
        var scopes = FiringScope.Current;
        if (scopes is not null && gate.TryEnqueueNested(scopes, new PendingFire<TArgs>(trigger, args)))
        {
            return;
        }

        await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        var token = new FiringScope(scopes);
        gate.Begin(token);
        FiringScope.Current = token;
        List<Exception>? faults;
        try
        {
            await StepAsync(trigger, args, cancellationToken).ConfigureAwait(false);
            while (gate.TryDequeueOrEnd(token) is { } next)
            {
                await next.RunAsync(this, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            gate.Abort(token);
            throw;
        }
        finally
        {
            faults = _subscriberFaults;
            _subscriberFaults = null;
            gate.Semaphore.Release();
        }

        if (faults is not null)
        {
            throw new TransitionObserverException(faults);
        }
    }

    private async ValueTask StepAsync<TArgs>(int trigger, TArgs args, CancellationToken cancellationToken)
        where TArgs : struct, ITriggerArgs
    {
        var plan = Plan(trigger, args);
        if (plan is null)
        {
            return;
        }

        if (plan.InternalAction is { } internalAction)
        {
            await RunAsync(internalAction, plan.Transition, args, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var action in plan.ExitActions)
        {
            await RunAsync(action, plan.Transition, args, cancellationToken).ConfigureAwait(false);
        }

        Volatile.Write(ref _state, plan.Final);
        foreach (var action in plan.EntryActions)
        {
            await RunAsync(action, plan.Transition, args, cancellationToken).ConfigureAwait(false);
        }

        _stream?.Publish(plan.Transition);
    }

    private ValueTask RunAsync<TArgs>(
        StateAction<TState, TTrigger, TContext> action, Transition<TState, TTrigger> transition, TArgs args, CancellationToken cancellationToken)
        where TArgs : struct, ITriggerArgs
    {
        if (action.AsyncAction is { } asyncRun)
        {
            return asyncRun(_context, transition, cancellationToken);
        }

        if (action.ArgsAsyncAction is { } argsAsyncRun)
        {
            return args.InvokeActionAsync(argsAsyncRun, _context, transition, cancellationToken);
        }

        if (action.Action is { } run)
        {
            run(_context, transition);
        }
        else
        {
            args.InvokeAction(action.ArgsAction!, _context, transition);
        }

        return default;
    }

    // ----- planning --------------------------------------------------------------------------------

    /// <summary>
    /// Resolves the behaviour and returns its plan from the current state (selecting the destination
    /// of a dynamic transition). Returns null for an ignored trigger; throws
    /// <see cref="UnhandledTriggerException"/> for a refused one. Changes nothing.
    /// </summary>
    private TransitionPlan<TState, TTrigger, TContext>? Plan<TArgs>(int trigger, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        int source = _state;
        var resolved = _definition.Find(source, trigger, _context, args) ?? throw Unhandled(source, trigger, args);
        var plan = resolved.Plan ?? resolved.PlanTo(SelectDestination(resolved.Behaviour, args));
        return plan.Kind == BehaviourKind.Ignore ? null : plan;
    }

    private int SelectDestination<TArgs>(TriggerBehaviour<TState, TTrigger, TContext> behaviour, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        var selected = behaviour.Selector is { } selector
            ? selector(_context)
            : args.InvokeSelector<TContext, TState>(behaviour.ArgsSelector!, _context);
        int index = EnumIndex<TState>.Instance.IndexOf(selected);
        if (index < 0)
        {
            throw new InvalidOperationException(
                $"The dynamic transition for trigger {behaviour.Trigger} in state {_definition.Nodes[behaviour.OwnerIndex].State} selected {selected}, which is not a defined state.");
        }

        return index;
    }

    private UnhandledTriggerException Unhandled<TArgs>(int state, int trigger, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        var permitted = _definition.PermittedTriggers(state, _context);
        return new UnhandledTriggerException(
            _definition.Nodes[state].State,
            EnumIndex<TTrigger>.Instance.Values[trigger],
            Array.ConvertAll(permitted, static t => (Enum)t),
            _definition.UnmetGuards(state, trigger, _context, args));
    }

    private static int TriggerIndex(TTrigger trigger)
    {
        int index = EnumIndex<TTrigger>.Instance.IndexOf(trigger);
        return index >= 0
            ? index
            : throw new ArgumentOutOfRangeException(nameof(trigger), trigger, $"{trigger} is not a defined value of {typeof(TTrigger).Name}.");
    }

    private int ArgumentlessChecked(TTrigger trigger)
    {
        int index = TriggerIndex(trigger);
        if (_definition.TriggerSignatures[index] is not null)
        {
            throw new ArgumentException($"Trigger {trigger} is declared with parameters; fire it with its arguments.", nameof(trigger));
        }

        return index;
    }

    private int SignatureChecked(TriggerWithParameters<TTrigger> trigger)
    {
        Guard.NotNull(trigger);
        int index = TriggerIndex(trigger.Trigger);
        if (_definition.TriggerSignatures[index] != trigger.Signature)
        {
            throw new ArgumentException($"Trigger {trigger.Trigger} is not declared with the parameters {trigger} in this definition.", nameof(trigger));
        }

        return index;
    }

    private void ReportSubscriberFault(Transition<TState, TTrigger> transition, Exception exception)
    {
        if (_definition.SubscriberErrorHandler is { } handler)
        {
            try
            {
                handler(_context, transition, exception);
                return;
            }
            catch (Exception handlerException)
            {
                // The handler failed too: nothing is lost, both reach the caller of Fire.
                exception = new AggregateException(exception, handlerException);
            }
        }

        (_subscriberFaults ??= []).Add(exception);
    }

    // ----- nested types ----------------------------------------------------------------------------

    private abstract class PendingFire
    {
        public abstract void Run(StateMachine<TState, TTrigger, TContext> machine);

        public abstract ValueTask RunAsync(StateMachine<TState, TTrigger, TContext> machine, CancellationToken cancellationToken);
    }

    private sealed class PendingFire<TArgs> : PendingFire
        where TArgs : struct, ITriggerArgs
    {
        private readonly int _trigger;
        private readonly TArgs _args;

        public PendingFire(int trigger, TArgs args)
        {
            _trigger = trigger;
            _args = args;
        }

        public override void Run(StateMachine<TState, TTrigger, TContext> machine) => machine.Step(_trigger, _args);

        public override ValueTask RunAsync(StateMachine<TState, TTrigger, TContext> machine, CancellationToken cancellationToken) =>
            machine.StepAsync(_trigger, _args, cancellationToken);
    }

    /// <summary>Serialises firings of an instance whose definition has asynchronous actions.</summary>
    private sealed class AsyncGate
    {
        private readonly object _sync = new();
        private readonly Queue<PendingFire> _queue = new();
        private FiringScope? _current;

        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public void Begin(FiringScope token)
        {
            lock (_sync)
            {
                _current = token;
            }
        }

        /// <summary>Queues <paramref name="pending"/> when this gate's firing is one of <paramref name="scopes"/>.</summary>
        public bool TryEnqueueNested(FiringScope scopes, PendingFire pending)
        {
            lock (_sync)
            {
                for (var scope = scopes; scope is not null; scope = scope.Outer)
                {
                    if (ReferenceEquals(scope, _current))
                    {
                        _queue.Enqueue(pending);
                        return true;
                    }
                }

                return false;
            }
        }

        public PendingFire? TryDequeueOrEnd(FiringScope token)
        {
            lock (_sync)
            {
                if (_queue.Count > 0)
                {
                    return _queue.Dequeue();
                }

                if (ReferenceEquals(_current, token))
                {
                    _current = null;
                }

                return null;
            }
        }

        public void Abort(FiringScope token)
        {
            lock (_sync)
            {
                _queue.Clear();
                if (ReferenceEquals(_current, token))
                {
                    _current = null;
                }
            }
        }
    }

    /// <summary>The per-instance transition stream: copy-on-write observers, isolated from each other's faults.</summary>
    private sealed class TransitionStream : IObservable<Transition<TState, TTrigger>>
    {
        private readonly StateMachine<TState, TTrigger, TContext> _machine;
        private readonly ObserverList<Transition<TState, TTrigger>> _observers = new();

        public TransitionStream(StateMachine<TState, TTrigger, TContext> machine) => _machine = machine;

        public IDisposable Subscribe(IObserver<Transition<TState, TTrigger>> observer) => _observers.Add(observer);

        public void Publish(Transition<TState, TTrigger> transition) =>
            _observers.Publish(transition, _machine, static (machine, published, exception) => machine.ReportSubscriberFault(published, exception));
    }
}
