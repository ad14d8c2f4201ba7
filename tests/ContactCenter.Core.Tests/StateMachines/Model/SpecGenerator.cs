using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Core.Tests.StateMachines.Model;

/// <summary>What the generator may produce.</summary>
internal sealed record GenOptions
{
    /// <summary>Random SubstateOf forest and InitialTransitions (otherwise a flat machine).</summary>
    public bool Hierarchical { get; init; } = true;

    /// <summary>Actions that flip flags, fire nested triggers or throw; a re-entrant subscriber rule.</summary>
    public bool Effects { get; init; } = true;

    /// <summary>Guard groups whose guards may pass together (ambiguity at Fire time).</summary>
    public bool Ambiguity { get; init; } = true;

    /// <summary>Dynamic selectors that may return an undefined enum value.</summary>
    public bool UndefinedDynamic { get; init; } = true;

    /// <summary>Ignore / IgnoreIf behaviours.</summary>
    public bool Ignore { get; init; } = true;

    /// <summary>Rehydrate at a random state instead of CreateMachine, sometimes.</summary>
    public bool Rehydrate { get; init; } = true;

    /// <summary>Triggers declared with SetTriggerParameters&lt;int&gt;, with typed guards, actions and selectors.</summary>
    public bool Typed { get; init; } = true;

    /// <summary>Probability that a state has behaviours for a given trigger.</summary>
    public double Density { get; init; } = 0.45;

    /// <summary>Upper bound of the number of steps (also bounded by the FsCheck size).</summary>
    public int MaxSteps { get; init; } = 40;

    public static GenOptions Flat { get; } = new() { Hierarchical = false };

    public static GenOptions Hierarchy { get; } = new();
}

/// <summary>
/// Random <see cref="ModelCase"/>s. FsCheck draws a seed (and supplies the size); the case is built
/// imperatively from it, which keeps the many interdependent validity rules readable. Shrinking is
/// done by <see cref="Shrink"/>, which only ever produces valid specs.
/// </summary>
internal static class SpecGenerator
{
    public const int StateCount = 8;
    public const int TriggerCount = 6;
    public const int FlagCount = 3;
    public const int NestedBudget = 3;

    /// <summary>Arguments of parameterised triggers are drawn from 0..ArgCount-1.</summary>
    public const int ArgCount = 3;

    /// <summary>The argument nested firings (from actions and the subscriber rule) pass to parameterised triggers.</summary>
    public const int NestedArg = 1;

    public static Arbitrary<ModelCase> Arbitrary(GenOptions options) =>
        Arb.From(
            Gen.Sized(size => Gen.Choose(0, int.MaxValue - 1).Select(seed => Create(seed, size, options))),
            Shrink);

    /// <summary>Builds a case deterministically from a seed.</summary>
    public static ModelCase Create(int seed, int size, GenOptions options)
    {
        var random = new Random(seed);
        var spec = CreateSpec(random, options);
        var steps = CreateSteps(random, spec, size, options);
        return new ModelCase(spec, steps);
    }

