using System;

namespace ContactCenter.Core.StateMachines;

/// <summary>The compiled, immutable form of one state.</summary>
internal sealed class StateNode<TState, TTrigger, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    public StateNode(TState state, int index, int parent, int initialChild, int triggerCount)
    {
        State = state;
        Index = index;
        Parent = parent;
        InitialChild = initialChild;
        ByTrigger = new TriggerBehaviour<TState, TTrigger, TContext>[]?[triggerCount];
    }

    public TState State { get; }

    public int Index { get; }

    public int Parent { get; }

    public int InitialChild { get; }

    /// <summary>Depth in the hierarchy: 0 for a top-level state.</summary>
    public int Depth { get; set; }

    /// <summary>This state followed by its ancestors, innermost first.</summary>
    public int[] Chain { get; set; } = [];

    /// <summary>The state's own behaviours, by trigger ordinal (null where it has none).</summary>
    public TriggerBehaviour<TState, TTrigger, TContext>[]?[] ByTrigger { get; }

    /// <summary>The state's own behaviours in configuration order.</summary>
    public TriggerBehaviour<TState, TTrigger, TContext>[] Behaviours { get; set; } = [];

    public StateAction<TState, TTrigger, TContext>[] EntryActions { get; set; } = [];

    public StateAction<TState, TTrigger, TContext>[] ExitActions { get; set; } = [];
}
