using System.Diagnostics;

namespace ContactCenter.Core.Diagnostics;

/// <summary>The SDK's one <see cref="ActivitySource"/>, <see cref="ContactCenterDiagnostics.ActivitySourceName"/>.</summary>
internal static class CoreActivitySource
{
    public static ActivitySource Instance { get; } = new(ContactCenterDiagnostics.ActivitySourceName, typeof(CoreActivitySource).Assembly.GetName().Version?.ToString());
}