    public static MachineSpec CreateSpec(Random random, GenOptions options)
    {
        bool[] typedTriggers = Enumerable.Range(0, TriggerCount).Select(_ => options.Typed && random.NextDouble() < 0.3).ToArray();
        int[] parent = Enumerable.Repeat(StateSpec.None, StateCount).ToArray();
        int[] initialChild = Enumerable.Repeat(StateSpec.None, StateCount).ToArray();
        if (options.Hierarchical)
        {
            // A parent always comes earlier in a random order, so there is never a cycle.
            int[] order = Shuffle(random, Enumerable.Range(0, StateCount));
            for (int position = 1; position < StateCount; position++)
            {
                if (random.NextDouble() < 0.7)
                {
                    parent[order[position]] = order[random.Next(position)];
                }
            }

            for (int s = 0; s < StateCount; s++)
            {
                int[] children = Enumerable.Range(0, StateCount).Where(c => parent[c] == s).ToArray();
                if (children.Length > 0 && random.NextDouble() < 0.6)
                {
                    initialChild[s] = children[random.Next(children.Length)];
                }
            }
        }

        int nextActionId = 0;
        ActionSpec newAction(ActionKindSpec kind, int state, int trigger)
        {
            bool contextOnly = kind is ActionKindSpec.Entry or ActionKindSpec.Exit && random.NextDouble() < 0.25;
            int? flip = options.Effects && random.NextDouble() < 0.15 ? random.Next(FlagCount) : null;
            int? fire = options.Effects && random.NextDouble() < 0.12 ? random.Next(TriggerCount) : null;
            int? throwIf = options.Effects && random.NextDouble() < 0.06 ? random.Next(FlagCount) : null;
            bool readsArg = kind is ActionKindSpec.EntryFrom or ActionKindSpec.Internal && typedTriggers[trigger] && random.NextDouble() < 0.5;
            return new ActionSpec(nextActionId++, kind, state, kind == ActionKindSpec.EntryFrom ? trigger : -1, contextOnly, flip, fire, throwIf, readsArg);
        }

        var states = new StateSpec[StateCount];
        for (int s = 0; s < StateCount; s++)
        {
            var behaviours = new List<BehaviourSpec>();
            foreach (int trigger in Enumerable.Range(0, TriggerCount))
            {
                if (random.NextDouble() >= options.Density)
                {
                    continue;
                }

                if (random.NextDouble() < 0.6)
                {
                    behaviours.Add(UnguardedBehaviour(random, options, s, trigger, typedTriggers[trigger], newAction));
                }
                else
                {
                    int count = 1 + random.Next(3);
                    var guards = options.Ambiguity && random.NextDouble() < 0.15
                        ? IndependentGuards(random, count)
                        : ExclusiveGuards(random, count);
                    foreach (var guard in guards)
                    {
                        behaviours.Add(GuardedBehaviour(random, options, s, trigger, guard, typedTriggers[trigger], newAction));
                    }
                }
            }

            var entries = new List<ActionSpec>();
            int entryCount = new[] { 0, 0, 1, 1, 2, 3 }[random.Next(6)];
            for (int i = 0; i < entryCount; i++)
            {
                entries.Add(random.NextDouble() < 0.3
                    ? newAction(ActionKindSpec.EntryFrom, s, random.Next(TriggerCount))
                    : newAction(ActionKindSpec.Entry, s, -1));
            }

            var exits = new List<ActionSpec>();
            int exitCount = new[] { 0, 0, 1, 1, 2 }[random.Next(5)];
            for (int i = 0; i < exitCount; i++)
            {
                exits.Add(newAction(ActionKindSpec.Exit, s, -1));
            }

            states[s] = new StateSpec(parent[s], initialChild[s], [.. Shuffle(random, behaviours)], [.. entries], [.. exits]);
        }

        var flags = Enumerable.Range(0, FlagCount).Select(_ => random.NextDouble() < 0.5).ToImmutableArray();
        var rule = options.Effects && random.NextDouble() < 0.25
            ? new SubscriberRule(random.Next(StateCount), random.Next(TriggerCount))
            : null;
        int rehydrateAt = options.Rehydrate && random.NextDouble() < 0.2 ? random.Next(StateCount) : -1;
        return new MachineSpec(StateCount, TriggerCount, FlagCount, [.. states], random.Next(StateCount), rehydrateAt, flags, rule, NestedBudget, [.. typedTriggers]);
    }

