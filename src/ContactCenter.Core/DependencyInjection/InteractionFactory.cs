using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Interactions;
using ContactCenter.Core.Time;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Creates interactions with the configured <see cref="InteractionOptions"/> on the registered time source; the
/// interactions it creates are measured and logged.
/// </summary>
public sealed class InteractionFactory
{
    private readonly ContactCenterTelemetry _telemetry;

    internal InteractionFactory(InteractionOptions options, ITimeSource time, ContactCenterTelemetry telemetry)
    {
        Options = options with { TimeSource = time };
        _telemetry = telemetry;
    }

    /// <summary>The configured options (<c>ContactCenter:Interactions</c>), with the registered time source.</summary>
    public InteractionOptions Options { get; }

    /// <summary>Creates an interaction with <see cref="Options"/>.</summary>
    /// <param name="spec">Medium, direction, contact, and optional id, data and offer flag.</param>
    /// <returns>The interaction (see <see cref="Interaction.Create"/>).</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="spec"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The spec is invalid.</exception>
    public Interaction Create(InteractionSpec spec) => _telemetry.Follow(Interaction.Create(spec, Options));
}
