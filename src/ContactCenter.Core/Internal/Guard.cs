using System;
using System.Runtime.CompilerServices;

namespace ContactCenter.Core.Internal;

/// <summary>Argument checks that compile on every target framework.</summary>
internal static class Guard
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
#if NET6_0_OR_GREATER
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
#else
        return value ?? throw new ArgumentNullException(name);
#endif
    }
}
