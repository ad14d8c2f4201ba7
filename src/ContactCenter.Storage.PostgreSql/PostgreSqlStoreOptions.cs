using System;
using System.Text.RegularExpressions;

namespace ContactCenter.Storage.PostgreSql;

/// <summary>
/// Where and how a <see cref="PostgreSqlContactCenterStore"/> keeps its data: the connection string
/// and the schema that holds the tables (several independent stores may share one database, each
/// in its own schema).
/// </summary>
public sealed record PostgreSqlStoreOptions
{
    /// <summary>The schema used when none is given: <c>contactcenter</c>.</summary>
    public const string DefaultSchema = "contactcenter";

    private static readonly Regex s_schemaName = new("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant);

    private readonly TimeSpan _commandTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates options for a connection string and a schema.</summary>
    /// <param name="connectionString">
    /// An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=cc;Password=…;Database=cc</c>.
    /// </param>
    /// <param name="schema">
    /// The schema holding the tables: lower-case letters, digits and underscores, starting with a
    /// letter or underscore, at most 63 characters.
    /// </param>
    /// <exception cref="ArgumentException">The connection string is empty or the schema name is not allowed.</exception>
    public PostgreSqlStoreOptions(string connectionString, string schema = DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(schema);
        if (connectionString.Trim().Length == 0)
        {
            throw new ArgumentException("The connection string is empty.", nameof(connectionString));
        }

        if (!s_schemaName.IsMatch(schema))
        {
            throw new ArgumentException(
                $"The schema name '{schema}' is not allowed: use lower-case letters, digits and underscores, starting with a letter or an underscore, at most 63 characters.",
                nameof(schema));
        }

        ConnectionString = connectionString;
        Schema = schema;
    }

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The schema holding the tables (created by the store when missing).</summary>
    public string Schema { get; }

    /// <summary>How long one command may run before it is cancelled: 30 seconds by default (whole seconds, rounded up).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan CommandTimeout
    {
        get => _commandTimeout;
        init => _commandTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CommandTimeout), value, "The command timeout must be positive.");
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgreSqlStoreOptions {{ Schema = {Schema} }}";
}
