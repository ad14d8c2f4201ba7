using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ContactCenter.Core.Tests.StateMachines.Model;

// A state-machine specification as plain data, independent of the engine and of any enum type.
// States, triggers and flags are ordinals (S0.., T0.., f0..); the engine harness maps them to the
// values of a concrete enum pair. The same spec is built into the real engine and interpreted by
// ReferenceMachine, and its ToString is what a failing property prints as its counterexample.

/// <summary>What a behaviour does with its trigger.</summary>
internal enum BehaviourKindSpec
{
    /// <summary>Permit / PermitIf: move to <see cref="BehaviourSpec.Destination"/>.</summary>
    Permit,

    /// <summary>PermitReentry / PermitReentryIf: exit and re-enter the owning state.</summary>
    Reentry,

    /// <summary>PermitDynamic: move to the state chosen by <see cref="BehaviourSpec.Dynamic"/> (never guarded).</summary>
    Dynamic,

    /// <summary>Ignore / IgnoreIf.</summary>
    Ignore,

    /// <summary>InternalTransition / InternalTransitionIf, running <see cref="BehaviourSpec.Action"/>.</summary>
    Internal,
}

/// <summary>Where an action is registered.</summary>
internal enum ActionKindSpec
{
    /// <summary>OnEntry.</summary>
    Entry,

    /// <summary>OnEntryFrom(trigger).</summary>
    EntryFrom,

    /// <summary>OnExit.</summary>
    Exit,

    /// <summary>The action of an internal transition.</summary>
    Internal,
}

/// <summary>One literal of a guard: flag <see cref="Flag"/> must equal <see cref="Value"/>.</summary>
internal readonly record struct Literal(int Flag, bool Value)
{
    public override string ToString() => Value ? $"f{Flag}" : $"!f{Flag}";
}

/// <summary>A literal on the (int) argument of a parameterised trigger.</summary>
internal readonly record struct ArgLiteral(int Value, bool Equal)
{
    public override string ToString() => Equal ? $"arg=={Value}" : $"arg!={Value}";
}

/// <summary>
/// A guard: a conjunction of flag literals (empty = always true). A <see cref="Typed"/> guard is
/// registered through the typed API (PermitIf&lt;int&gt;), so it "reads the trigger argument" even
/// without an <see cref="Arg"/> literal; queries made without arguments take it as satisfied.
/// </summary>
internal sealed record GuardSpec(ImmutableArray<Literal> Literals, bool Typed = false, ArgLiteral? Arg = null)
{
    /// <summary>The guard description given to the builder, and expected in UnmetGuards.</summary>
    public string Description
    {
        get
        {
            var parts = Literals.Select(l => l.ToString()).Concat(Arg is { } a ? [a.ToString()] : []).ToList();
            string text = parts.Count == 0 ? "true" : string.Join("&", parts);
            return Typed ? $"typed({text})" : text;
        }
    }

    /// <summary>Evaluates the guard; <paramref name="arg"/> null means "arguments not known" (queries).</summary>
    public bool Passes(IReadOnlyList<bool> flags, int? arg)
    {
        if (Typed && arg is null)
        {
            return true;
        }

        return Literals.All(l => flags[l.Flag] == l.Value) && (Arg is not { } a || (arg == a.Value) == a.Equal);
    }

    public GuardSpec Untyped() => this with { Typed = false, Arg = null };

    public override string ToString() => Description;
}

/// <summary>
/// The selector of a dynamic transition: returns <c>Choices[(fA ? 1 : 0) + (fB ? 2 : 0)]</c>, or with
/// <see cref="UsesArg"/> (a typed PermitDynamic&lt;int&gt;) <c>Choices[(fA ? 1 : 0) + (arg is odd ? 2 : 0)]</c>;
/// a choice of -1 is an undefined enum value.
/// </summary>
internal sealed record DynamicSpec(int FlagA, int FlagB, ImmutableArray<int> Choices, bool DeclarePossibleDestinations, bool UsesArg = false)
{
    public const int Undefined = -1;

    public int Select(IReadOnlyList<bool> flags, int arg) =>
        Choices[(flags[FlagA] ? 1 : 0) + (UsesArg ? (arg % 2 == 1 ? 2 : 0) : (flags[FlagB] ? 2 : 0))];

    public override string ToString() =>
        $"by (f{FlagA},{(UsesArg ? "odd arg" : $"f{FlagB}")}) -> [{string.Join(", ", Choices.Select(c => c == Undefined ? "undefined" : $"S{c}"))}]";
}

