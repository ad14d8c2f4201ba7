using Xunit;

namespace ContactCenter.Core.Tests.Diagnostics;

/// <summary>The tests whose meter listeners must not see each other's: they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class MeterListenerGroup
{
    public const string Name = "Meter listeners";
}
