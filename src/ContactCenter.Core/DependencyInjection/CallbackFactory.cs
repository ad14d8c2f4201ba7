using ContactCenter.Core.Callbacks;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Time;

namespace ContactCenter.Core.DependencyInjection;

/// <summary>
/// Creates callbacks with the configured <see cref="CallbackOptions"/> on the registered time source, and submits them
/// to the registered <see cref="CallbackDispatcher"/>; the callbacks it creates are measured and logged.
/// </summary>
public sealed class CallbackFactory
{
    private readonly ITimeSource _time;
    private readonly ContactCenterTelemetry _telemetry;

    internal CallbackFactory(CallbackOptions options, ITimeSource time, CallbackDispatcher dispatcher, ContactCenterTelemetry telemetry)
    {
        Options = options;
        _time = time;
        Dispatcher = dispatcher;
        _telemetry = telemetry;
    }

    /// <summary>The configured options (<c>ContactCenter:Callbacks</c>).</summary>
    public CallbackOptions Options { get; }

    /// <summary>The registered dispatcher (the same instance the service provider resolves).</summary>
    public CallbackDispatcher Dispatcher { get; }

    /// <summary>Creates a callback with <see cref="Options"/>, not followed by any dispatcher.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The request is invalid.</exception>
    public Callback Create(CallbackRequest request) => _telemetry.Follow(Callback.Create(request, Options, _time));

    /// <summary>Creates a callback (<see cref="Create"/>) and hands it to <see cref="Dispatcher"/>, which queues it when due.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="System.ArgumentException">The request is invalid.</exception>
    /// <exception cref="System.ObjectDisposedException">The dispatcher is disposed (the service provider was).</exception>
    public Callback Submit(CallbackRequest request)
    {
        var callback = Create(request);
        Dispatcher.Add(callback);
        return callback;
    }
}