/// <summary>
/// An action. When it runs: if <see cref="ThrowIfFlag"/> is set and that flag is true it throws
/// <see cref="ModelActionException"/> (logging nothing); otherwise it appends a <see cref="LogEntry"/>,
/// then flips <see cref="FlipFlag"/>, then (while the context's nested-fire budget lasts) fires
/// <see cref="FireTrigger"/> on its own machine from inside the action (with argument
/// <see cref="SpecGenerator.NestedArg"/> if that trigger is parameterised). <see cref="ReadsArg"/>
/// actions are registered through the typed API (OnEntryFrom&lt;int&gt;, InternalTransition&lt;int&gt;)
/// and log the trigger argument.
/// </summary>
internal sealed record ActionSpec(
    int Id,
    ActionKindSpec Kind,
    int State,
    int FromTrigger,
    bool ContextOnly,
    int? FlipFlag,
    int? FireTrigger,
    int? ThrowIfFlag,
    bool ReadsArg = false)
{
    public bool HasEffects => FlipFlag is not null || FireTrigger is not null || ThrowIfFlag is not null;

    public ActionSpec WithoutEffects() => this with { FlipFlag = null, FireTrigger = null, ThrowIfFlag = null };

    public override string ToString()
    {
        var text = new StringBuilder($"a{Id}");
        if (Kind == ActionKindSpec.EntryFrom)
        {
            text.Append(CultureInfo.InvariantCulture, $" from T{FromTrigger}");
        }

        if (ReadsArg)
        {
            text.Append(" (typed, reads arg)");
        }

        if (ContextOnly)
        {
            text.Append(" (context-only overload)");
        }

        var effects = new List<string>();
        if (ThrowIfFlag is { } t)
        {
            effects.Add($"throw if f{t}");
        }

        if (FlipFlag is { } f)
        {
            effects.Add($"flip f{f}");
        }

        if (FireTrigger is { } u)
        {
            effects.Add($"fire T{u}");
        }

        if (effects.Count > 0)
        {
            text.Append(" {").Append(string.Join(", ", effects)).Append('}');
        }

        return text.ToString();
    }
}

/// <summary>One configured behaviour of a state, in registration order.</summary>
internal sealed record BehaviourSpec(
    BehaviourKindSpec Kind,
    int Trigger,
    int Destination,
    GuardSpec? Guard,
    DynamicSpec? Dynamic,
    ActionSpec? Action)
{
    public override string ToString()
    {
        string when = Guard is null ? string.Empty : $" when {Guard}";
        return Kind switch
        {
            BehaviourKindSpec.Permit => $"T{Trigger}: Permit{(Guard is null ? string.Empty : "If")} -> S{Destination}{when}",
            BehaviourKindSpec.Reentry => $"T{Trigger}: PermitReentry{(Guard is null ? string.Empty : "If")}{when}",
            BehaviourKindSpec.Dynamic => $"T{Trigger}: PermitDynamic{(Dynamic!.UsesArg ? "<int>" : string.Empty)} {Dynamic}",
            BehaviourKindSpec.Ignore => $"T{Trigger}: Ignore{(Guard is null ? string.Empty : "If")}{when}",
            _ => $"T{Trigger}: InternalTransition{(Guard is null ? string.Empty : "If")}{(Action!.ReadsArg ? "<int>" : string.Empty)} {Action}{when}",
        };
    }
}

/// <summary>The configuration of one state.</summary>
internal sealed record StateSpec(
    int Parent,
    int InitialChild,
    ImmutableArray<BehaviourSpec> Behaviours,
    ImmutableArray<ActionSpec> EntryActions,
    ImmutableArray<ActionSpec> ExitActions)
{
    public const int None = -1;

    public static StateSpec Empty { get; } = new(None, None, [], [], []);

    public bool IsEmpty => Parent == None && InitialChild == None && Behaviours.IsEmpty && EntryActions.IsEmpty && ExitActions.IsEmpty;
}

/// <summary>A subscriber of the transition stream that fires <see cref="Trigger"/> after each transition whose Destination is <see cref="Destination"/>.</summary>
internal sealed record SubscriberRule(int Destination, int Trigger)
{
    public override string ToString() => $"after a transition to S{Destination}, fire T{Trigger} (re-entrantly, from the subscriber)";
}

