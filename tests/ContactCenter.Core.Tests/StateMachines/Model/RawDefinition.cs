using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactCenter.Core.StateMachines;
using FsCheck;
using FsCheck.Fluent;

namespace ContactCenter.Core.Tests.StateMachines.Model;

/// <summary>A behaviour of a possibly invalid definition: only what Build validates matters.</summary>
/// <param name="Trigger">The trigger ordinal.</param>
/// <param name="Kind">How it is registered.</param>
/// <param name="GuardId">-1 for no guard; otherwise the index of a guard delegate in a pool shared by the whole definition (equal ids = the same delegate instance).</param>
/// <param name="Destination">The destination of a Permit (never the owning state).</param>
internal sealed record RawBehaviour(int Trigger, BehaviourKindSpec Kind, int GuardId, int Destination)
{
    public override string ToString() =>
        $"T{Trigger}:{Kind}{(Kind == BehaviourKindSpec.Permit ? $"->S{Destination}" : string.Empty)}{(GuardId >= 0 ? $" guard g{GuardId}" : string.Empty)}";
}

/// <summary>A possibly invalid definition: arbitrary SubstateOf links (cycles allowed), arbitrary InitialTransitions, arbitrary behaviour groups.</summary>
internal sealed record RawDefinition(ImmutableArray<int> Parents, ImmutableArray<int> InitialChildren, ImmutableArray<ImmutableArray<RawBehaviour>> Behaviours)
{
    public const int StateCount = SpecGenerator.StateCount;
    public const int TriggerCount = SpecGenerator.TriggerCount;
    public const int GuardPoolSize = 4;

    /// <summary>Whether some state's SubstateOf chain never ends.</summary>
    public bool HasCycle =>
        Enumerable.Range(0, StateCount).Any(s =>
        {
            var seen = new HashSet<int>();
            for (int p = s; p >= 0; p = Parents[p])
            {
                if (!seen.Add(p))
                {
                    return true;
                }
            }

            return false;
        });

    /// <summary>States whose InitialTransition does not target a direct substate.</summary>
    public IEnumerable<int> BadInitialTransitions =>
        Enumerable.Range(0, StateCount).Where(s => InitialChildren[s] >= 0 && Parents[InitialChildren[s]] != s);

    /// <summary>(state, trigger) groups of two or more behaviours that Build must reject.</summary>
    public IEnumerable<(int State, int Trigger)> BadGroups =>
        from s in Enumerable.Range(0, StateCount)
        from g in Behaviours[s].GroupBy(b => b.Trigger)
        where g.Count() > 1 && (g.Any(b => b.GuardId < 0) || g.GroupBy(b => b.GuardId).Any(same => same.Count() > 1))
        select (s, g.Key);

    public bool IsValid => !HasCycle && !BadInitialTransitions.Any() && !BadGroups.Any();

    public static Arbitrary<RawDefinition> Arbitrary() =>
        Arb.From(Gen.Choose(0, int.MaxValue - 1).Select(Create), Shrink);

    /// <summary>A valid definition, then (usually) a few random edits that may or may not break it.</summary>
    public static RawDefinition Create(int seed)
    {
        var random = new Random(seed);
        var spec = SpecGenerator.CreateSpec(random, new GenOptions { Effects = false, UndefinedDynamic = false, Ambiguity = false });
        int[] parents = spec.States.Select(s => s.Parent).ToArray();
        int[] initial = spec.States.Select(s => s.InitialChild).ToArray();
        // Distinct guard delegates within each (state, trigger) group, as in a valid definition.
        var behaviours = spec.States.Select(s => s.Behaviours.Select((b, i) => toRaw(b, s.Behaviours.Take(i).Count(o => o.Trigger == b.Trigger))).ToList()).ToArray();

        int edits = random.NextDouble() < 0.3 ? 0 : 1 + random.Next(3);
        for (int i = 0; i < edits; i++)
        {
            int state = random.Next(StateCount);
            switch (random.Next(5))
            {
                case 0:
                    parents[state] = random.NextDouble() < 0.15 ? state : random.Next(StateCount);
                    break;
                case 1:
                    initial[state] = random.Next(StateCount);
                    break;
                case 2:
                    behaviours[state].Add(new RawBehaviour(PickTrigger(random, behaviours[state]), BehaviourKindSpec.Ignore, -1, -1));
                    break;
                case 3:
                    var guarded = behaviours[state].Where(b => b.GuardId >= 0).ToList();
                    var copy = guarded.Count > 0 ? guarded[random.Next(guarded.Count)] : new RawBehaviour(random.Next(TriggerCount), BehaviourKindSpec.Ignore, 0, -1);
                    behaviours[state].Add(copy with { Kind = BehaviourKindSpec.Internal });
                    break;
                default:
                    behaviours[state].Add(new RawBehaviour(PickTrigger(random, behaviours[state]), BehaviourKindSpec.Reentry, random.Next(GuardPoolSize), -1));
                    break;
            }
        }

        return new RawDefinition([.. parents], [.. initial], [.. behaviours.Select(b => b.ToImmutableArray())]);

        static RawBehaviour toRaw(BehaviourSpec b, int indexInGroup) => new(
            b.Trigger,
            b.Kind,
            b.Guard is null ? -1 : indexInGroup,
            b.Destination);
    }

