using System;

namespace ContactCenter.Core.Persistence;

/// <summary>
/// A write named a version of an aggregate that is no longer the stored one (someone else saved it meanwhile), or added
/// an aggregate that already exists (<see cref="ExpectedVersion"/> 0), or saved one that does not exist
/// (<see cref="ActualVersion"/> 0). Nothing was written.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="aggregate">The kind of aggregate ("callback", "calling record", "campaign", "interaction").</param>
    /// <param name="id">The aggregate's id, as text.</param>
    /// <param name="expectedVersion">The version the write named (0 for an insert).</param>
    /// <param name="actualVersion">The version stored now (0 when none is stored).</param>
    public ConcurrencyConflictException(string aggregate, string id, long expectedVersion, long actualVersion)
        : base(Describe(aggregate, id, expectedVersion, actualVersion))
    {
        Aggregate = aggregate;
        AggregateId = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The kind of aggregate.</summary>
    public string Aggregate { get; }

    /// <summary>The aggregate's id, as text.</summary>
    public string AggregateId { get; }

    /// <summary>The version the write named (0 for an insert).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored when the write was refused (0 when none is stored).</summary>
    public long ActualVersion { get; }

    private static string Describe(string aggregate, string id, long expected, long actual) => (expected, actual) switch
    {
        (0, _) => $"The {aggregate} {id} already exists (version {actual}); nothing was written.",
        (_, 0) => $"The {aggregate} {id} is not stored (expected version {expected}); nothing was written.",
        _ => $"The {aggregate} {id} was changed by someone else: expected version {expected}, stored version {actual}; nothing was written.",
    };
}