    /// <summary>
    /// Steps are steered by the reference model: most fires pick a trigger the model currently
    /// permits, so runs go deep into the state space; the rest pick any trigger (mostly refusals).
    /// </summary>
    public static ImmutableArray<ModelStep> CreateSteps(Random random, MachineSpec spec, int size, GenOptions options)
    {
        var model = new ReferenceMachine(spec);
        int count = random.Next(Math.Min(options.MaxSteps, 6 + (size / 2)) + 1);
        var steps = ImmutableArray.CreateBuilder<ModelStep>(count);
        for (int i = 0; i < count; i++)
        {
            if (random.NextDouble() < 0.25)
            {
                int flag = random.Next(FlagCount);
                model.Flip(flag);
                steps.Add(new ModelStep(StepKind.Flip, flag));
                continue;
            }

            var permitted = model.PermittedTriggers();
            int trigger = permitted.Count > 0 && random.NextDouble() < 0.75
                ? permitted[random.Next(permitted.Count)]
                : random.Next(TriggerCount);
            int arg = spec.IsTyped(trigger) ? random.Next(ArgCount) : -1;
            double kind = random.NextDouble();
            var step = kind < 0.03 ? new ModelStep(StepKind.FireWrongParameters, trigger, arg)
                : kind < 0.06 && spec.IsTyped(trigger) ? new ModelStep(StepKind.FireWithoutArgs, trigger)
                : new ModelStep(kind < 0.25 ? StepKind.FireAsync : StepKind.Fire, trigger, arg);
            steps.Add(step);
            model.Apply(step);
        }

        return steps.ToImmutable();
    }

    // ----- shrinking -------------------------------------------------------------------------------

