using System;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Benchmarks.StateMachines;

/// <summary>
/// Proves, before any benchmark runs, that <see cref="SwitchCall"/> and the engine's
/// <see cref="PhoneCall"/> definition behave alike: for every state, trigger and guard outcome the
/// same resulting state, entry count, disposition, refusal, CanFire answer and permitted triggers.
/// The ratios in the report are only honest if the baseline does the same work.
/// </summary>
public static class EquivalenceCheck
{
    public static void Run(StateMachineDefinition<CallState, CallTrigger, Call> definition, TriggerWithParameters<CallTrigger, int> complete)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Span<CallTrigger> engineBuffer = stackalloc CallTrigger[definition.Triggers.Count];
        Span<CallTrigger> switchBuffer = stackalloc CallTrigger[definition.Triggers.Count];
        foreach (var state in Enum.GetValues<CallState>())
        {
            foreach (bool agentAvailable in new[] { true, false })
            {
                foreach (bool consultAllowed in new[] { true, false })
                {
                    foreach (var trigger in Enum.GetValues<CallTrigger>())
                    {
                        foreach (int code in new[] { 0, PhoneCall.DispositionCode })
                        {
                            var engineCall = new Call { AgentAvailable = agentAvailable, ConsultAllowed = consultAllowed };
                            var switchCall = new Call { AgentAvailable = agentAvailable, ConsultAllowed = consultAllowed };
                            var engine = definition.Rehydrate(engineCall, state);
                            var baseline = new SwitchCall(switchCall, state);
                            string where = $"state {state}, trigger {trigger}, code {code}, agent {agentAvailable}, consult {consultAllowed}";

                            Same(engine.CanFire(trigger), baseline.CanFire(trigger), "CanFire", where);
                            Same(engine.TryGetPermittedTriggers(engineBuffer, out int engineWritten), baseline.TryGetPermittedTriggers(switchBuffer, out int switchWritten), "TryGetPermittedTriggers", where);
                            Same(string.Join(",", engineBuffer[..engineWritten].ToArray()), string.Join(",", switchBuffer[..switchWritten].ToArray()), "permitted triggers", where);

                            bool engineThrew = Throws(() =>
                            {
                                if (trigger == CallTrigger.Complete)
                                {
                                    engine.Fire(complete, code);
                                }
                                else
                                {
                                    engine.Fire(trigger);
                                }
                            });
                            bool switchThrew = Throws(() =>
                            {
                                if (trigger == CallTrigger.Complete)
                                {
                                    baseline.Complete(code);
                                }
                                else
                                {
                                    baseline.Fire(trigger);
                                }
                            });

                            Same(engineThrew, switchThrew, "refusal", where);
                            Same(engine.State, baseline.State, "state", where);
                            Same(engineCall.Entries, switchCall.Entries, "entries", where);
                            Same(engineCall.Disposition, switchCall.Disposition, "disposition", where);
                        }
                    }
                }
            }
        }
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static void Same<T>(T engine, T baseline, string what, string where)
    {
        if (!Equals(engine, baseline))
        {
            throw new InvalidOperationException($"The switch baseline differs from the engine ({what}: engine {engine}, switch {baseline}) at {where}.");
        }
    }
}
