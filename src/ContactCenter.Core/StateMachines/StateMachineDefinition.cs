using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// An immutable, validated state-machine definition, built once by
/// <see cref="StateMachineBuilder{TState, TTrigger, TContext}"/> and shared by every instance.
/// It is safe to use from any number of threads.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TTrigger">The trigger type.</typeparam>
/// <typeparam name="TContext">The type of the per-instance context object.</typeparam>
public sealed class StateMachineDefinition<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly bool[] _ancestorOrSelf;
    private readonly int _initialLeaf;
    private readonly int _triggerCount;

    // The candidates for each (current state, trigger) at index state * _triggerCount + trigger, in
    // resolution order (innermost state first), each with its plan from that state; null when no
    // state of the chain has a behaviour for the trigger. Levels after the first one that always
    // resolves (an unguarded behaviour) are left out, as they can never be reached.
    private readonly ResolvedBehaviour<TState, TTrigger, TContext>[]?[] _resolutions;

    internal StateMachineDefinition(
        StateConfiguration<TState, TTrigger, TContext>?[] configurations,
        int[] parent,
        int[] initialChild,
        int initialIndex,
        object?[] triggerSignatures,
        Action<TContext, Transition<TState, TTrigger>, Exception>? subscriberErrorHandler)
    {
        var states = EnumIndex<TState>.Instance;
        int count = states.Count;
        int triggerCount = EnumIndex<TTrigger>.Instance.Count;
        Nodes = new StateNode<TState, TTrigger, TContext>[count];
        for (int i = 0; i < count; i++)
        {
            var node = new StateNode<TState, TTrigger, TContext>(states.Values[i], i, parent[i], initialChild[i], triggerCount);
            if (configurations[i] is { } configuration)
            {
                node.Behaviours = configuration.Behaviours.ToArray();
                node.EntryActions = configuration.EntryActions.ToArray();
                node.ExitActions = configuration.ExitActions.ToArray();
                foreach (var group in configuration.Behaviours.GroupBy(static b => b.TriggerIndex))
                {
                    node.ByTrigger[group.Key] = group.ToArray();
                }
            }

            var chain = new List<int>();
            for (int s = i; s >= 0; s = parent[s])
            {
                chain.Add(s);
            }

            node.Chain = chain.ToArray();
            node.Depth = chain.Count - 1;
            Nodes[i] = node;
        }

        _ancestorOrSelf = new bool[count * count];
        foreach (var node in Nodes)
        {
            foreach (int ancestor in node.Chain)
            {
                _ancestorOrSelf[(ancestor * count) + node.Index] = true;
            }
        }

        _triggerCount = triggerCount;
        _resolutions = new ResolvedBehaviour<TState, TTrigger, TContext>[]?[count * triggerCount];
        for (int state = 0; state < count; state++)
        {
            for (int trigger = 0; trigger < triggerCount; trigger++)
            {
                _resolutions[(state * triggerCount) + trigger] = CreateResolution(state, trigger);
            }
        }

        TriggerSignatures = triggerSignatures;
        SubscriberErrorHandler = subscriberErrorHandler;
        HasAsyncActions = Nodes.Any(static n =>
            n.EntryActions.Any(static a => a.IsAsync)
            || n.ExitActions.Any(static a => a.IsAsync)
            || n.Behaviours.Any(static b => b.InternalAction?.IsAsync == true));
        InitialState = states.Values[initialIndex];
        _initialLeaf = FollowInitialTransitions(initialIndex);
        States = Array.AsReadOnly(states.Values.ToArray());
        Triggers = Array.AsReadOnly(EnumIndex<TTrigger>.Instance.Values.ToArray());
    }

    /// <summary>The state new instances start in, as passed to <c>Build</c>.</summary>
    public TState InitialState { get; }

    /// <summary>Every state, in ordinal order.</summary>
    public IReadOnlyList<TState> States { get; }

    /// <summary>Every trigger, in ordinal order; its count sizes a buffer for <c>TryGetPermittedTriggers</c>.</summary>
    public IReadOnlyList<TTrigger> Triggers { get; }

    /// <summary>
    /// Whether any entry, exit or internal action is asynchronous; instances of such a definition must
    /// be fired with <c>FireAsync</c>.
    /// </summary>
    public bool HasAsyncActions { get; }

    internal StateNode<TState, TTrigger, TContext>[] Nodes { get; }

    internal object?[] TriggerSignatures { get; }

    internal Action<TContext, Transition<TState, TTrigger>, Exception>? SubscriberErrorHandler { get; }

    /// <summary>
    /// Creates an instance in the initial state (following initial transitions). No entry action runs:
    /// the instance is born in its state.
    /// </summary>
    /// <param name="context">The object guards and actions receive.</param>
    /// <returns>A new instance.</returns>
    public StateMachine<TState, TTrigger, TContext> CreateMachine(TContext context) =>
        new(this, context, _initialLeaf);

    /// <summary>
    /// Creates an instance at a stored state, without running any entry action (rehydration from
    /// persistence). The state is taken as stored: initial transitions are not followed.
    /// </summary>
    /// <param name="context">The object guards and actions receive.</param>
    /// <param name="state">The stored state.</param>
    /// <returns>A new instance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined value.</exception>
    public StateMachine<TState, TTrigger, TContext> Rehydrate(TContext context, TState state)
    {
        int index = EnumIndex<TState>.Instance.IndexOf(state);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, $"{state} is not a defined value of {typeof(TState).Name}.");
        }

        return new StateMachine<TState, TTrigger, TContext>(this, context, index);
    }

    /// <summary>Whether <paramref name="state"/> is <paramref name="ancestor"/> or one of its substates, at any depth.</summary>
    /// <param name="state">The state to test.</param>
    /// <param name="ancestor">The candidate superstate.</param>
    /// <returns><see langword="true"/> when <paramref name="state"/> lies inside <paramref name="ancestor"/>.</returns>
    public bool IsWithin(TState state, TState ancestor)
    {
        var states = EnumIndex<TState>.Instance;
        int s = states.IndexOf(state);
        int a = states.IndexOf(ancestor);
        return s >= 0 && a >= 0 && IsAncestorOrSelf(a, s);
    }

    /// <summary>
    /// Exports the definition as a Graphviz DOT digraph: superstates as clusters around their
    /// substates, guarded transitions labelled with their guard descriptions.
    /// </summary>
    /// <returns>The DOT text.</returns>
    public string ToDotGraph() => GraphExport.ToDot(this);

    /// <summary>
    /// Exports the definition as a Mermaid <c>stateDiagram-v2</c>: superstates as composite states,
    /// guarded transitions labelled with their guard descriptions.
    /// </summary>
    /// <returns>The Mermaid text.</returns>
    public string ToMermaidGraph() => GraphExport.ToMermaid(this);

    internal bool IsAncestorOrSelf(int ancestor, int state) => _ancestorOrSelf[(ancestor * Nodes.Length) + state];

    internal int FollowInitialTransitions(int state)
    {
        while (Nodes[state].InitialChild >= 0)
        {
            state = Nodes[state].InitialChild;
        }

        return state;
    }

    /// <summary>
    /// Finds the candidate that handles <paramref name="trigger"/> in <paramref name="leaf"/>, with its
    /// plan from <paramref name="leaf"/>. At each level (the leaf, then its ancestors) the guards of all
    /// the level's behaviours are evaluated: exactly one passing wins, two or more are ambiguous (unless
    /// the arguments are unknown, or <paramref name="firstMatch"/> is set for a query: then the first
    /// passing wins), none passes the question to the next level.
    /// </summary>
    internal ResolvedBehaviour<TState, TTrigger, TContext>? Find<TArgs>(int leaf, int trigger, TContext context, in TArgs args, bool firstMatch = false)
        where TArgs : struct, ITriggerArgs
    {
        var candidates = _resolutions[(leaf * _triggerCount) + trigger];
        if (candidates is null)
        {
            return null;
        }

        var first = candidates[0];
        return first.IsUnguardedAlone ? first : FindGuarded(leaf, candidates, context, args, firstMatch);
    }

    /// <summary>Writes the triggers that <paramref name="leaf"/> accepts now (argument guards assumed satisfied).</summary>
    internal int PermittedTriggers(int leaf, TContext context, Span<TTrigger> destination, bool throwIfTooSmall)
    {
        var triggers = EnumIndex<TTrigger>.Instance.Values;
        var resolutions = _resolutions;
        int offset = leaf * _triggerCount;
        int written = 0;
        for (int t = 0; t < triggers.Length; t++)
        {
            var candidates = resolutions[offset + t];
            if (candidates is null || (!candidates[0].IsUnguardedAlone && FindGuarded(leaf, candidates, context, default(UnknownArgs), firstMatch: true) is null))
            {
                continue;
            }

            if (written == destination.Length)
            {
                if (throwIfTooSmall)
                {
                    throw new ArgumentException("The destination is too small; size it with the definition's Triggers.Count.", nameof(destination));
                }

                return -1;
            }

            destination[written++] = triggers[t];
        }

        return written;
    }

    /// <summary>
    /// Computes what <paramref name="behaviour"/> does when it fires in <paramref name="source"/> and
    /// moves towards <paramref name="target"/> (ignored for Ignore and Internal behaviours).
    /// </summary>
    internal TransitionPlan<TState, TTrigger, TContext> CreatePlan(int source, TriggerBehaviour<TState, TTrigger, TContext> behaviour, int target)
    {
        var nodes = Nodes;
        var sourceState = nodes[source].State;
        switch (behaviour.Kind)
        {
            case BehaviourKind.Ignore:
                return new TransitionPlan<TState, TTrigger, TContext>(behaviour.Kind, source, [], [], null, default);
            case BehaviourKind.Internal:
                return new TransitionPlan<TState, TTrigger, TContext>(
                    behaviour.Kind, source, [], [], behaviour.InternalAction, new Transition<TState, TTrigger>(sourceState, sourceState, behaviour.Trigger, false));
        }

        bool reentry = behaviour.Kind == BehaviourKind.Reentry || target == source;
        int keep;
        if (reentry)
        {
            keep = nodes[target].Parent;
        }
        else
        {
            keep = -1;
            foreach (int state in nodes[source].Chain)
            {
                if (IsAncestorOrSelf(state, target))
                {
                    keep = state;
                    break;
                }
            }
        }

        int final = FollowInitialTransitions(target);
        int keepDepth = keep < 0 ? -1 : nodes[keep].Depth;
        int exitCount = nodes[source].Depth - keepDepth;
        int entryCount = nodes[final].Depth - keepDepth;

        var exits = new List<StateAction<TState, TTrigger, TContext>>();
        int[] exitChain = nodes[source].Chain;
        for (int i = 0; i < exitCount; i++)
        {
            exits.AddRange(nodes[exitChain[i]].ExitActions.Where(a => a.AppliesTo(behaviour.TriggerIndex)));
        }

        var entries = new List<StateAction<TState, TTrigger, TContext>>();
        int[] entryChain = nodes[final].Chain;
        for (int i = entryCount - 1; i >= 0; i--)
        {
            entries.AddRange(nodes[entryChain[i]].EntryActions.Where(a => a.AppliesTo(behaviour.TriggerIndex)));
        }

        return new TransitionPlan<TState, TTrigger, TContext>(
            behaviour.Kind,
            final,
            exits.ToArray(),
            entries.ToArray(),
            null,
            new Transition<TState, TTrigger>(sourceState, nodes[final].State, behaviour.Trigger, reentry || final == source));
    }

    private ResolvedBehaviour<TState, TTrigger, TContext>? FindGuarded<TArgs>(
        int leaf, ResolvedBehaviour<TState, TTrigger, TContext>[] candidates, TContext context, in TArgs args, bool firstMatch)
        where TArgs : struct, ITriggerArgs
    {
        ResolvedBehaviour<TState, TTrigger, TContext>? found = null;
        for (int i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            if (candidate.GuardPasses(context, args))
            {
                if (found is null)
                {
                    found = candidate;
                    if (firstMatch || !args.IsKnown)
                    {
                        return found;
                    }
                }
                else
                {
                    throw new InvalidOperationException(
                        $"Trigger {candidate.Behaviour.Trigger} in state {Nodes[leaf].State}: the guards '{found.Behaviour.GuardDescription}' and '{candidate.Behaviour.GuardDescription}' of state {Nodes[candidate.Behaviour.OwnerIndex].State} both pass; guards of one trigger must exclude each other.");
                }
            }

            if (found is not null && candidate.EndsLevel)
            {
                return found;
            }
        }

        return null;
    }

    private ResolvedBehaviour<TState, TTrigger, TContext>[]? CreateResolution(int state, int trigger)
    {
        List<ResolvedBehaviour<TState, TTrigger, TContext>>? resolved = null;
        foreach (int level in Nodes[state].Chain)
        {
            if (Nodes[level].ByTrigger[trigger] is not { } candidates)
            {
                continue;
            }

            resolved ??= [];
            for (int i = 0; i < candidates.Length; i++)
            {
                resolved.Add(new ResolvedBehaviour<TState, TTrigger, TContext>(this, state, candidates[i], endsLevel: i == candidates.Length - 1));
            }

            if (candidates.Any(static c => !c.HasGuard))
            {
                // An unguarded behaviour always passes, so this level always resolves.
                break;
            }
        }

        return resolved?.ToArray();
    }

    /// <summary>The descriptions of the guards that were evaluated and failed for a refused trigger.</summary>
    internal string[] UnmetGuards<TArgs>(int leaf, int trigger, TContext context, in TArgs args)
        where TArgs : struct, ITriggerArgs
    {
        List<string>? unmet = null;
        foreach (int state in Nodes[leaf].Chain)
        {
            if (Nodes[state].ByTrigger[trigger] is not { } candidates)
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (candidate.HasGuard && !candidate.GuardPasses(context, args))
                {
                    (unmet ??= []).Add(candidate.GuardDescription!);
                }
            }
        }

        return unmet?.ToArray() ?? [];
    }

    internal TTrigger[] PermittedTriggers(int leaf, TContext context)
    {
        var buffer = new TTrigger[Triggers.Count];
        int written = PermittedTriggers(leaf, context, buffer, throwIfTooSmall: true);
        Array.Resize(ref buffer, written);
        return buffer;
    }
}
