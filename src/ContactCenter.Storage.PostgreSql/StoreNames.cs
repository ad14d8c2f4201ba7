using System;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>The aggregate names the conflict exceptions carry (the same in every store) and the paging check.</summary>
internal static class StoreNames
{
    internal const string Callback = "callback";
    internal const string Campaign = "campaign";
    internal const string Record = "calling record";
    internal const string Interaction = "interaction";

    internal static void CheckPage(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
    }
}
