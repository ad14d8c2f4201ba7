using System;
using System.Collections.Generic;

namespace ContactCenter.Samples.AgentDesktop;

/// <summary>
/// A desktop request the engine never saw: an unknown command, a missing argument, a simulation step that does not
/// apply now, or a slot that cannot be booked. Answered with <see cref="StatusCode"/> and a <see cref="CommandRefusal"/>.
/// </summary>
public sealed class DeskCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status: 400 (bad argument), 404 (unknown command) or 409 (not now).</param>
    /// <param name="scope">The scope of the command.</param>
    /// <param name="command">The command.</param>
    /// <param name="message">Why.</param>
    /// <param name="permitted">The commands permitted now, when known.</param>
    public DeskCommandException(int statusCode, string scope, string command, string message, IReadOnlyList<string>? permitted = null)
        : base(message)
    {
        StatusCode = statusCode;
        Refusal = new CommandRefusal(scope, command, message, permitted ?? []);
    }

    /// <summary>Creates the exception (for serializers and analyzers; prefer the detailed constructor).</summary>
    public DeskCommandException()
        : this(400, "desk", "unknown", "The request was refused.")
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers; prefer the detailed constructor).</summary>
    /// <param name="message">Why.</param>
    public DeskCommandException(string message)
        : this(400, "desk", "unknown", message)
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers; prefer the detailed constructor).</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public DeskCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Refusal = new CommandRefusal("desk", "unknown", message, []);
    }

    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The answer's body.</summary>
    public CommandRefusal Refusal { get; }
}
