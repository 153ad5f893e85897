using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Thuis.Web.Data;

namespace Thuis.Bench.Scale;

/// <summary>
/// Writes many entities of one type in bulk, column by column as the app's EF model maps them (names, converters such as
/// enums stored as strings): on SQLite one prepared INSERT inside the caller's transaction, on PostgreSQL a binary COPY.
/// Bypasses the DbContext, so there are no audit entries for these rows: they stand for years of attendance lists.
/// </summary>
internal sealed class BulkTable<T> : IAsyncDisposable where T : class
{
    private readonly IProperty[] _columns;
    private readonly SqliteCommand? _insert;
    private readonly NpgsqlBinaryImporter? _copy;
    private readonly string[] _copyTypes = [];

    private BulkTable(IProperty[] columns, SqliteCommand? insert, NpgsqlBinaryImporter? copy, string[] copyTypes)
    {
        _columns = columns;
        _insert = insert;
        _copy = copy;
        _copyTypes = copyTypes;
    }

    public long Written { get; private set; }

    public static async Task<BulkTable<T>> OpenAsync(AppDbContext db, DatabaseProvider provider)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entityType.GetTableName()!;
        var columns = entityType.GetProperties().ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        if (provider == DatabaseProvider.Postgres)
        {
            var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)");
            // Completing checks every foreign key of millions of rows: far longer than a command's usual 30 seconds.
            copy.Timeout = TimeSpan.FromHours(1);
            var types = columns.Select(c => c.GetRelationalTypeMapping().StoreType.Split('(')[0]).ToArray();
            return new BulkTable<T>(columns, null, copy, types);
        }
        var insert = (SqliteCommand)connection.CreateCommand();
        insert.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // table and column names come from the app's own model
        insert.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
#pragma warning restore CA2100
        return new BulkTable<T>(columns, insert, null, []);
    }

    public async Task WriteAsync(T entity)
    {
        if (_copy is not null)
        {
            await _copy.StartRowAsync();
            for (var i = 0; i < _columns.Length; i++)
            {
                var mapping = _columns[i].GetRelationalTypeMapping();
                var value = _columns[i].GetGetter().GetClrValue(entity);
                value = value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
                if (value is null)
                {
                    await _copy.WriteNullAsync();
                }
                else
                {
                    await _copy.WriteAsync(value, _copyTypes[i]);
                }
            }
        }
        else
        {
            var insert = _insert!;
            insert.Parameters.Clear();
            for (var i = 0; i < _columns.Length; i++)
            {
                var mapping = _columns[i].GetRelationalTypeMapping();
                insert.Parameters.Add((DbParameter)mapping.CreateParameter(insert, $"$p{i}", _columns[i].GetGetter().GetClrValue(entity), _columns[i].IsNullable));
            }
            await insert.ExecuteNonQueryAsync();
        }
        Written++;
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync();
            await _copy.DisposeAsync();
        }
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
