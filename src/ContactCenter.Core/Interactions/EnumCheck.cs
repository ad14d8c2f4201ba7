using System;

namespace ContactCenter.Core.Interactions;

/// <summary>Enum checks that compile on every target framework.</summary>
internal static class EnumCheck
{
    public static bool IsDefined<T>(T value)
        where T : struct, Enum =>
#if NET5_0_OR_GREATER
        Enum.IsDefined(value);
#else
        Enum.IsDefined(typeof(T), value);
#endif
}