/// <summary>A whole definition plus how the instance starts.</summary>
internal sealed record MachineSpec(
    int StateCount,
    int TriggerCount,
    int FlagCount,
    ImmutableArray<StateSpec> States,
    int InitialState,
    int RehydrateAt,
    ImmutableArray<bool> InitialFlags,
    SubscriberRule? Rule,
    int NestedBudget,
    ImmutableArray<bool> TypedTriggers)
{
    /// <summary>Whether trigger <paramref name="trigger"/> is declared with SetTriggerParameters&lt;int&gt;.</summary>
    public bool IsTyped(int trigger) => TypedTriggers[trigger];

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"MachineSpec: {StateCount} states S0..S{StateCount - 1}, {TriggerCount} triggers T0..T{TriggerCount - 1}, {FlagCount} flags (ordinals)").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  Build(S{InitialState}); instance: {(RehydrateAt >= 0 ? $"Rehydrate(S{RehydrateAt})" : "CreateMachine")}").AppendLine();
        text.Append("  initial flags: ").Append(string.Join(" ", InitialFlags.Select((f, i) => $"f{i}={(f ? 1 : 0)}")))
            .Append(CultureInfo.InvariantCulture, $"; nested-fire budget per top-level Fire: {NestedBudget}").AppendLine();
        if (Rule is not null)
        {
            text.Append("  subscriber: ").Append(Rule).AppendLine();
        }

        if (TypedTriggers.Contains(true))
        {
            text.Append("  SetTriggerParameters<int>: ").Append(string.Join(", ", Enumerable.Range(0, TriggerCount).Where(IsTyped).Select(t => $"T{t}"))).AppendLine();
        }

        for (int s = 0; s < States.Length; s++)
        {
            var state = States[s];
            if (state.IsEmpty)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"  S{s}");
            if (state.Parent >= 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" SubstateOf(S{state.Parent})");
            }

            if (state.InitialChild >= 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" InitialTransition(S{state.InitialChild})");
            }

            text.AppendLine();
            foreach (var behaviour in state.Behaviours)
            {
                text.Append("      ").Append(behaviour).AppendLine();
            }

            if (!state.EntryActions.IsEmpty)
            {
                text.Append("      entry: ").Append(string.Join("; ", state.EntryActions)).AppendLine();
            }

            if (!state.ExitActions.IsEmpty)
            {
                text.Append("      exit: ").Append(string.Join("; ", state.ExitActions)).AppendLine();
            }
        }

        return text.ToString();
    }
}

/// <summary>What a test step does.</summary>
internal enum StepKind
{
    /// <summary>machine.Fire(trigger), or Fire&lt;int&gt;(typed trigger, arg) for a parameterised trigger.</summary>
    Fire,

    /// <summary>machine.FireAsync(...) likewise, on a definition without async actions.</summary>
    FireAsync,

    /// <summary>machine.Fire(trigger) without arguments even when the trigger is parameterised (then ArgumentException).</summary>
    FireWithoutArgs,

    /// <summary>machine.Fire with a TriggerWithParameters of the wrong signature (always ArgumentException).</summary>
    FireWrongParameters,

    /// <summary>Flip a guard flag in the context (between firings).</summary>
    Flip,
}

/// <summary>One step of a test sequence (<see cref="Arg"/> is the argument of a parameterised trigger; -1 for the others).</summary>
internal readonly record struct ModelStep(StepKind Kind, int Value, int Arg = 0)
{
    public override string ToString() => Kind switch
    {
        StepKind.Fire => Arg < 0 ? $"T{Value}" : $"T{Value}(arg {Arg})",
        StepKind.FireAsync => Arg < 0 ? $"T{Value}(async)" : $"T{Value}(arg {Arg}, async)",
        StepKind.FireWithoutArgs => $"T{Value}(no args)",
        StepKind.FireWrongParameters => $"T{Value}(wrong TriggerWithParameters)",
        _ => $"flip f{Value}",
    };
}

/// <summary>A generated test case: a spec and the steps to run against it.</summary>
internal sealed record ModelCase(MachineSpec Spec, ImmutableArray<ModelStep> Steps)
{
    public override string ToString() =>
        Environment.NewLine + Spec + $"  steps ({Steps.Length}): " + string.Join(", ", Steps) + Environment.NewLine;
}

/// <summary>A transition as ordinals.</summary>
internal readonly record struct TransitionRecord(int Source, int Destination, int Trigger, bool IsReentry)
{
    public override string ToString() => $"S{Source} --T{Trigger}--> S{Destination}{(IsReentry ? " (reentry)" : string.Empty)}";
}

/// <summary>
/// One entry of the context's log: an action that ran (with the transition it received, null for the
/// context-only overloads), or <see cref="PublishedId"/> for a transition the subscriber received.
/// </summary>
internal readonly record struct LogEntry(int ActionId, ActionKindSpec Kind, int State, TransitionRecord? Transition, int? Arg = null)
{
    public const int PublishedId = -1;

    public static LogEntry Published(TransitionRecord transition) => new(PublishedId, ActionKindSpec.Internal, transition.Destination, transition);

    public bool IsPublished => ActionId == PublishedId;

    public override string ToString()
    {
        if (IsPublished)
        {
            return $"published {Transition}";
        }

        string kind = Kind switch
        {
            ActionKindSpec.Entry => "entry",
            ActionKindSpec.EntryFrom => "entryFrom",
            ActionKindSpec.Exit => "exit",
            _ => "internal",
        };
        return $"{kind} S{State} a{ActionId}{(Transition is { } t ? $" [{t}]" : string.Empty)}{(Arg is { } arg ? $" arg={arg}" : string.Empty)}";
    }
}

/// <summary>Thrown by a spec action whose throw-flag is set.</summary>
public sealed class ModelActionException : Exception
{
    public ModelActionException()
    {
    }

    public ModelActionException(string message)
        : base(message)
    {
    }

    public ModelActionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelActionException(int actionId)
        : base($"action a{actionId} throws")
    {
        ActionId = actionId;
    }

    public int ActionId { get; } = -1;
}