    /// <summary>Smaller variants of a case, most aggressive first; every variant is a valid spec.</summary>
    public static IEnumerable<ModelCase> Shrink(ModelCase testCase)
    {
        var steps = testCase.Steps;
        if (steps.Length > 0)
        {
            yield return testCase with { Steps = [] };
        }

        if (steps.Length > 1)
        {
            yield return testCase with { Steps = steps[..(steps.Length / 2)] };
            yield return testCase with { Steps = steps[(steps.Length / 2)..] };
        }

        for (int i = steps.Length - 1; i >= 0; i--)
        {
            yield return testCase with { Steps = steps.RemoveAt(i) };
        }

        foreach (var spec in ShrinkSpec(testCase.Spec))
        {
            yield return testCase with { Spec = spec };
        }

        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i].Kind == StepKind.FireAsync)
            {
                yield return testCase with { Steps = steps.SetItem(i, steps[i] with { Kind = StepKind.Fire }) };
            }
        }
    }

    private static IEnumerable<MachineSpec> ShrinkSpec(MachineSpec spec)
    {
        if (spec.Rule is not null)
        {
            yield return spec with { Rule = null };
        }

        if (spec.RehydrateAt >= 0)
        {
            yield return spec with { RehydrateAt = -1 };
        }

        // Whole states first, then their parts.
        for (int s = 0; s < spec.StateCount; s++)
        {
            var state = spec.States[s];
            if (!state.Behaviours.IsEmpty || !state.EntryActions.IsEmpty || !state.ExitActions.IsEmpty)
            {
                yield return spec with { States = spec.States.SetItem(s, state with { Behaviours = [], EntryActions = [], ExitActions = [] }) };
            }
        }

        for (int s = 0; s < spec.StateCount; s++)
        {
            var state = spec.States[s];
            for (int i = 0; i < state.Behaviours.Length; i++)
            {
                yield return WithState(spec, s, state with { Behaviours = state.Behaviours.RemoveAt(i) });
            }

            for (int i = 0; i < state.EntryActions.Length; i++)
            {
                yield return WithState(spec, s, state with { EntryActions = state.EntryActions.RemoveAt(i) });
            }

            for (int i = 0; i < state.ExitActions.Length; i++)
            {
                yield return WithState(spec, s, state with { ExitActions = state.ExitActions.RemoveAt(i) });
            }
        }

        for (int s = 0; s < spec.StateCount; s++)
        {
            var state = spec.States[s];
            if (state.InitialChild >= 0)
            {
                yield return WithState(spec, s, state with { InitialChild = StateSpec.None });
            }

            if (state.Parent >= 0)
            {
                // Detaching s invalidates its old parent's InitialTransition to s: drop that too.
                var states = spec.States.SetItem(s, state with { Parent = StateSpec.None });
                var oldParent = states[state.Parent];
                if (oldParent.InitialChild == s)
                {
                    states = states.SetItem(state.Parent, oldParent with { InitialChild = StateSpec.None });
                }

                yield return spec with { States = states };
            }
        }

        for (int s = 0; s < spec.StateCount; s++)
        {
            var state = spec.States[s];
            for (int i = 0; i < state.Behaviours.Length; i++)
            {
                var behaviour = state.Behaviours[i];
                if (behaviour.Action is { HasEffects: true } action)
                {
                    yield return WithState(spec, s, state with { Behaviours = state.Behaviours.SetItem(i, behaviour with { Action = action.WithoutEffects() }) });
                }

                bool alone = state.Behaviours.Count(b => b.Trigger == behaviour.Trigger) == 1;
                if (behaviour.Guard is not null && alone)
                {
                    yield return WithState(spec, s, state with { Behaviours = state.Behaviours.SetItem(i, behaviour with { Guard = null }) });
                }

                // Typed guards only narrow exclusive flag guards, so dropping the typing keeps them exclusive.
                if (behaviour.Guard is { Typed: true } typedGuard)
                {
                    yield return WithState(spec, s, state with { Behaviours = state.Behaviours.SetItem(i, behaviour with { Guard = typedGuard.Untyped() }) });
                }

                if (behaviour.Action is { ReadsArg: true } argsAction)
                {
                    yield return WithState(spec, s, state with { Behaviours = state.Behaviours.SetItem(i, behaviour with { Action = argsAction with { ReadsArg = false } }) });
                }

                if (behaviour.Dynamic is { UsesArg: true } argsDynamic)
                {
                    yield return WithState(spec, s, state with { Behaviours = state.Behaviours.SetItem(i, behaviour with { Dynamic = argsDynamic with { UsesArg = false } }) });
                }
            }

            for (int i = 0; i < state.EntryActions.Length; i++)
            {
                if (state.EntryActions[i].HasEffects)
                {
                    yield return WithState(spec, s, state with { EntryActions = state.EntryActions.SetItem(i, state.EntryActions[i].WithoutEffects()) });
                }

                if (state.EntryActions[i].ReadsArg)
                {
                    yield return WithState(spec, s, state with { EntryActions = state.EntryActions.SetItem(i, state.EntryActions[i] with { ReadsArg = false }) });
                }
            }

            for (int i = 0; i < state.ExitActions.Length; i++)
            {
                if (state.ExitActions[i].HasEffects)
                {
                    yield return WithState(spec, s, state with { ExitActions = state.ExitActions.SetItem(i, state.ExitActions[i].WithoutEffects()) });
                }
            }
        }

        for (int f = 0; f < spec.FlagCount; f++)
        {
            if (spec.InitialFlags[f])
            {
                yield return spec with { InitialFlags = spec.InitialFlags.SetItem(f, false) };
            }
        }

        // A trigger can stop being parameterised once nothing typed refers to it.
        for (int t = 0; t < spec.TriggerCount; t++)
        {
            bool referenced = spec.States.Any(state =>
                state.Behaviours.Any(b => b.Trigger == t && (b.Guard is { Typed: true } || b.Action is { ReadsArg: true } || b.Dynamic is { UsesArg: true }))
                || state.EntryActions.Any(a => a.FromTrigger == t && a.ReadsArg));
            if (spec.IsTyped(t) && !referenced)
            {
                yield return spec with { TypedTriggers = spec.TypedTriggers.SetItem(t, false) };
            }
        }
    }

    private static MachineSpec WithState(MachineSpec spec, int s, StateSpec state) => spec with { States = spec.States.SetItem(s, state) };

    // ----- pieces ------------------------------------------------------------------------------------

    private static BehaviourSpec UnguardedBehaviour(
        Random random, GenOptions options, int state, int trigger, bool typed, Func<ActionKindSpec, int, int, ActionSpec> newAction)
    {
        int roll = random.Next(100);
        if (roll < 35)
        {
            return new BehaviourSpec(BehaviourKindSpec.Permit, trigger, OtherState(random, state), null, null, null);
        }

        if (roll < 47)
        {
            return new BehaviourSpec(BehaviourKindSpec.Reentry, trigger, state, null, null, null);
        }

        if (roll < 65)
        {
            var choices = Enumerable.Range(0, 4).Select(_ =>
                options.UndefinedDynamic && random.NextDouble() < 0.06 ? DynamicSpec.Undefined
                : random.NextDouble() < 0.2 ? state
                : random.Next(StateCount));
            int flagA = random.Next(FlagCount);
            int flagB = (flagA + 1 + random.Next(FlagCount - 1)) % FlagCount;
            var dynamic = new DynamicSpec(flagA, flagB, [.. choices], random.NextDouble() < 0.5, typed && random.NextDouble() < 0.5);
            return new BehaviourSpec(BehaviourKindSpec.Dynamic, trigger, -1, null, dynamic, null);
        }

        if (roll < 80 && options.Ignore)
        {
            return new BehaviourSpec(BehaviourKindSpec.Ignore, trigger, -1, null, null, null);
        }

        return new BehaviourSpec(BehaviourKindSpec.Internal, trigger, -1, null, null, newAction(ActionKindSpec.Internal, state, trigger));
    }

    private static BehaviourSpec GuardedBehaviour(
        Random random, GenOptions options, int state, int trigger, GuardSpec guard, bool typed, Func<ActionKindSpec, int, int, ActionSpec> newAction)
    {
        int roll = random.Next(100);
        if (roll < 40)
        {
            // Only PermitIf has typed overloads. A typed guard reads the argument; the extra literal only narrows it.
            if (typed && random.NextDouble() < 0.6)
            {
                ArgLiteral? arg = random.NextDouble() < 0.7 ? new ArgLiteral(random.Next(ArgCount), random.NextDouble() < 0.5) : null;
                guard = guard with { Typed = true, Arg = arg };
            }

            return new BehaviourSpec(BehaviourKindSpec.Permit, trigger, OtherState(random, state), guard, null, null);
        }

        if (roll < 55)
        {
            return new BehaviourSpec(BehaviourKindSpec.Reentry, trigger, state, guard, null, null);
        }

        if (roll < 75 && options.Ignore)
        {
            return new BehaviourSpec(BehaviourKindSpec.Ignore, trigger, -1, guard, null, null);
        }

        return new BehaviourSpec(BehaviourKindSpec.Internal, trigger, -1, guard, null, newAction(ActionKindSpec.Internal, state, trigger) with { ReadsArg = false });
    }

    /// <summary>
    /// Pairwise exclusive guards: start from the always-true guard and repeatedly split one guard g into
    /// g&amp;f and g&amp;!f on a flag f it does not mention; extra literals only narrow a guard further.
    /// </summary>
    private static List<GuardSpec> ExclusiveGuards(Random random, int count)
    {
        var guards = new List<List<Literal>> { new() };
        while (guards.Count < count)
        {
            var splittable = guards.Where(g => g.Count < FlagCount).ToList();
            var split = splittable[random.Next(splittable.Count)];
            var free = Enumerable.Range(0, FlagCount).Where(f => split.All(l => l.Flag != f)).ToList();
            int flag = free[random.Next(free.Count)];
            guards.Remove(split);
            guards.Add([.. split, new Literal(flag, true)]);
            guards.Add([.. split, new Literal(flag, false)]);
        }

        foreach (var guard in guards)
        {
            var free = Enumerable.Range(0, FlagCount).Where(f => guard.All(l => l.Flag != f)).ToList();
            if (free.Count > 0 && (guard.Count == 0 ? random.NextDouble() < 0.9 : random.NextDouble() < 0.2))
            {
                guard.Add(new Literal(free[random.Next(free.Count)], random.NextDouble() < 0.5));
            }
        }

        return guards.Select(g => new GuardSpec([.. g.OrderBy(l => l.Flag)])).ToList();
    }

    /// <summary>Guards drawn independently: two of them may pass at once.</summary>
    private static List<GuardSpec> IndependentGuards(Random random, int count) =>
        Enumerable.Range(0, Math.Max(2, count))
            .Select(_ => new GuardSpec([new Literal(random.Next(FlagCount), random.NextDouble() < 0.5)]))
            .ToList();

    private static int OtherState(Random random, int state) => (state + 1 + random.Next(StateCount - 1)) % StateCount;

    private static T[] Shuffle<T>(Random random, IEnumerable<T> items)
    {
        var array = items.ToArray();
        for (int i = array.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }

        return array;
    }
}
