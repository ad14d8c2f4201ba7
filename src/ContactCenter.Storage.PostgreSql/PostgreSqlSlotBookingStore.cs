using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// <see cref="ISlotBookingStore"/> on PostgreSQL: one counter row per slot start (<c>slot_counts</c>) beside the bookings.
/// A reservation locks the slot's counter row (<c>SELECT … FOR UPDATE</c>), checks the id and the count, inserts the
/// booking and increments the counter in one transaction: reservations of one slot from any number of hosts are
/// serialised on that row, reservations of different slots do not wait for each other, and a slot never holds more than
/// its capacity. A cancellation takes the same counter lock first, so the two never deadlock.
/// </summary>
internal sealed class PostgreSqlSlotBookingStore : ISlotBookingStore
{
    private readonly PostgreSqlDatabase _db;
    private readonly string _ensureSlot;
    private readonly string _lockSlot;
    private readonly string _bookingExists;
    private readonly string _insertBooking;
    private readonly string _increment;
    private readonly string _slotOf;
    private readonly string _deleteBooking;
    private readonly string _decrement;
    private readonly string _find;
    private readonly string _counts;
    private readonly string _list;

    internal PostgreSqlSlotBookingStore(PostgreSqlDatabase db)
    {
        _db = db;
        _ensureSlot = db.Sql("INSERT INTO {schema}.slot_counts (slot_start, booked) VALUES (@slot, 0) ON CONFLICT (slot_start) DO NOTHING");
        _lockSlot = db.Sql("SELECT booked FROM {schema}.slot_counts WHERE slot_start = @slot FOR UPDATE");
        _bookingExists = db.Sql("SELECT EXISTS (SELECT 1 FROM {schema}.bookings WHERE id = @id)");
        _insertBooking = db.Sql("INSERT INTO {schema}.bookings (id, slot_start, booking) VALUES (@id, @slot, @booking)");
        _increment = db.Sql("UPDATE {schema}.slot_counts SET booked = booked + 1 WHERE slot_start = @slot AND booked < @capacity RETURNING booked");
        _slotOf = db.Sql("SELECT slot_start FROM {schema}.bookings WHERE id = @id");
        _deleteBooking = db.Sql("DELETE FROM {schema}.bookings WHERE id = @id AND slot_start = @slot");
        _decrement = db.Sql("UPDATE {schema}.slot_counts SET booked = booked - 1 WHERE slot_start = @slot");
        _find = db.Sql("SELECT booking FROM {schema}.bookings WHERE id = @id");
        _counts = db.Sql("SELECT slot_start, booked FROM {schema}.slot_counts WHERE booked > 0 AND slot_start >= @from AND slot_start < @to ORDER BY slot_start");
        _list = db.Sql("SELECT booking FROM {schema}.bookings WHERE slot_start >= @from AND slot_start < @to ORDER BY slot_start, id");
    }

    /// <inheritdoc />
    public Task<SlotReservation> TryReserveAsync(SlotBooking booking, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A slot has at least one seat.");
        }

