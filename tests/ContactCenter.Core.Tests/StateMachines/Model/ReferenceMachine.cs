using System.Collections.Generic;
using System.Linq;

namespace ContactCenter.Core.Tests.StateMachines.Model;

/// <summary>How a top-level Fire ended, per the reference interpreter.</summary>
internal enum OutcomeKind
{
    /// <summary>Returned normally (transition, internal transition or ignore; queued firings included).</summary>
    Completed,

    /// <summary>UnhandledTriggerException.</summary>
    Refused,

    /// <summary>InvalidOperationException: two or more guards of one state passed.</summary>
    Ambiguous,

    /// <summary>InvalidOperationException: a dynamic selector returned an undefined state.</summary>
    UndefinedDestination,

    /// <summary>ArgumentException: fired without arguments, or with the wrong TriggerWithParameters (nothing ran).</summary>
    ArgumentError,

    /// <summary>A spec action threw <see cref="ModelActionException"/>.</summary>
    ActionThrew,
}

/// <summary>The outcome of a top-level Fire in the reference interpreter.</summary>
internal sealed record ModelOutcome(
    OutcomeKind Kind,
    int State = -1,
    int Trigger = -1,
    IReadOnlyList<int>? Permitted = null,
    IReadOnlyList<string>? UnmetGuards = null,
    int ActionId = -1)
{
    public static ModelOutcome Completed { get; } = new(OutcomeKind.Completed);

    public override string ToString() => Kind switch
    {
        OutcomeKind.Completed => "completed",
        OutcomeKind.Refused =>
            $"refused (UnhandledTriggerException: state S{State}, trigger T{Trigger}, permitted [{string.Join(",", Permitted!.Select(t => $"T{t}"))}], unmet [{string.Join("; ", UnmetGuards!)}])",
        OutcomeKind.Ambiguous => $"ambiguous guards (InvalidOperationException) for T{Trigger} in S{State}",
        OutcomeKind.UndefinedDestination => $"dynamic selector chose an undefined state (InvalidOperationException) for T{Trigger} in S{State}",
        OutcomeKind.ArgumentError => $"ArgumentException for T{Trigger}",
        _ => $"action a{ActionId} threw",
    };
}

/// <summary>
/// A deliberately simple interpreter of a <see cref="MachineSpec"/>, written from the semantics in
/// docs/state-machines.md and ADR 0003 (transition semantics). It shares no code with the engine: it walks lists with LINQ,
/// recomputes everything on every call and favours obviousness over speed.
/// </summary>
internal sealed class ReferenceMachine
{
    private readonly MachineSpec _spec;
    private Queue<int>? _queue;
    private int _budget;

    public ReferenceMachine(MachineSpec spec)
    {
        _spec = spec;
        Flags = [.. spec.InitialFlags];
        State = spec.RehydrateAt >= 0 ? spec.RehydrateAt : FollowInitialTransitions(spec.InitialState);
    }

    /// <summary>The current state (ordinal).</summary>
    public int State { get; private set; }

    /// <summary>The guard flags (the context).</summary>
    public bool[] Flags { get; }

    /// <summary>Every action that ran and every published transition, in order.</summary>
    public List<LogEntry> Log { get; } = [];

    /// <summary>What the interpreter has seen so far (to check that the generator covers every rule).</summary>
    public ModelStats Stats { get; } = new();

    /// <summary>The published transitions, in order.</summary>
    public IEnumerable<TransitionRecord> Published => Log.Where(e => e.IsPublished).Select(e => e.Transition!.Value);

    public static int FollowInitialTransitions(MachineSpec spec, int state)
    {
        while (spec.States[state].InitialChild >= 0)
        {
            state = spec.States[state].InitialChild;
        }

        return state;
    }

    /// <summary>The state and its ancestors, innermost first.</summary>
    public List<int> Chain(int state)
    {
        var chain = new List<int>();
        for (int s = state; s >= 0; s = _spec.States[s].Parent)
        {
            chain.Add(s);
        }

        return chain;
    }

    public bool IsAncestorOrSelf(int ancestor, int state) => Chain(state).Contains(ancestor);

    public bool IsInState(int state) => IsAncestorOrSelf(state, State);

    // ----- queries (section 4): first passing behaviour wins, no ambiguity check --------------------

    /// <summary>CanFire(trigger): arguments unknown, so typed guards are taken as satisfied.</summary>
    public bool CanFire(int trigger) => FindForQuery(trigger, null) is not null;

    /// <summary>CanFire&lt;int&gt;(typed trigger, arg): typed guards evaluated with the argument.</summary>
    public bool CanFire(int trigger, int arg) => FindForQuery(trigger, arg) is not null;

    /// <summary>Whether two or more guards of the level a query with this argument stops at pass together.</summary>
    public bool IsAmbiguous(int trigger, int arg)
    {
        foreach (int level in Chain(State))
        {
            int passing = BehavioursOf(level, trigger).Count(b => b.Guard is null || b.Guard.Passes(Flags, arg));
            if (passing > 0)
            {
                return passing > 1;
            }
        }

        return false;
    }

