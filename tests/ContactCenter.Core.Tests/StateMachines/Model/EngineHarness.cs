using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Tests.StateMachines.Model;

/// <summary>Test enum of the model-based tests: eight plain states.</summary>
public enum MState
{
    S0,
    S1,
    S2,
    S3,
    S4,
    S5,
    S6,
    S7,
}

/// <summary>Test enum of the model-based tests: six plain triggers.</summary>
public enum MTrigger
{
    T0,
    T1,
    T2,
    T3,
    T4,
    T5,
}

/// <summary>
/// Eight states as sparse 64-bit values, including negative ones (so the engine's EnumIndex uses its
/// dictionary path and Enum.GetValues' unsigned-magnitude order differs from declaration order) and an alias.
/// </summary>
public enum MSparseState : long
{
    Minus5G = -5_000_000_000,
    Zero = 0,
    Seven = 7,
    TwoPow40 = 1L << 40,
    MinusOne = -1,
    FourK = 4097,
    Twelve345 = 12345,
    Max = long.MaxValue,
    AliasOfSeven = Seven,
}

/// <summary>Six triggers as signed bytes in shuffled order, with negative values and an alias.</summary>
public enum MSByteTrigger : sbyte
{
    Hundred = 100,
    MinusOne = -1,
    Zero = 0,
    MinusHundred = -100,
    Five = 5,
    One = 1,
    AliasOfFive = Five,
}

/// <summary>The context of spec-built machines: the guard flags and a log of actions and published transitions.</summary>
internal sealed class ModelContext
{
    public ModelContext(IEnumerable<bool> flags, int nestedBudget)
    {
        Flags = [.. flags];
        NestedBudget = nestedBudget;
    }

    public bool[] Flags { get; }

    /// <summary>Actions append here; subscribers append <see cref="LogEntry.Published(TransitionRecord)"/>. Thread-safe so that a torn firing shows up as a wrong history, not as a corrupted list.</summary>
    public ConcurrentQueue<LogEntry> Log { get; } = new();

    /// <summary>How many nested fires actions and the subscriber rule may still issue (reset before each top-level Fire).</summary>
    public int NestedBudget { get; set; }

    /// <summary>Fires a trigger (ordinal) on the machine this context belongs to; set by the harness.</summary>
    public Action<int>? FireNested { get; set; }
}

/// <summary>A spec built into the engine: the definition and the typed triggers to fire its parameterised triggers with.</summary>
internal sealed record BuiltSpec<TState, TTrigger>(
    MachineSpec Spec,
    StateMachineDefinition<TState, TTrigger, ModelContext> Definition,
    TriggerWithParameters<TTrigger, int>?[] TypedTriggers)
    where TState : struct, Enum
    where TTrigger : struct, Enum;

/// <summary>How a top-level Fire ended on the engine.</summary>
internal sealed record EngineOutcome(Exception? Exception, bool CompletedSynchronously)
{
    public override string ToString() =>
        Exception is null ? "completed" : $"{Exception.GetType().Name}: {Exception.Message}";
}

