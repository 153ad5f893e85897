namespace Thuis.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Database" configuration section; also read from Database__Provider and Database__ConnectionString.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/thuis.db";
}