    public List<int> PermittedTriggers() => Enumerable.Range(0, _spec.TriggerCount).Where(t => CanFire(t)).ToList();

    /// <summary>Descriptions of guarded behaviours for the trigger along the chain whose guards fail (arg null = unknown).</summary>
    public List<string> UnmetGuards(int trigger, int? arg = null) =>
        Chain(State)
            .SelectMany(s => BehavioursOf(s, trigger))
            .Where(b => b.Guard is not null && !b.Guard.Passes(Flags, arg))
            .Select(b => b.Guard!.Description)
            .ToList();

    // ----- firing (sections 1-3 and 5) ---------------------------------------------------------------

    public void Flip(int flag) => Flags[flag] = !Flags[flag];

    /// <summary>A test step: a top-level firing, or an argument error that changes nothing (section 9).</summary>
    public ModelOutcome Apply(ModelStep step)
    {
        switch (step.Kind)
        {
            case StepKind.Flip:
                Flip(step.Value);
                return ModelOutcome.Completed;
            case StepKind.FireWrongParameters:
            case StepKind.FireWithoutArgs when _spec.IsTyped(step.Value):
                Stats.ArgumentErrors++;
                return new ModelOutcome(OutcomeKind.ArgumentError, State, step.Value);
            default:
                return Fire(step.Value, step.Arg);
        }
    }

    /// <summary>
    /// A top-level Fire: runs the trigger, then every trigger queued meanwhile (FIFO). The first
    /// failure ends the firing and discards the queue. <paramref name="arg"/> is the argument of a
    /// parameterised trigger (ignored for the others).
    /// </summary>
    public ModelOutcome Fire(int trigger, int arg = -1)
    {
        _budget = _spec.NestedBudget;
        _queue = new Queue<int>();
        try
        {
            var failure = Step(trigger, arg);
            while (failure is null && _queue.Count > 0)
            {
                Stats.QueuedFiringsRun++;
                failure = Step(_queue.Dequeue(), SpecGenerator.NestedArg);
                if (failure is not null)
                {
                    Stats.QueuedFiringsFailed++;
                }
            }

            Stats.Count(failure?.Kind ?? OutcomeKind.Completed);
            return failure ?? ModelOutcome.Completed;
        }
        finally
        {
            _queue = null;
        }
    }

    private ModelOutcome? Step(int trigger, int arg)
    {
        int source = State;
        Stats.TypedFirings += _spec.IsTyped(trigger) ? 1 : 0;

        // 1. Resolution: innermost state first; all guards of one level evaluated.
        BehaviourSpec? chosen = null;
        int owner = -1;
        foreach (int level in Chain(source))
        {
            var passing = BehavioursOf(level, trigger).Where(b => b.Guard is null || b.Guard.Passes(Flags, arg)).ToList();
            if (passing.Count > 1)
            {
                return new ModelOutcome(OutcomeKind.Ambiguous, source, trigger);
            }

            if (passing.Count == 1)
            {
                chosen = passing[0];
                owner = level;
                break;
            }
        }

        if (chosen is null)
        {
            return new ModelOutcome(OutcomeKind.Refused, source, trigger, PermittedTriggers(), UnmetGuards(trigger, arg));
        }

        // 2. Ignore and internal transitions.
        if (owner != source)
        {
            Stats.ResolvedInSuperstate++;
        }

        if (chosen.Kind == BehaviourKindSpec.Ignore)
        {
            Stats.Ignored++;
            return null;
        }

        if (chosen.Kind == BehaviourKindSpec.Internal)
        {
            Stats.Internal++;
            return RunAction(chosen.Action!, new TransitionRecord(source, source, trigger, false), arg);
        }

        // 3. Transitions.
        int target = chosen.Kind switch
        {
            BehaviourKindSpec.Permit => chosen.Destination,
            BehaviourKindSpec.Reentry => owner,
            _ => chosen.Dynamic!.Select(Flags, arg),
        };
        if (target == DynamicSpec.Undefined)
        {
            return new ModelOutcome(OutcomeKind.UndefinedDestination, source, trigger);
        }

        bool reentry = chosen.Kind == BehaviourKindSpec.Reentry || target == source;
        int keep = reentry
            ? _spec.States[target].Parent
            : Chain(source).Where(s => IsAncestorOrSelf(s, target)).DefaultIfEmpty(-1).First();
        int final = FollowInitialTransitions(_spec, target);
        var transition = new TransitionRecord(source, final, trigger, reentry || final == source);
        Stats.Transitions++;
        Stats.Reentries += reentry ? 1 : 0;
        Stats.InitialTransitionsFollowed += final != target ? 1 : 0;
        Stats.CommonAncestorKept += keep >= 0 ? 1 : 0;
        Stats.DynamicToSelf += chosen.Kind == BehaviourKindSpec.Dynamic && target == source ? 1 : 0;
        Stats.FromSuperstate += _spec.States.Any(s => s.Parent == source) ? 1 : 0;

        foreach (int exited in Chain(source).TakeWhile(s => s != keep))
        {
            foreach (var action in _spec.States[exited].ExitActions)
            {
                if (RunAction(action, transition, arg) is { } failure)
                {
                    return failure;
                }
            }
        }

        State = final;

        var entered = Chain(final).TakeWhile(s => s != keep).Reverse();
        foreach (int state in entered)
        {
            foreach (var action in _spec.States[state].EntryActions)
            {
                if (action.Kind == ActionKindSpec.EntryFrom && action.FromTrigger != trigger)
                {
                    Stats.EntryFromSkipped++;
                    continue;
                }

                if (RunAction(action, transition, arg) is { } failure)
                {
                    return failure;
                }
            }
        }

        // Published after the entry actions; the subscriber may fire (queued).
        Log.Add(LogEntry.Published(transition));
        if (_spec.Rule is { } rule && rule.Destination == final && _budget > 0)
        {
            _budget--;
            Stats.SubscriberFired++;
            _queue!.Enqueue(rule.Trigger);
        }

        return null;
    }