    public static IEnumerable<RawDefinition> Shrink(RawDefinition definition)
    {
        for (int s = 0; s < StateCount; s++)
        {
            for (int i = 0; i < definition.Behaviours[s].Length; i++)
            {
                yield return definition with { Behaviours = definition.Behaviours.SetItem(s, definition.Behaviours[s].RemoveAt(i)) };
            }
        }

        for (int s = 0; s < StateCount; s++)
        {
            if (definition.InitialChildren[s] >= 0)
            {
                yield return definition with { InitialChildren = definition.InitialChildren.SetItem(s, -1) };
            }

            if (definition.Parents[s] >= 0)
            {
                yield return definition with { Parents = definition.Parents.SetItem(s, -1) };
            }
        }
    }

    /// <summary>Configures the definition on a builder through the public API.</summary>
    public StateMachineBuilder<MState, MTrigger, ModelContext> Configure()
    {
        var pool = Enumerable.Range(0, GuardPoolSize).Select(makeGuard).ToArray();
        var builder = new StateMachineBuilder<MState, MTrigger, ModelContext>();
        for (int s = 0; s < StateCount; s++)
        {
            var configuration = builder.Configure((MState)s);
            if (Parents[s] >= 0)
            {
                configuration.SubstateOf((MState)Parents[s]);
            }

            if (InitialChildren[s] >= 0)
            {
                configuration.InitialTransition((MState)InitialChildren[s]);
            }

            foreach (var behaviour in Behaviours[s])
            {
                var trigger = (MTrigger)behaviour.Trigger;
                var guard = behaviour.GuardId >= 0 ? pool[behaviour.GuardId] : null;
                string description = $"g{behaviour.GuardId}";
                _ = (behaviour.Kind, guard) switch
                {
                    (BehaviourKindSpec.Permit, null) => configuration.Permit(trigger, (MState)behaviour.Destination),
                    (BehaviourKindSpec.Permit, _) => configuration.PermitIf(trigger, (MState)behaviour.Destination, guard, description),
                    (BehaviourKindSpec.Reentry, null) => configuration.PermitReentry(trigger),
                    (BehaviourKindSpec.Reentry, _) => configuration.PermitReentryIf(trigger, guard, description),
                    (BehaviourKindSpec.Ignore, null) => configuration.Ignore(trigger),
                    (BehaviourKindSpec.Ignore, _) => configuration.IgnoreIf(trigger, guard, description),
                    (BehaviourKindSpec.Internal, null) => configuration.InternalTransition(trigger, static (_, _) => { }),
                    (BehaviourKindSpec.Internal, _) => configuration.InternalTransitionIf(trigger, guard, static (_, _) => { }, description),
                    _ => configuration.PermitDynamic(trigger, static _ => MState.S0),
                };
            }
        }

        return builder;

        static Func<ModelContext, bool> makeGuard(int id) => context => context.Flags[id % context.Flags.Length];
    }

    public override string ToString()
    {
        var text = new StringBuilder(Environment.NewLine);
        for (int s = 0; s < StateCount; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  S{s}");
            if (Parents[s] >= 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" SubstateOf(S{Parents[s]})");
            }

            if (InitialChildren[s] >= 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" InitialTransition(S{InitialChildren[s]})");
            }

            text.Append(": ").AppendJoin("; ", Behaviours[s]).AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture, $"  expected: cycle={HasCycle}, bad initial transitions=[{string.Join(",", BadInitialTransitions.Select(s => $"S{s}"))}], bad groups=[{string.Join(",", BadGroups.Select(g => $"S{g.State}/T{g.Trigger}"))}]");
        return text.AppendLine().ToString();
    }

    private static int PickTrigger(Random random, List<RawBehaviour> existing) =>
        existing.Count > 0 && random.NextDouble() < 0.7 ? existing[random.Next(existing.Count)].Trigger : random.Next(TriggerCount);
}
