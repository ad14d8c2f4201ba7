using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using ContactCenter.Core.DependencyInjection;
using ContactCenter.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Storage.Sqlite;

/// <summary>Registers the embedded SQLite store as the host's store.</summary>
public static class SqliteContactCenterBuilderExtensions
{
    /// <summary>
    /// Keeps the host's callbacks, campaigns, bookings and in-flight interactions in the SQLite file at
    /// <paramref name="path"/> (created with its folder when missing; schema created or migrated when the host starts).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The database file, e.g. <c>SqliteDataFolder.DefaultDatabasePath("MyCentre")</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    public static ContactCenterBuilder UseSqlite(this ContactCenterBuilder builder, string path)
    {
        ArgumentGuard.NotNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("A database path is required.", nameof(path));
        }

        return builder.UseSqlite(o => o.Path = path);
    }

    /// <summary>
    /// Keeps the host's callbacks, campaigns, bookings and in-flight interactions in a SQLite file: the options are bound
    /// from <c>&lt;section&gt;:Storage:Sqlite</c> (<c>ContactCenter:Storage:Sqlite:Path</c>...), then changed by
    /// <paramref name="configure"/>, then validated when the host starts; without a path, the file is
    /// <see cref="SqliteDataFolder.DefaultDatabasePath"/> of the host's application name. The host opens the file when it
    /// starts (a damaged, foreign or newer file fails the start) and disposes it when the service provider is disposed.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options after binding; null for none.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ContactCenterBuilder UseSqlite(this ContactCenterBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentGuard.NotNull(builder);
        var services = builder.Services;
        services.RemoveAll<SqliteStorageRegistration>();
        services.AddSingleton(new SqliteStorageRegistration(builder.ConfigurationSection + ":Storage:Sqlite", configure));
        services.AddOptions<SqliteStorageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<SqliteStorageOptions>, SqliteStorageOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        return builder.UseStore(static (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value;
            return Task.FromResult<IContactCenterStore>(SqliteContactCenterStore.Open(options.Path!, options.ToStoreOptions()));
        });
    }
}

/// <summary>The configuration section and the code changes of <see cref="SqliteContactCenterBuilderExtensions.UseSqlite(ContactCenterBuilder, Action{SqliteStorageOptions}?)"/>.</summary>
internal sealed record SqliteStorageRegistration(string Section, Action<SqliteStorageOptions>? Configure);

/// <summary>Binds <see cref="SqliteStorageOptions"/> from configuration, applies the code changes, then fills the default path.</summary>
internal sealed class SqliteStorageOptionsSetup(IServiceProvider services) : IConfigureOptions<SqliteStorageOptions>
{
    public void Configure(SqliteStorageOptions options)
    {
        var registration = services.GetRequiredService<SqliteStorageRegistration>();
        var section = services.GetService<IConfiguration>()?.GetSection(registration.Section);
        if (section is not null && section.Exists())
        {
            section.Bind(options);
        }

        registration.Configure?.Invoke(options);
        if (string.IsNullOrEmpty(options.Path) && services.GetService<IHostEnvironment>()?.ApplicationName is { Length: > 0 } application)
        {
            try
            {
                options.Path = SqliteDataFolder.DefaultDatabasePath(application);
            }
            catch (ArgumentException)
            {
                // An application name that is not a folder name: the validator asks for a path.
            }
        }
    }
}

/// <summary>Validates <see cref="SqliteStorageOptions"/>, naming each problem by its configuration path.</summary>
internal sealed class SqliteStorageOptionsValidator(IServiceProvider services) : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        string section = services.GetRequiredService<SqliteStorageRegistration>().Section;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{section}:Path is required: the host gives no application name to derive the default data folder from.");
        }
        else if (options.Path!.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{section}:Path is not a usable file path (was '{options.Path}').");
        }
        else if (Directory.Exists(options.Path))
        {
            failures.Add($"{section}:Path must name a file, not a folder (was '{options.Path}'); e.g. {System.IO.Path.Combine(options.Path, SqliteDataFolder.DatabaseFileName)}.");
        }

        if (options.BusyTimeout < TimeSpan.Zero)
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, "{0}:BusyTimeout must not be negative (was {1:c}).", section, options.BusyTimeout));
        }

        if (options.MaxPageCount is < 1)
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, "{0}:MaxPageCount must be at least 1 when given (was {1}).", section, options.MaxPageCount));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
