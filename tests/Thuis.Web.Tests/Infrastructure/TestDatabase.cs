using Npgsql;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>
/// Where a test app keeps its data: a fresh SQLite file, or, when THUIS_TEST_POSTGRES holds a
/// connection string to a (throwaway) PostgreSQL server, a fresh database on it.
/// </summary>
public sealed record TestDatabase(string Provider, string ConnectionString)
{
    public const string PostgresVariable = "THUIS_TEST_POSTGRES";

    public static bool UsesPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static TestDatabase CreateFresh()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server))
        {
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"thuis_test_{Guid.NewGuid():N}" };
            return new TestDatabase("Postgres", builder.ConnectionString);
        }
        var file = Path.Combine(Path.GetTempPath(), "thuis-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return new TestDatabase("Sqlite", $"Data Source={file}");
    }
}
