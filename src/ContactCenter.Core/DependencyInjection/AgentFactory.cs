using ContactCenter.Core.Agents;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Internal;
using ContactCenter.Core.Time;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Creates agents with the configured <see cref="AgentOptions"/> and the registered time source; the agents it creates
/// are measured and logged (see <see cref="ContactCenterInstruments"/> and <see cref="ContactCenterLogEvents"/>).
/// </summary>
public sealed class AgentFactory
{
    private readonly ITimeSource _time;
    private readonly ContactCenterTelemetry _telemetry;

    internal AgentFactory(AgentOptions options, ITimeSource time, ContactCenterTelemetry telemetry)
    {
        Options = options;
        _time = time;
        _telemetry = telemetry;
    }

    /// <summary>The configured options (<c>ContactCenter:Agents</c>).</summary>
    public AgentOptions Options { get; }

    /// <summary>Creates a logged-out agent with <see cref="Options"/>.</summary>
    /// <param name="id">The agent's identifier.</param>
    /// <returns>The agent.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is blank.</exception>
    public Agent Create(string id) => Create(id, Options);

    /// <summary>Creates a logged-out agent with other options than the configured ones (a team with its own reasons...).</summary>
    /// <param name="id">The agent's identifier.</param>
    /// <param name="options">The options; validated.</param>
    /// <returns>The agent.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is blank, or <paramref name="options"/> are invalid.</exception>
    public Agent Create(string id, AgentOptions options) => _telemetry.Follow(new Agent(id, Guard.NotNull(options), _time));
}
