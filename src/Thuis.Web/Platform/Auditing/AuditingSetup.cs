using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Auditing;

/// <summary>
/// The audit chain's key and checkpoint file. The key comes from Audit:Key (base64) or Audit:KeyFile (a file holding
/// it); outside Production, without either, a random key file is made beside the database (owner-only); in Production
/// Thuis does not start without one. The checkpoints go to Audit:CheckpointFile, by default beside the database.
/// </summary>
public static class AuditingSetup
{
    public const string Section = "Audit";
    public const string DefaultKeyFileName = "thuis.audit-key";
    public const string DefaultCheckpointFileName = "thuis.audit-checkpoints.jsonl";

    public static void AddAuditing(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var contentRoot = builder.Environment.ContentRootPath;
        var dataFolder = DataFolder(builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions(), contentRoot);
        var key = LoadKey(section["Key"], section["KeyFile"], builder.Environment, contentRoot, dataFolder);
        var checkpointFile = section["CheckpointFile"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(dataFolder, DefaultCheckpointFileName);

        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton(new AuditCheckpoints(checkpointFile, key));
        builder.Services.AddHostedService<AuditCheckpointService>();
    }

    internal static AuditKey LoadKey(string? configuredKey, string? keyFile, IHostEnvironment environment, string contentRoot, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            return AuditKey.FromBase64(configuredKey, "Audit:Key");
        }
        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            var path = Path.GetFullPath(keyFile, contentRoot);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Audit:KeyFile: het sleutelbestand van de audittrail {path} bestaat niet.");
            }
            return AuditKey.FromBase64(File.ReadAllText(path), $"Audit:KeyFile ({path})");
        }
        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Thuis start niet zonder sleutel voor de audittrail. Zet Audit:Key (base64, minstens 32 bytes; als omgevingsvariabele " +
                "Audit__Key) of Audit:KeyFile (een bestand met die sleutel, alleen leesbaar voor Thuis). Maak er een met: " +
                "openssl rand -base64 32. Zie docs/audit.md.");
        }
        return OwnKeyFile(Path.Combine(dataFolder, DefaultKeyFileName));
    }

    /// <summary>The demo's key: read from beside the database, or made there once, readable and writable by the owner only.</summary>
    private static AuditKey OwnKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            try
            {
                using var writer = new StreamWriter(new FileStream(path, options));
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuditKey.MinimumBytes)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another start made it at the same moment; that one is read below.
            }
        }
        return AuditKey.FromBase64(File.ReadAllText(path), path);
    }

    /// <summary>The folder of the embedded database file, or the content root's data folder for PostgreSQL.</summary>
    private static string DataFolder(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (sqlite.DataSource is not (":memory:" or "") && sqlite.Mode != SqliteOpenMode.Memory)
            {
                return Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource, contentRoot))!;
            }
        }
        return Path.Combine(contentRoot, "data");
    }
}
