using System;

namespace ContactCenter.Core.Persistence;

/// <summary>What went wrong with a store (see <see cref="StoreException.Failure"/>).</summary>
public enum StoreFailure
{
    /// <summary>The store could not be reached or the write could not be completed (I/O error, lost connection, timeout).</summary>
    Unavailable,

    /// <summary>The disk (or the database's size limit) is full: the write was refused and nothing was written.</summary>
    Full,

    /// <summary>The database file is damaged (not a database, or failing its integrity check). Nothing was changed.</summary>
    Corrupt,

    /// <summary>The database is a valid database of another application: the store does not touch it.</summary>
    NotOurs,

    /// <summary>The database was created or migrated by a newer version of the store, whose schema this version cannot read.</summary>
    NewerSchema,

    /// <summary>The database is busy (locked by another process) for longer than the store waits.</summary>
    Busy,
}

/// <summary>
/// A store refused or failed an operation for a reason other than a concurrency conflict: see <see cref="Failure"/>.
/// The operation was not acknowledged; what was acknowledged before is intact.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="message">A sentence saying what went wrong, where, and what to do.</param>
    /// <param name="innerException">The driver's exception, when there is one.</param>
    public StoreException(StoreFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    /// <summary>What went wrong.</summary>
    public StoreFailure Failure { get; }
}
