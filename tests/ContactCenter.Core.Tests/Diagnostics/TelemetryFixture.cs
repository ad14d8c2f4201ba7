using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContactCenter.Core.Tests.Diagnostics;

/// <summary>
/// A service provider with ContactCenter.Core, metrics and a capturing logger, in virtual time, and a
/// <see cref="MeterListener"/> that records the measurements of this provider's meter only (other tests running
/// at the same time have meters of their own).
/// </summary>
internal sealed class TelemetryFixture : IDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 9, 0);

    private readonly MeterListener _listener = new();

    public TelemetryFixture(Action<ContactCenterBuilder>? configure = null, bool listen = true)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        var builder = services.AddContactCenter().UseVirtualTime(Start);
        configure?.Invoke(builder);
        Provider = services.BuildServiceProvider();
        Time = Provider.GetRequiredService<VirtualTimeSource>();
        var scope = Provider.GetRequiredService<IMeterFactory>();
        if (listen)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }
    }

    public ServiceProvider Provider { get; }

    public VirtualTimeSource Time { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public ConcurrentQueue<RecordedMeasurement> Measurements { get; } = new();

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Collects the observable instruments and returns their measurements (only those).</summary>
    public List<RecordedMeasurement> Observe(string instrument)
    {
        Measurements.Clear();
        _listener.RecordObservableInstruments();
        return Of(instrument);
    }

    public List<RecordedMeasurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose()
    {
        _listener.Dispose();
        Provider.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        Measurements.Enqueue(new RecordedMeasurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}

internal sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Keeps every log entry written through it.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public List<LogEntry> WithId(int eventId) => Entries.Where(e => e.EventId == eventId).ToList();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    values[pair.Key] = pair.Value?.ToString();
                }
            }

            owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, eventId.Name, formatter(state, exception), values));
        }
    }
}

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string? EventName, string Message, IReadOnlyDictionary<string, string?> Values);
