using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Thuis.Web.Data;

public static class DataSetup
{
    /// <summary>
    /// Registers the AppDbContext for the configured provider: embedded SQLite unless PostgreSQL is chosen. Interceptors
    /// registered as services watch every context (the tests' watch on what a request saves).
    /// </summary>
    public static void AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Platform.Changes.DataChangeNotifier>();

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContext<PostgresAppDbContext>((sp, o) => o.UseNpgsql(options.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
                builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            default:
                var connectionString = EmbeddedConnectionString(options.ConnectionString, builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString)
                    .AddInterceptors([new SqliteConnectionSettings(), .. sp.GetServices<IInterceptor>()]));
                builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }
    }

    /// <summary>Brings the schema up to date before the first request.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsNpgsql())
        {
            await MigrateOneNodeAtATimeAsync(db);
        }
        else
        {
            await db.Database.MigrateAsync();
        }
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging, kept in the file: readers (a report being counted) no longer block a save.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }
    }

    /// <summary>
    /// Several nodes may start at once on one PostgreSQL (docs/deploy.md): the first to take a session lock makes the
    /// database if need be and brings the schema up to date; the others wait for the lock and then find nothing to do.
    /// </summary>
    private static async Task MigrateOneNodeAtATimeAsync(AppDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            try
            {
                await creator.CreateAsync();
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node made it a moment ago.
            }
        }
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})");
            await db.Database.MigrateAsync();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})");
            await db.Database.CloseConnectionAsync();
        }
    }

    // The session lock's number: any constant that no other application on the same database uses ("Thuis" in ASCII).
    private const long MigrationLock = 0x5468756973;

    // A relative SQLite file lives under the content root, and its folder is made on first run.
    private static string EmbeddedConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            CreateOwnerOnly(path);
            builder.DataSource = path;
        }
        return builder.ToString();
    }

    /// <summary>
    /// Makes the database's folder and file readable and writable by the account Thuis runs as only, so that nobody
    /// else on the machine can read people's data; SQLite gives its journal files the file's permissions.
    /// </summary>
    internal static void CreateOwnerOnly(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (!File.Exists(path))
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
    }
}