/// <summary>
/// Builds a <see cref="MachineSpec"/> into the real engine through the public builder API, for any
/// enum pair with as many distinct values as the spec has states and triggers.
/// </summary>
internal static class EngineHarness<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>The distinct state values in Enum.GetValues order: ordinal i of a spec is States[i].</summary>
    public static readonly TState[] States = Enum.GetValues<TState>().Distinct().ToArray();

    /// <summary>The distinct trigger values in Enum.GetValues order: ordinal j of a spec is Triggers[j].</summary>
    public static readonly TTrigger[] Triggers = Enum.GetValues<TTrigger>().Distinct().ToArray();

    public static int StateOrdinal(TState state) => Array.IndexOf(States, state);

    public static int TriggerOrdinal(TTrigger trigger) => Array.IndexOf(Triggers, trigger);

    // Parameterised triggers declared on another builder with a signature this definition never
    // uses for that trigger: firing them is always an ArgumentException (section 9).
    private static readonly TriggerWithParameters<TTrigger, string>[] s_wrongForTyped = WrongParameters<string>();
    private static readonly TriggerWithParameters<TTrigger, int>[] s_wrongForUntyped = WrongParameters<int>();

    public static TransitionRecord ToRecord(Transition<TState, TTrigger> transition) =>
        new(StateOrdinal(transition.Source), StateOrdinal(transition.Destination), TriggerOrdinal(transition.Trigger), transition.IsReentry);

    /// <summary>Configures every state of the spec on a new builder, in the spec's registration order.</summary>
    public static StateMachineBuilder<TState, TTrigger, ModelContext> Configure(
        MachineSpec spec, TState undefinedState, out TriggerWithParameters<TTrigger, int>?[] typed)
    {
        if (States.Length != spec.StateCount || Triggers.Length != spec.TriggerCount)
        {
            throw new ArgumentException($"{typeof(TState).Name}/{typeof(TTrigger).Name} do not have {spec.StateCount} states and {spec.TriggerCount} triggers.", nameof(spec));
        }

        var builder = new StateMachineBuilder<TState, TTrigger, ModelContext>();
        typed = new TriggerWithParameters<TTrigger, int>?[spec.TriggerCount];
        for (int t = 0; t < spec.TriggerCount; t++)
        {
            if (spec.IsTyped(t))
            {
                typed[t] = builder.SetTriggerParameters<int>(Triggers[t]);
            }
        }

        for (int s = 0; s < spec.StateCount; s++)
        {
            var state = spec.States[s];
            if (state.IsEmpty)
            {
                continue;
            }

            var configuration = builder.Configure(States[s]);
            if (state.Parent >= 0)
            {
                configuration.SubstateOf(States[state.Parent]);
            }

            if (state.InitialChild >= 0)
            {
                configuration.InitialTransition(States[state.InitialChild]);
            }

            foreach (var behaviour in state.Behaviours)
            {
                AddBehaviour(configuration, behaviour, undefinedState, typed);
            }

            foreach (var action in state.EntryActions)
            {
                if (action.Kind == ActionKindSpec.EntryFrom && action.ReadsArg)
                {
                    configuration.OnEntryFrom(typed[action.FromTrigger]!, MakeArgsAction(action), $"a{action.Id}");
                }
                else if (action.Kind == ActionKindSpec.EntryFrom)
                {
                    configuration.OnEntryFrom(Triggers[action.FromTrigger], MakeAction(action), $"a{action.Id}");
                }
                else if (action.ContextOnly)
                {
                    configuration.OnEntry(MakeContextOnlyAction(action), $"a{action.Id}");
                }
                else
                {
                    configuration.OnEntry(MakeAction(action), $"a{action.Id}");
                }
            }

            foreach (var action in state.ExitActions)
            {
                if (action.ContextOnly)
                {
                    configuration.OnExit(MakeContextOnlyAction(action), $"a{action.Id}");
                }
                else
                {
                    configuration.OnExit(MakeAction(action), $"a{action.Id}");
                }
            }
        }

        return builder;
    }

    public static BuiltSpec<TState, TTrigger> Build(MachineSpec spec, TState undefinedState)
    {
        var definition = Configure(spec, undefinedState, out var typed).Build(States[spec.InitialState]);
        return new BuiltSpec<TState, TTrigger>(spec, definition, typed);
    }

    /// <summary>
    /// Creates an instance as the spec says (CreateMachine or Rehydrate), wires nested firing and
    /// subscribes an observer that logs every published transition and applies the spec's subscriber rule.
    /// </summary>
    public static StateMachine<TState, TTrigger, ModelContext> CreateInstance(BuiltSpec<TState, TTrigger> built)
    {
        var spec = built.Spec;
        var context = new ModelContext(spec.InitialFlags, spec.NestedBudget);
        var machine = spec.RehydrateAt >= 0
            ? built.Definition.Rehydrate(context, States[spec.RehydrateAt])
            : built.Definition.CreateMachine(context);
        context.FireNested = trigger =>
        {
            if (built.TypedTriggers[trigger] is { } typedTrigger)
            {
                machine.Fire(typedTrigger, SpecGenerator.NestedArg);
            }
            else
            {
                machine.Fire(Triggers[trigger]);
            }
        };
        machine.Transitions.Subscribe(new LoggingObserver(context, spec.Rule));
        return machine;
    }

    /// <summary>Applies a test step to the engine; firings are top-level (the nested-fire budget is reset first).</summary>
    public static EngineOutcome Apply(BuiltSpec<TState, TTrigger> built, StateMachine<TState, TTrigger, ModelContext> machine, ModelStep step)
    {
        int t = step.Value;
        var typed = built.TypedTriggers[t];
        machine.Context.NestedBudget = built.Spec.NestedBudget;
        switch (step.Kind)
        {
            case StepKind.Flip:
                machine.Context.Flags[t] = !machine.Context.Flags[t];
                return new EngineOutcome(null, true);
            case StepKind.FireAsync:
                return FireAsync(typed is null ? machine.FireAsync(Triggers[t]) : machine.FireAsync(typed, step.Arg));
            case StepKind.FireWithoutArgs:
                return Capture(() => machine.Fire(Triggers[t]));
            case StepKind.FireWrongParameters when typed is null:
                return Capture(() => machine.Fire(s_wrongForUntyped[t], step.Arg));
            case StepKind.FireWrongParameters:
                return Capture(() => machine.Fire(s_wrongForTyped[t], "wrong"));
            default:
                return Capture(() =>
                {
                    if (typed is null)
                    {
                        machine.Fire(Triggers[t]);
                    }
                    else
                    {
                        machine.Fire(typed, step.Arg);
                    }
                });
        }
    }

    /// <summary>A top-level Fire of a trigger (with <see cref="SpecGenerator.NestedArg"/> if parameterised).</summary>
    public static EngineOutcome Fire(BuiltSpec<TState, TTrigger> built, StateMachine<TState, TTrigger, ModelContext> machine, int trigger, bool viaAsync) =>
        Apply(built, machine, new ModelStep(viaAsync ? StepKind.FireAsync : StepKind.Fire, trigger, SpecGenerator.NestedArg));

    private static EngineOutcome Capture(Action fire)
    {
        try
        {
            fire();
            return new EngineOutcome(null, true);
        }
        catch (Exception exception)
        {
            return new EngineOutcome(exception, true);
        }
    }

    /// <summary>FireAsync on a definition without async actions must complete synchronously; errors come back in the ValueTask.</summary>
    private static EngineOutcome FireAsync(ValueTask pending)
    {
        if (!pending.IsCompleted)
        {
            return new EngineOutcome(new InvalidOperationException("FireAsync on a definition without async actions did not complete synchronously."), false);
        }

        if (pending.IsCompletedSuccessfully)
        {
            return new EngineOutcome(null, true);
        }

        var task = pending.AsTask();
        return new EngineOutcome(task.Exception?.InnerException ?? new InvalidOperationException("FireAsync was cancelled."), true);
    }

    private static void AddBehaviour(
        StateConfiguration<TState, TTrigger, ModelContext> configuration, BehaviourSpec behaviour, TState undefinedState, TriggerWithParameters<TTrigger, int>?[] typed)
    {
        var trigger = Triggers[behaviour.Trigger];
        var guard = behaviour.Guard is { } spec ? MakeGuard(spec) : null;
        string? description = behaviour.Guard?.Description;
        switch (behaviour.Kind)
        {
            case BehaviourKindSpec.Permit when guard is null:
                configuration.Permit(trigger, States[behaviour.Destination]);
                break;
            case BehaviourKindSpec.Permit when behaviour.Guard!.Typed:
                configuration.PermitIf(typed[behaviour.Trigger]!, States[behaviour.Destination], MakeArgsGuard(behaviour.Guard), description);
                break;
            case BehaviourKindSpec.Permit:
                configuration.PermitIf(trigger, States[behaviour.Destination], guard, description);
                break;
            case BehaviourKindSpec.Reentry when guard is null:
                configuration.PermitReentry(trigger);
                break;
            case BehaviourKindSpec.Reentry:
                configuration.PermitReentryIf(trigger, guard, description);
                break;
            case BehaviourKindSpec.Ignore when guard is null:
                configuration.Ignore(trigger);
                break;
            case BehaviourKindSpec.Ignore:
                configuration.IgnoreIf(trigger, guard, description);
                break;
            case BehaviourKindSpec.Internal when guard is null && behaviour.Action!.ReadsArg:
                configuration.InternalTransition(typed[behaviour.Trigger]!, MakeArgsAction(behaviour.Action));
                break;
            case BehaviourKindSpec.Internal when guard is null:
                configuration.InternalTransition(trigger, MakeAction(behaviour.Action!));
                break;
            case BehaviourKindSpec.Internal:
                configuration.InternalTransitionIf(trigger, guard, MakeAction(behaviour.Action!), description);
                break;
            case BehaviourKindSpec.Dynamic when behaviour.Dynamic!.UsesArg:
                var argsDynamic = behaviour.Dynamic;
                configuration.PermitDynamic(
                    typed[behaviour.Trigger]!,
                    (context, arg) => ToState(argsDynamic.Select(context.Flags, arg), undefinedState),
                    PossibleDestinations(argsDynamic),
                    argsDynamic.ToString());
                break;
            case BehaviourKindSpec.Dynamic:
                var dynamic = behaviour.Dynamic;
                configuration.PermitDynamic(
                    trigger,
                    context => ToState(dynamic.Select(context.Flags, -1), undefinedState),
                    PossibleDestinations(dynamic),
                    dynamic.ToString());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(behaviour), behaviour.Kind, "unknown behaviour kind");
        }
    }

    private static TState ToState(int choice, TState undefinedState) => choice == DynamicSpec.Undefined ? undefinedState : States[choice];

    private static TState[]? PossibleDestinations(DynamicSpec dynamic) =>
        dynamic.DeclarePossibleDestinations ? dynamic.Choices.Where(c => c >= 0).Distinct().Select(c => States[c]).ToArray() : null;

    private static TriggerWithParameters<TTrigger, T>[] WrongParameters<T>()
    {
        var builder = new StateMachineBuilder<TState, TTrigger, ModelContext>();
        return Triggers.Select(builder.SetTriggerParameters<T>).ToArray();
    }

    // A new closure per behaviour, so no two behaviours ever share a guard delegate.
    private static Func<ModelContext, bool> MakeGuard(GuardSpec guard) => context => guard.Passes(context.Flags, null);

    private static Func<ModelContext, int, bool> MakeArgsGuard(GuardSpec guard) => (context, arg) => guard.Passes(context.Flags, arg);

    private static Action<ModelContext, Transition<TState, TTrigger>> MakeAction(ActionSpec action) =>
        (context, transition) => Run(action, context, ToRecord(transition), null);

    private static Action<ModelContext, int, Transition<TState, TTrigger>> MakeArgsAction(ActionSpec action) =>
        (context, arg, transition) => Run(action, context, ToRecord(transition), arg);

    private static Action<ModelContext> MakeContextOnlyAction(ActionSpec action) =>
        context => Run(action, context, null, null);

    private static void Run(ActionSpec action, ModelContext context, TransitionRecord? transition, int? arg)
    {
        if (action.ThrowIfFlag is { } throwFlag && context.Flags[throwFlag])
        {
            throw new ModelActionException(action.Id);
        }

        context.Log.Enqueue(new LogEntry(action.Id, action.Kind, action.State, transition, arg));
        if (action.FlipFlag is { } flag)
        {
            context.Flags[flag] = !context.Flags[flag];
        }

        if (action.FireTrigger is { } nested && context.NestedBudget > 0)
        {
            context.NestedBudget--;
            context.FireNested!(nested);
        }
    }

    private sealed class LoggingObserver : IObserver<Transition<TState, TTrigger>>
    {
        private readonly ModelContext _context;
        private readonly SubscriberRule? _rule;

        public LoggingObserver(ModelContext context, SubscriberRule? rule)
        {
            _context = context;
            _rule = rule;
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(Transition<TState, TTrigger> value)
        {
            var record = ToRecord(value);
            _context.Log.Enqueue(LogEntry.Published(record));
            if (_rule is { } rule && rule.Destination == record.Destination && _context.NestedBudget > 0)
            {
                _context.NestedBudget--;
                _context.FireNested!(rule.Trigger);
            }
        }
    }
}
