using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactCenter.Core.StateMachines;
using Xunit.Sdk;

namespace ContactCenter.Core.Tests.StateMachines.Model;

/// <summary>
/// Runs a <see cref="ModelCase"/> on the real engine and on <see cref="ReferenceMachine"/> in lockstep
/// and compares everything observable after every step; throws <see cref="XunitException"/> with the
/// step, the difference and the trace so far on the first mismatch.
/// </summary>
/// <remarks>
/// Typed queries (CanFire&lt;int&gt;(trigger, arg)) are compared only where the guards do not overlap,
/// unless <c>typedQueriesWithOverlappingGuards</c> is set: the specified semantics say queries take the first
/// passing behaviour without an ambiguity check, and that case has its own property.
/// </remarks>
internal sealed class ModelChecker<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly ModelCase _case;
    private readonly TState _undefinedState;
    private readonly bool _typedQueriesWithOverlappingGuards;
    private readonly List<string> _trace = [];
    private BuiltSpec<TState, TTrigger> _built = null!;
    private StateMachine<TState, TTrigger, ModelContext> _machine = null!;
    private ReferenceMachine _model = null!;

    private ModelChecker(ModelCase testCase, TState undefinedState, bool typedQueriesWithOverlappingGuards)
    {
        _case = testCase;
        _undefinedState = undefinedState;
        _typedQueriesWithOverlappingGuards = typedQueriesWithOverlappingGuards;
    }

    private static TState[] States => EngineHarness<TState, TTrigger>.States;

    private static TTrigger[] Triggers => EngineHarness<TState, TTrigger>.Triggers;

    /// <summary>Checks the case; returns the model's statistics.</summary>
    public static ModelStats Check(ModelCase testCase, TState undefinedState, bool typedQueriesWithOverlappingGuards = false)
    {
        var checker = new ModelChecker<TState, TTrigger>(testCase, undefinedState, typedQueriesWithOverlappingGuards);
        checker.Run();
        return checker._model.Stats;
    }

    private void Run()
    {
        _built = EngineHarness<TState, TTrigger>.Build(_case.Spec, _undefinedState);
        _machine = EngineHarness<TState, TTrigger>.CreateInstance(_built);
        _model = new ReferenceMachine(_case.Spec);
        _trace.Add($"start in S{_model.State}");
        CompareObservables("after creation");

        for (int i = 0; i < _case.Steps.Length; i++)
        {
            var step = _case.Steps[i];
            string where = $"step #{i} ({step})";
            if (step.Kind == StepKind.Flip)
            {
                _model.Apply(step);
                EngineHarness<TState, TTrigger>.Apply(_built, _machine, step);
                _trace.Add($"#{i} {step}");
            }
            else
            {
                int logBefore = _model.Log.Count;
                int stateBefore = _model.State;
                var expected = _model.Apply(step);
                var actual = EngineHarness<TState, TTrigger>.Apply(_built, _machine, step);
                _trace.Add($"#{i} {step} in S{stateBefore}: model {expected}, log += [{string.Join(", ", _model.Log.Skip(logBefore))}], now S{_model.State}; engine {actual}");
                CompareOutcome(where, expected, actual);
            }

            CompareObservables(where);
        }
    }

    private void CompareOutcome(string where, ModelOutcome expected, EngineOutcome actual)
    {
        var exception = actual.Exception;
        switch (expected.Kind)
        {
            case OutcomeKind.Completed:
                Require(exception is null, where, "outcome", expected, actual);
                break;
            case OutcomeKind.Refused:
                if (exception is not UnhandledTriggerException refused)
                {
                    Fail(where, "outcome", expected, actual);
                    return;
                }

                Require(refused.State is TState s && EngineHarness<TState, TTrigger>.StateOrdinal(s) == expected.State, where, "UnhandledTriggerException.State", $"S{expected.State}", refused.State);
                Require(refused.Trigger is TTrigger t && EngineHarness<TState, TTrigger>.TriggerOrdinal(t) == expected.Trigger, where, "UnhandledTriggerException.Trigger", $"T{expected.Trigger}", refused.Trigger);
                var permitted = refused.PermittedTriggers.Select(p => p is TTrigger pt ? EngineHarness<TState, TTrigger>.TriggerOrdinal(pt) : -99).ToList();
                Require(permitted.SequenceEqual(expected.Permitted!), where, "UnhandledTriggerException.PermittedTriggers", FormatTriggers(expected.Permitted!), FormatTriggers(permitted));
                Require(refused.UnmetGuards.SequenceEqual(expected.UnmetGuards!), where, "UnhandledTriggerException.UnmetGuards", string.Join("; ", expected.UnmetGuards!), string.Join("; ", refused.UnmetGuards));
                break;
            case OutcomeKind.Ambiguous:
            case OutcomeKind.UndefinedDestination:
                Require(exception?.GetType() == typeof(InvalidOperationException), where, "outcome", expected, actual);
                break;
            case OutcomeKind.ArgumentError:
                Require(exception?.GetType() == typeof(ArgumentException), where, "outcome", expected, actual);
                break;
            default:
                Require(exception is ModelActionException thrown && thrown.ActionId == expected.ActionId, where, "outcome", expected, actual);
                break;
        }
    }

    private void CompareObservables(string where)
    {
        var machine = _machine;
        var model = _model;

        Require(EngineHarness<TState, TTrigger>.StateOrdinal(machine.State) == model.State, where, "State", $"S{model.State}", machine.State);

        var expectedPermitted = model.PermittedTriggers();
        var permitted = machine.PermittedTriggers.Select(EngineHarness<TState, TTrigger>.TriggerOrdinal).ToList();
        Require(permitted.SequenceEqual(expectedPermitted), where, "PermittedTriggers", FormatTriggers(expectedPermitted), FormatTriggers(permitted));

        Span<TTrigger> buffer = new TTrigger[Triggers.Length];
        bool fits = machine.TryGetPermittedTriggers(buffer, out int written);
        var spanPermitted = new List<int>();
        foreach (var trigger in buffer[..written])
        {
            spanPermitted.Add(EngineHarness<TState, TTrigger>.TriggerOrdinal(trigger));
        }

        Require(fits && spanPermitted.SequenceEqual(expectedPermitted), where, "TryGetPermittedTriggers", FormatTriggers(expectedPermitted), $"{fits} {FormatTriggers(spanPermitted)}");
        if (expectedPermitted.Count > 0)
        {
            Span<TTrigger> small = new TTrigger[expectedPermitted.Count - 1];
            bool smallFits = machine.TryGetPermittedTriggers(small, out int smallWritten);
            Require(!smallFits && smallWritten == 0, where, "TryGetPermittedTriggers with a too-small buffer", "false, 0 written", $"{smallFits}, {smallWritten} written");
        }

        for (int s = 0; s < States.Length; s++)
        {
            Require(machine.IsInState(States[s]) == model.IsInState(s), where, $"IsInState(S{s})", model.IsInState(s), !model.IsInState(s));
        }

        Require(!machine.IsInState(_undefinedState), where, "IsInState(undefined value)", false, true);

        for (int t = 0; t < Triggers.Length; t++)
        {
            bool expected = model.CanFire(t);
            Require(machine.CanFire(Triggers[t]) == expected, where, $"CanFire(T{t})", expected, !expected);
            bool can = machine.CanFire(Triggers[t], out var unmet);
            var expectedUnmet = expected ? [] : model.UnmetGuards(t);
            Require(can == expected && unmet.SequenceEqual(expectedUnmet), where, $"CanFire(T{t}, out unmetGuards)", $"{expected} [{string.Join("; ", expectedUnmet)}]", $"{can} [{string.Join("; ", unmet)}]");
        }

        for (int t = 0; t < Triggers.Length; t++)
        {
            if (_built.TypedTriggers[t] is not { } typed)
            {
                continue;
            }

            for (int arg = 0; arg < SpecGenerator.ArgCount; arg++)
            {
                if (!_typedQueriesWithOverlappingGuards && model.IsAmbiguous(t, arg))
                {
                    continue;
                }

                bool expected = model.CanFire(t, arg);
                string actual;
                try
                {
                    actual = machine.CanFire(typed, arg).ToString();
                }
                catch (InvalidOperationException exception)
                {
                    actual = $"threw {exception.GetType().Name}: {exception.Message}";
                }

                Require(actual == expected.ToString(), where, $"CanFire<int>(T{t}, {arg})", expected, actual);
            }
        }

        Require(machine.Context.Flags.SequenceEqual(model.Flags), where, "context flags", FormatFlags(model.Flags), FormatFlags(machine.Context.Flags));

        var log = machine.Context.Log.ToArray();
        if (!log.SequenceEqual(model.Log))
        {
            int first = Enumerable.Range(0, Math.Max(log.Length, model.Log.Count))
                .First(i => i >= log.Length || i >= model.Log.Count || log[i] != model.Log[i]);
            Fail(
                where,
                $"action/transition log (first difference at entry {first})",
                Environment.NewLine + "    " + string.Join(Environment.NewLine + "    ", model.Log),
                Environment.NewLine + "    " + string.Join(Environment.NewLine + "    ", log));
        }
    }

    private void Require(bool condition, string where, string what, object? expected, object? actual)
    {
        if (!condition)
        {
            Fail(where, what, expected, actual);
        }
    }

    private void Fail(string where, string what, object? expected, object? actual)
    {
        var message = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Engine and reference model disagree at {where} on {what}.")
            .AppendLine(CultureInfo.InvariantCulture, $"  model (specified semantics): {expected}")
            .AppendLine(CultureInfo.InvariantCulture, $"  engine:                  {actual}")
            .AppendLine("  trace:")
            .AppendLine("    " + string.Join(Environment.NewLine + "    ", _trace));
        throw new XunitException(message.ToString());
    }

    private static string FormatTriggers(IEnumerable<int> triggers) => "[" + string.Join(",", triggers.Select(t => $"T{t}")) + "]";

    private static string FormatFlags(IEnumerable<bool> flags) => string.Join(" ", flags.Select((f, i) => $"f{i}={(f ? 1 : 0)}"));
}
