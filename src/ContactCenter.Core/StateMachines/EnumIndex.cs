using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ContactCenter.Core.StateMachines;

/// <summary>
/// Maps the defined values of an enum to dense ordinals (0..Count-1) without boxing, so that
/// per-state and per-trigger tables can be plain arrays.
/// </summary>
internal sealed class EnumIndex<TEnum>
    where TEnum : struct, Enum
{
    private const int MaxDenseSpan = 4096;

    private static readonly bool s_signed = IsSigned(Enum.GetUnderlyingType(typeof(TEnum)));

    private readonly int[]? _dense;
    private readonly long _min;
    private readonly Dictionary<TEnum, int>? _sparse;

    private EnumIndex(TEnum[] values)
    {
        Values = values;
        if (values.Length == 0)
        {
            _dense = [];
            return;
        }

        long min = long.MaxValue;
        long max = long.MinValue;
        foreach (var value in values)
        {
            long raw = ToInt64(value);
            min = Math.Min(min, raw);
            max = Math.Max(max, raw);
        }

        ulong span = unchecked((ulong)(max - min));
        if (span < MaxDenseSpan)
        {
            _min = min;
            _dense = new int[span + 1];
            _dense.AsSpan().Fill(-1);
            for (int i = 0; i < values.Length; i++)
            {
                _dense[ToInt64(values[i]) - min] = i;
            }
        }
        else
        {
            _sparse = new Dictionary<TEnum, int>(values.Length);
            for (int i = 0; i < values.Length; i++)
            {
                _sparse[values[i]] = i;
            }
        }
    }

    /// <summary>The shared index of <typeparamref name="TEnum"/>.</summary>
    public static EnumIndex<TEnum> Instance { get; } = Create();

    /// <summary>The distinct defined values, by ordinal, in the order <see cref="Enum.GetValues(Type)"/> returns them (by unsigned magnitude).</summary>
    public TEnum[] Values { get; }

    public int Count => Values.Length;

    /// <summary>The ordinal of <paramref name="value"/>, or -1 when it is not a defined value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(TEnum value)
    {
        if (_dense is { } dense)
        {
            ulong offset = unchecked((ulong)(ToInt64(value) - _min));
            return offset < (ulong)dense.Length ? dense[offset] : -1;
        }

        return _sparse!.TryGetValue(value, out int index) ? index : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long ToInt64(TEnum value)
    {
        switch (Unsafe.SizeOf<TEnum>())
        {
            case 1:
                return s_signed ? Unsafe.As<TEnum, sbyte>(ref value) : Unsafe.As<TEnum, byte>(ref value);
            case 2:
                return s_signed ? Unsafe.As<TEnum, short>(ref value) : Unsafe.As<TEnum, ushort>(ref value);
            case 4:
                return s_signed ? Unsafe.As<TEnum, int>(ref value) : Unsafe.As<TEnum, uint>(ref value);
            default:
                return Unsafe.As<TEnum, long>(ref value);
        }
    }

    private static bool IsSigned(Type underlying) =>
        underlying == typeof(sbyte) || underlying == typeof(short) || underlying == typeof(int) || underlying == typeof(long);

    private static EnumIndex<TEnum> Create()
    {
        #if NET5_0_OR_GREATER
        var all = Enum.GetValues<TEnum>();
#else
        var all = (TEnum[])Enum.GetValues(typeof(TEnum));
#endif
        var distinct = new List<TEnum>(all.Length);
        var seen = new HashSet<TEnum>();
        foreach (var value in all)
        {
            if (seen.Add(value))
            {
                distinct.Add(value);
            }
        }

        // Enum.GetValues sorts by unsigned magnitude; declaration order is not recoverable for
        // aliases, so the ordinal order is the sorted order, which is stable across runs.
        return new EnumIndex<TEnum>(distinct.ToArray());
    }
}
