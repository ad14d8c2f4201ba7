using System.Collections.Generic;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// The schema's migrations, in order: migration n takes the schema from version n - 1 to n. A migration is never edited
/// once released; a change to the schema is a new migration appended here. <c>{schema}</c> stands for the quoted schema.
/// </summary>
/// <remarks>
/// Instants are <c>bigint</c> Unix ticks (100 ns): exact integer comparison and ordering in SQL, the resolution of .NET
/// clocks, and the same columns on every PostgreSQL set-up (no session time zone, no microsecond rounding of
/// <c>timestamptz</c>). The snapshots themselves are the <see cref="Core.Persistence.SnapshotJson"/> text (kept as
/// <c>text</c>, byte for byte, with nanoseconds); the columns beside them are what claims filter and order on.
/// Identifiers that are ordered ordinally use <c>COLLATE "C"</c>, whatever the database's collation. The tables that are
/// updated in place all the time (claims, saves, counters, heartbeats) leave 20 % of each page free
/// (<c>fillfactor = 80</c>), so that an update that changes no indexed column stays on its page (a HOT update) and
/// adds no index entry.
/// </remarks>
internal static class PostgreSqlMigrations
{
    /// <summary>Every table the migrations create (the version table aside).</summary>
    internal static string[] TableNames { get; } = ["bookings", "callbacks", "campaigns", "interactions", "records", "slot_counts"];

    /// <summary>The migrations, oldest first; each is a list of statements run in the migrating transaction.</summary>
    internal static IReadOnlyList<string[]> All { get; } =
    [
        // 1: the first schema.
        [
            """
            CREATE TABLE {schema}.callbacks (
                id            uuid PRIMARY KEY,
                version       bigint NOT NULL CHECK (version > 0),
                state         text NOT NULL,
                is_terminal   boolean NOT NULL,
                due_at        bigint NOT NULL,
                queued_since  bigint NOT NULL,
                claim_owner   text NULL,
                claim_until   bigint NULL,
                snapshot      text NOT NULL,
                CHECK ((claim_owner IS NULL) = (claim_until IS NULL))
            ) WITH (fillfactor = 80)
            """,
            "CREATE INDEX callbacks_open ON {schema}.callbacks (id) WHERE NOT is_terminal",
            "CREATE INDEX callbacks_queue ON {schema}.callbacks (queued_since, id) WHERE state IN ('Scheduled', 'Due', 'Offered')",
            """
            CREATE TABLE {schema}.campaigns (
                id         text COLLATE "C" PRIMARY KEY,
                version    bigint NOT NULL CHECK (version > 0),
                snapshot   text NOT NULL,
                list       text NOT NULL
            )
            """,
            """
            CREATE TABLE {schema}.records (
                campaign_id   text COLLATE "C" NOT NULL REFERENCES {schema}.campaigns (id),
                record_id     text COLLATE "C" NOT NULL,
                position      integer NOT NULL,
                version       bigint NOT NULL CHECK (version > 0),
                state         text NOT NULL,
                retry_at      bigint NULL,
                ticket        bigint NOT NULL,
                claim_owner   text NULL,
                claim_until   bigint NULL,
                snapshot      text NOT NULL,
                PRIMARY KEY (campaign_id, record_id),
                CHECK ((claim_owner IS NULL) = (claim_until IS NULL))
            ) WITH (fillfactor = 80)
            """,
            "CREATE INDEX records_list_order ON {schema}.records (campaign_id, position)",
            "CREATE INDEX records_delivery ON {schema}.records (campaign_id, ticket) WHERE state IN ('Ready', 'Scheduled')",
            """
            CREATE TABLE {schema}.slot_counts (
                slot_start  bigint PRIMARY KEY,
                booked      integer NOT NULL CHECK (booked >= 0)
            ) WITH (fillfactor = 80)
            """,
            """
            CREATE TABLE {schema}.bookings (
                id          text COLLATE "C" PRIMARY KEY,
                slot_start  bigint NOT NULL REFERENCES {schema}.slot_counts (slot_start),
                booking     text NOT NULL
            )
            """,
            "CREATE INDEX bookings_slot ON {schema}.bookings (slot_start, id)",
            """
            CREATE TABLE {schema}.interactions (
                id           uuid PRIMARY KEY,
                version      bigint NOT NULL CHECK (version > 0),
                state        text NOT NULL,
                in_flight    boolean NOT NULL,
                owner_id     text NOT NULL,
                owner_until  bigint NOT NULL,
                updated_at   bigint NOT NULL,
                snapshot     text NOT NULL
            ) WITH (fillfactor = 80)
            """,
            "CREATE INDEX interactions_in_flight ON {schema}.interactions (id) WHERE in_flight",
            "CREATE INDEX interactions_owner ON {schema}.interactions (owner_id) WHERE in_flight",
        ],
    ];
}