    private ModelOutcome? RunAction(ActionSpec action, TransitionRecord transition, int arg)
    {
        if (action.ThrowIfFlag is { } throwFlag && Flags[throwFlag])
        {
            Stats.ThrewInEntry += action.Kind is ActionKindSpec.Entry or ActionKindSpec.EntryFrom ? 1 : 0;
            Stats.ThrewInExit += action.Kind == ActionKindSpec.Exit ? 1 : 0;
            return new ModelOutcome(OutcomeKind.ActionThrew, ActionId: action.Id);
        }

        Log.Add(new LogEntry(action.Id, action.Kind, action.State, action.ContextOnly ? null : transition, action.ReadsArg ? arg : null));
        if (action.FlipFlag is { } flag)
        {
            Flip(flag);
        }

        if (action.FireTrigger is { } nested && _budget > 0)
        {
            _budget--;
            Stats.ActionFired++;
            _queue!.Enqueue(nested);
        }

        return null;
    }

    private BehaviourSpec? FindForQuery(int trigger, int? arg)
    {
        foreach (int level in Chain(State))
        {
            var passing = BehavioursOf(level, trigger).FirstOrDefault(b => b.Guard is null || b.Guard.Passes(Flags, arg));
            if (passing is not null)
            {
                return passing;
            }
        }

        return null;
    }

    private IEnumerable<BehaviourSpec> BehavioursOf(int state, int trigger) =>
        _spec.States[state].Behaviours.Where(b => b.Trigger == trigger);

    private int FollowInitialTransitions(int state) => FollowInitialTransitions(_spec, state);
}

/// <summary>Counters of the rules the reference interpreter applied.</summary>
internal sealed class ModelStats
{
    public int Completed { get; set; }

    public int Refused { get; set; }

    public int Ambiguous { get; set; }

    public int UndefinedDestination { get; set; }

    public int ActionThrew { get; set; }

    public int Ignored { get; set; }

    public int Internal { get; set; }

    public int Transitions { get; set; }

    public int Reentries { get; set; }

    public int ResolvedInSuperstate { get; set; }

    public int FromSuperstate { get; set; }

    public int InitialTransitionsFollowed { get; set; }

    public int CommonAncestorKept { get; set; }

    public int DynamicToSelf { get; set; }

    public int EntryFromSkipped { get; set; }

    public int ThrewInEntry { get; set; }

    public int ThrewInExit { get; set; }

    public int ActionFired { get; set; }

    public int SubscriberFired { get; set; }

    public int QueuedFiringsRun { get; set; }

    public int QueuedFiringsFailed { get; set; }

    public int ArgumentErrors { get; set; }

    public int TypedFirings { get; set; }

    public void Count(OutcomeKind kind)
    {
        switch (kind)
        {
            case OutcomeKind.Completed:
                Completed++;
                break;
            case OutcomeKind.Refused:
                Refused++;
                break;
            case OutcomeKind.Ambiguous:
                Ambiguous++;
                break;
            case OutcomeKind.UndefinedDestination:
                UndefinedDestination++;
                break;
            default:
                ActionThrew++;
                break;
        }
    }

    /// <summary>Adds another instance's counters to these.</summary>
    public void Add(ModelStats other)
    {
        foreach (var property in typeof(ModelStats).GetProperties())
        {
            property.SetValue(this, (int)property.GetValue(this)! + (int)property.GetValue(other)!);
        }
    }

    /// <summary>The names of the counters that are still zero.</summary>
    public IEnumerable<string> Zero() =>
        typeof(ModelStats).GetProperties().Where(p => (int)p.GetValue(this)! == 0).Select(p => p.Name);

    public override string ToString() =>
        string.Join(", ", typeof(ModelStats).GetProperties().Select(p => $"{p.Name}={p.GetValue(this)}"));
}
