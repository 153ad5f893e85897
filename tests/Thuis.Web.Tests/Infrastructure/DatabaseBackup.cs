using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>
/// A backup of a running Thuis's database and its restore into a fresh database, the way docs/backup.md tells an
/// administrator: SQLite's online backup (the library's <c>BackupDatabase</c>, the same API as <c>sqlite3 .backup</c>),
/// and PostgreSQL's <c>pg_dump -Fc</c> and <c>pg_restore</c>.
/// </summary>
public static class DatabaseBackup
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes a consistent copy of the database, while the app keeps writing to it, into a file in <paramref name="folder"/>.</summary>
    public static async Task<string> BackUpAsync(TestDatabase database, string folder)
    {
        if (database.Provider == "Sqlite")
        {
            var backup = Path.Combine(folder, "thuis-backup.db");
            CreateOwnerOnly(backup);
            using var source = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Pooling = false }.ToString());
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            return backup;
        }
        var dump = Path.Combine(folder, "thuis.dump");
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await RunAsync("pg_dump", server, ["-Fc", "-f", dump, "-d", server.Database!]);
        return dump;
    }

    /// <summary>Restores a backup into a fresh database beside the original (a new file, or a new database on the same server).</summary>
    public static async Task<TestDatabase> RestoreAsync(TestDatabase original, string backup)
    {
        if (original.Provider == "Sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), "thuis-tests", $"hersteld-{Guid.NewGuid():N}.db");
            CreateOwnerOnly(file);
            File.Copy(backup, file, overwrite: true);
            return new TestDatabase("Sqlite", $"Data Source={file}");
        }
        var server = new NpgsqlConnectionStringBuilder(original.ConnectionString);
        var fresh = new NpgsqlConnectionStringBuilder(original.ConnectionString) { Database = $"thuis_hersteld_{Guid.NewGuid():N}" };
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(original.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{fresh.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        await RunAsync("pg_restore", server, ["--no-owner", "--exit-on-error", "-d", fresh.Database!, backup]);
        return new TestDatabase("Postgres", fresh.ConnectionString);
    }

    private static void CreateOwnerOnly(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        using var _ = new FileStream(path, options);
    }

    /// <summary>Runs a PostgreSQL client program against the test server, failing with its own words if it fails.</summary>
    private static async Task RunAsync(string program, NpgsqlConnectionStringBuilder server, string[] arguments)
    {
        var info = new ProcessStartInfo(PostgresProgram(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username!, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }
        if (!string.IsNullOrEmpty(server.Password))
        {
            info.Environment["PGPASSWORD"] = server.Password;
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{program} mislukte ({process.ExitCode}): {await error}{await output}");
    }

    /// <summary>The newest installed PostgreSQL's own program (as test.sh picks the server), else the one on the PATH.</summary>
    private static string PostgresProgram(string name) =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(folder => Path.Combine(folder, "bin", name))
                .Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var version) ? version : 0)
                .FirstOrDefault() ?? name
            : name;
}
