using System;
using System.Collections.Generic;

namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// One tag's pre-built key/value pairs, one per member of an enum whose values run from 0: recording a
/// measurement with a cached pair boxes nothing and allocates nothing.
/// </summary>
internal sealed class EnumTags
{
    private readonly KeyValuePair<string, object?>[] _tags;

    public EnumTags(string name, Type enumType)
    {
        var values = Enum.GetValues(enumType);
        int max = 0;
        foreach (var value in values)
        {
            max = Math.Max(max, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        _tags = new KeyValuePair<string, object?>[max + 1];
        foreach (var value in values)
        {
            _tags[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = new(name, Enum.GetName(enumType, value));
        }
    }

    /// <summary>The pair for the member whose value is <paramref name="value"/>.</summary>
    public KeyValuePair<string, object?> this[int value] => _tags[value];
}
