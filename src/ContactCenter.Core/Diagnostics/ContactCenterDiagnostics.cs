namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// The names under which the SDK publishes metrics and traces. Metrics come from one
/// <see cref="System.Diagnostics.Metrics.Meter"/> named <see cref="MeterName"/> per service provider
/// (created through the host's <c>IMeterFactory</c> when it has one); activities come from the
/// <see cref="System.Diagnostics.ActivitySource"/> named <see cref="ActivitySourceName"/>. OpenTelemetry picks
/// them up with <c>AddMeter(ContactCenterDiagnostics.MeterName)</c> and
/// <c>AddSource(ContactCenterDiagnostics.ActivitySourceName)</c>; nothing else is needed.
/// </summary>
public static class ContactCenterDiagnostics
{
    /// <summary>The name of the SDK's meter: <c>ContactCenter.Core</c>.</summary>
    public const string MeterName = "ContactCenter.Core";

    /// <summary>The name of the SDK's activity source: <c>ContactCenter.Core</c>.</summary>
    public const string ActivitySourceName = "ContactCenter.Core";
}
