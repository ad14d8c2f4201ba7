using System;
using System.Runtime.CompilerServices;

namespace ContactCenter.Core.Diagnostics;

/// <summary>Told of every command an aggregate refuses (for logging and metrics).</summary>
internal interface IRefusalObserver
{
    void Refused(Exception refusal);
}

/// <summary>
/// The one-line hook through which aggregates report refused commands: <c>throw RefusalHook.Report(this, new ...)</c>.
/// Aggregates created through the dependency-injection factories are attached to their service provider's
/// telemetry; the others are not observed, and a report costs one table look-up on the refusal path only.
/// </summary>
internal static class RefusalHook
{
    private static readonly ConditionalWeakTable<object, IRefusalObserver> s_observers = new();

    public static void Attach(object aggregate, IRefusalObserver observer)
    {
        s_observers.Remove(aggregate);
        s_observers.Add(aggregate, observer);
    }

    /// <summary>Reports <paramref name="refusal"/> to the observer of <paramref name="aggregate"/>, if any, and returns it for throwing.</summary>
    public static T Report<T>(object aggregate, T refusal)
        where T : Exception
    {
        if (s_observers.TryGetValue(aggregate, out var observer))
        {
            try
            {
                observer.Refused(refusal);
            }
#pragma warning disable CA1031 // Observing a refusal must never change what the caller sees.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        return refusal;
    }
}