        long slot = PostgreSqlDatabase.Floor(booking.SlotStart);
        string json = SnapshotJson.Write(booking);
        return _db.RunAsync(
            async (connection, token) =>
            {
                try
                {
                    return await ReserveAsync(connection, booking.Id, slot, json, capacity, token).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    // The same id reserved concurrently in another slot: that one won, this one wrote nothing.
                    return new SlotReservation(SlotReservationStatus.DuplicateBookingId, await CountAsync(connection, slot, token).ConfigureAwait(false));
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bookingId);
        return _db.InTransactionAsync(
            async (connection, transaction, token) =>
            {
                using var slotOf = new NpgsqlCommand(_slotOf, connection, transaction);
                PostgreSqlDatabase.Add(slotOf, "id", NpgsqlDbType.Text, bookingId);
                if (await slotOf.ExecuteScalarAsync(token).ConfigureAwait(false) is not long slot)
                {
                    return false;
                }

                // Counter first, booking second: the order a reservation takes its locks in.
                using (var lockSlot = new NpgsqlCommand(_lockSlot, connection, transaction))
                {
                    PostgreSqlDatabase.Add(lockSlot, "slot", NpgsqlDbType.Bigint, slot);
                    await lockSlot.ExecuteScalarAsync(token).ConfigureAwait(false);
                }

                using var delete = new NpgsqlCommand(_deleteBooking, connection, transaction);
                PostgreSqlDatabase.Add(delete, "id", NpgsqlDbType.Text, bookingId);
                PostgreSqlDatabase.Add(delete, "slot", NpgsqlDbType.Bigint, slot);
                if (await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false) == 0)
                {
                    return false;
                }

                using var decrement = new NpgsqlCommand(_decrement, connection, transaction);
                PostgreSqlDatabase.Add(decrement, "slot", NpgsqlDbType.Bigint, slot);
                await decrement.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<SlotBooking?> FindAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bookingId);
        return _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_find, connection);
                PostgreSqlDatabase.Add(command, "id", NpgsqlDbType.Text, bookingId);
                return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is string json ? SnapshotJson.ReadBooking(json) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SlotBookingCount>> GetBookedCountsAsync(Interval range, CancellationToken cancellationToken = default) =>
        _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_counts, connection);
                AddRange(command, range);
                return await PostgreSqlDatabase.ReadAllAsync(command, reader => new SlotBookingCount(PostgreSqlDatabase.ToInstant(reader.GetInt64(0)), reader.GetInt32(1)), token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SlotBooking>> ListAsync(Interval range, CancellationToken cancellationToken = default) =>
        _db.RunAsync(
            async (connection, token) =>
            {
                using var command = new NpgsqlCommand(_list, connection);
                AddRange(command, range);
                return await PostgreSqlDatabase.ReadAllAsync(command, reader => SnapshotJson.ReadBooking(reader.GetString(0)), token).ConfigureAwait(false);
            },
            cancellationToken);

    private async Task<SlotReservation> ReserveAsync(NpgsqlConnection connection, string id, long slot, string json, int capacity, CancellationToken token)
    {
        var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var ensure = new NpgsqlCommand(_ensureSlot, connection, transaction))
            {
                PostgreSqlDatabase.Add(ensure, "slot", NpgsqlDbType.Bigint, slot);
                await ensure.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }

            int booked;
            using (var lockSlot = new NpgsqlCommand(_lockSlot, connection, transaction))
            {
                PostgreSqlDatabase.Add(lockSlot, "slot", NpgsqlDbType.Bigint, slot);
                booked = (int)(await lockSlot.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            }

            using (var exists = new NpgsqlCommand(_bookingExists, connection, transaction))
            {
                PostgreSqlDatabase.Add(exists, "id", NpgsqlDbType.Text, id);
                if ((bool)(await exists.ExecuteScalarAsync(token).ConfigureAwait(false))!)
                {
                    return new SlotReservation(SlotReservationStatus.DuplicateBookingId, booked);
                }
            }

            if (booked >= capacity)
            {
                return new SlotReservation(SlotReservationStatus.Full, booked);
            }

            using (var insert = new NpgsqlCommand(_insertBooking, connection, transaction))
            {
                PostgreSqlDatabase.Add(insert, "id", NpgsqlDbType.Text, id);
                PostgreSqlDatabase.Add(insert, "slot", NpgsqlDbType.Bigint, slot);
                PostgreSqlDatabase.Add(insert, "booking", NpgsqlDbType.Text, json);
                await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }

            // The guard in the WHERE clause is a second line of defence: the row lock already makes the count exact.
            using (var increment = new NpgsqlCommand(_increment, connection, transaction))
            {
                PostgreSqlDatabase.Add(increment, "slot", NpgsqlDbType.Bigint, slot);
                PostgreSqlDatabase.Add(increment, "capacity", NpgsqlDbType.Integer, capacity);
                booked = (int)(await increment.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            }

            await transaction.CommitAsync(token).ConfigureAwait(false);
            return new SlotReservation(SlotReservationStatus.Reserved, booked);
        }
    }

    private async Task<int> CountAsync(NpgsqlConnection connection, long slot, CancellationToken token)
    {
        using var command = new NpgsqlCommand(_lockSlot.Replace(" FOR UPDATE", string.Empty, StringComparison.Ordinal), connection);
        PostgreSqlDatabase.Add(command, "slot", NpgsqlDbType.Bigint, slot);
        return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is int count ? count : 0;
    }

    private static void AddRange(NpgsqlCommand command, Interval range)
    {
        PostgreSqlDatabase.Add(command, "from", NpgsqlDbType.Bigint, range.HasStart ? PostgreSqlDatabase.Ceiling(range.Start) : long.MinValue);
        PostgreSqlDatabase.Add(command, "to", NpgsqlDbType.Bigint, range.HasEnd ? PostgreSqlDatabase.Ceiling(range.End) : long.MaxValue);
    }
}
