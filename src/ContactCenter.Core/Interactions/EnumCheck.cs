using System;
using ContactCenter.Core.StateMachines;

namespace ContactCenter.Core.Interactions;

/// <summary>Enum checks that compile on every target framework.</summary>
internal static class EnumCheck
{
    /// <summary>Whether <paramref name="value"/> is a named value of <typeparamref name="T"/> (a table look-up, as <c>Enum.IsDefined</c> answers).</summary>
    public static bool IsDefined<T>(T value)
        where T : struct, Enum =>
        EnumIndex<T>.Instance.IndexOf(value) >= 0;
}
