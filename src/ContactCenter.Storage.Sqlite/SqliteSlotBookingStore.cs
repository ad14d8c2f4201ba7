using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Core.Persistence;
using ContactCenter.Core.Scheduling;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace ContactCenter.Storage.Sqlite;

/// <summary><see cref="ISlotBookingStore"/> on SQLite: the count check and the insert run in one immediate transaction.</summary>
internal sealed class SqliteSlotBookingStore(SqliteDatabase db) : ISlotBookingStore
{
    public Task<SlotReservation> TryReserveAsync(SlotBooking booking, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(booking);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A slot has at least one seat.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        string body = SnapshotJson.Write(booking);
        return Task.FromResult(db.InTransaction(tx =>
        {
            int count = Count(booking.SlotStart, tx);
            using (var exists = db.Command("SELECT 1 FROM bookings WHERE id = $id;", tx))
            {
                exists.Parameters.AddWithValue("$id", booking.Id);
                if (exists.ExecuteScalar() is not null)
                {
                    return new SlotReservation(SlotReservationStatus.DuplicateBookingId, count);
                }
            }

            if (count >= capacity)
            {
                return new SlotReservation(SlotReservationStatus.Full, count);
            }

            using var insert = db.Command("INSERT INTO bookings (id, slot_start, body) VALUES ($id, $start, $body);", tx);
            insert.Parameters.AddWithValue("$id", booking.Id);
            insert.Parameters.AddWithValue("$start", booking.SlotStart.ToUnixTimeTicks());
            insert.Parameters.AddWithValue("$body", body);
            insert.ExecuteNonQuery();
            return new SlotReservation(SlotReservationStatus.Reserved, count + 1);
        }));
    }

    public Task<bool> CancelAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(bookingId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var delete = db.Command("DELETE FROM bookings WHERE id = $id;");
            delete.Parameters.AddWithValue("$id", bookingId);
            return delete.ExecuteNonQuery() == 1;
        }));
    }

    public Task<SlotBooking?> FindAsync(string bookingId, CancellationToken cancellationToken = default)
    {
        ArgumentGuard.NotNull(bookingId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command("SELECT body FROM bookings WHERE id = $id;");
            select.Parameters.AddWithValue("$id", bookingId);
            return select.ExecuteScalar() is string body ? SnapshotJson.ReadBooking(body) : null;
        }));
    }

    public Task<IReadOnlyList<SlotBookingCount>> GetBookedCountsAsync(Interval range, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command("SELECT slot_start, count(*) FROM bookings WHERE slot_start >= $from AND slot_start < $to GROUP BY slot_start ORDER BY slot_start;");
            BindRange(select, range);
            return (IReadOnlyList<SlotBookingCount>)SqliteDatabase.ReadAll(select, reader => new SlotBookingCount(Instant.FromUnixTimeTicks(reader.GetInt64(0)), reader.GetInt32(1)));
        }));
    }

    public Task<IReadOnlyList<SlotBooking>> ListAsync(Interval range, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(db.Run(() =>
        {
            using var select = db.Command("SELECT body FROM bookings WHERE slot_start >= $from AND slot_start < $to ORDER BY slot_start, id;");
            BindRange(select, range);
            return (IReadOnlyList<SlotBooking>)SqliteDatabase.ReadAll(select, reader => SnapshotJson.ReadBooking(reader.GetString(0)));
        }));
    }

    private static void BindRange(SqliteCommand command, Interval range)
    {
        command.Parameters.AddWithValue("$from", range.HasStart ? range.Start.ToUnixTimeTicks() : long.MinValue);
        command.Parameters.AddWithValue("$to", range.HasEnd ? range.End.ToUnixTimeTicks() : long.MaxValue);
    }

    private int Count(Instant slotStart, SqliteTransaction tx)
    {
        using var count = db.Command("SELECT count(*) FROM bookings WHERE slot_start = $start;", tx);
        count.Parameters.AddWithValue("$start", slotStart.ToUnixTimeTicks());
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
