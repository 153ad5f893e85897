using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Thuis.Web.Data;

/// <summary>
/// A writer on SQLite that finds another one busy waits up to five seconds instead of failing at once with "database is
/// locked". The file itself writes ahead (WAL, set once at start, see <see cref="DataSetup"/>), so a long read no longer
/// blocks a save.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
